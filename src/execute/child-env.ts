// The smoke command's environment: the action's own, minus its inputs, the runner's credentials and every
// variable that holds a secret, with the runner's file commands pointed at the null device, plus the caller's
// extras (SMOKE_MERGE_COMMIT, SMOKE_TASK_ID, SMOKE_PR_NUMBER). The engine adds the tracking id.
import { devNull } from 'node:os';
import { FILE_COMMAND_VARIABLES, MIN_SECRET_LENGTH } from '../domain/index.js';

/** Runner credentials and endpoints that a smoke command has no business seeing. */
const DROPPED_VARIABLES: readonly string[] = [
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_RUNTIME_URL',
  'ACTIONS_CACHE_URL',
  'GITHUB_TOKEN',
  'GH_TOKEN',
];

/** Name prefixes dropped whole: the action's inputs and its saved state. */
const DROPPED_PREFIXES: readonly string[] = ['INPUT_', 'STATE_'];

/** Set by the engine on every attempt; the tree sweep finds escaped processes by it. */
export const TRACKING_ID_VARIABLE = 'POST_MERGE_SMOKE_TRACKING_ID';

/**
 * `secretValues`: values that must not reach the child; any variable whose value contains one of them is
 * dropped (`BUNDLE_GITHUB__COM=x-access-token:<token>`, a URL with the token inside; values shorter than
 * MIN_SECRET_LENGTH are ignored). `platform`: on win32 names compare case-insensitively.
 */
export function buildChildEnv(
  parent: NodeJS.ProcessEnv,
  extras: Record<string, string>,
  secretValues: readonly string[] = [],
  platform: NodeJS.Platform = process.platform,
): NodeJS.ProcessEnv {
  const win = platform === 'win32';
  const norm = (name: string): string => (win ? name.toUpperCase() : name);
  const dropped = new Set(DROPPED_VARIABLES.map(norm));
  const prefixes = DROPPED_PREFIXES.map(norm);
  const secrets = secretValues.filter((v) => v.length >= MIN_SECRET_LENGTH);
  const holdsSecret = (value: string) => secrets.some((secret) => value.includes(secret));
  // Through the file commands the smoke could set (or, with a `name<<EOF` left open, break) this step's
  // outputs and the environment and PATH of later steps: they point at the null device, so writing to them
  // still succeeds and changes nothing. (The job summary stays the smoke's to write to.)
  const nulled = new Set<string>(FILE_COMMAND_VARIABLES.map(norm));
  const extraNames = new Set(Object.keys(extras).map(norm));

  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(parent)) {
    if (value === undefined) continue;
    const key = norm(name);
    if (dropped.has(key) || prefixes.some((p) => key.startsWith(p))) continue;
    if (holdsSecret(value)) continue;
    if (extraNames.has(key)) continue; // replaced below, whatever its case
    env[name] = nulled.has(key) ? devNull : value;
  }
  for (const [name, value] of Object.entries(extras)) env[name] = value;
  return env;
}

/** Tracking ids of enclosing runs (a smoke command that itself runs the engine), comma-separated. */
export const OUTER_TRACKING_IDS_VARIABLE = 'POST_MERGE_SMOKE_OUTER_TRACKING_IDS';

/**
 * `env` with the tracking id set. An inherited id (this engine running inside another run's command) moves
 * to POST_MERGE_SMOKE_OUTER_TRACKING_IDS, so the enclosing run's sweep still finds our descendants.
 * Names compare case-insensitively on Windows.
 */
export function withTrackingId(
  env: NodeJS.ProcessEnv,
  trackingId: string,
  platform: NodeJS.Platform = process.platform,
): NodeJS.ProcessEnv {
  const norm = (name: string): string => (platform === 'win32' ? name.toUpperCase() : name);
  const out: NodeJS.ProcessEnv = {};
  const outer: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    const key = norm(name);
    if (key === TRACKING_ID_VARIABLE || key === OUTER_TRACKING_IDS_VARIABLE) {
      outer.push(...value.split(',').filter((v) => v !== ''));
      continue;
    }
    out[name] = value;
  }
  if (outer.length > 0) out[OUTER_TRACKING_IDS_VARIABLE] = outer.join(',');
  out[TRACKING_ID_VARIABLE] = trackingId;
  return out;
}
