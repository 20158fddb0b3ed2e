// What every stage of every mode may use: the settings, the runner's context, and the effects behind small
// interfaces (git, the GitHub API, the sinks). Built once by an entry point (the action, the CLI, a replay).
import type { GitRepository, GitHubApi } from '../adapters/index.js';
import type { RetryPolicy } from '../freshness/index.js';
import type { RunnerContext, Settings } from '../settings/index.js';
import type { Sinks } from '../sinks/index.js';
import type { Entry } from './wording.js';

export interface LocalWorkspace {
  dirtyFiles: readonly string[];
  allowDirty: boolean;
}

export interface ModeContext {
  /** Who runs the mode: the action on a runner, or the CLI on a developer's machine (words differ). */
  entry: Entry;
  settings: Settings;
  runner: RunnerContext;
  git: GitRepository;
  /** null: no token or no repository (local use). */
  api: GitHubApi | null;
  sinks: Sinks;
  /** Result file, packet, logs. */
  outDir: string;
  /** The environment the smoke command inherits (scrubbed before use). */
  env: NodeJS.ProcessEnv;
  /** Secret values to keep away from the smoke command besides the secret variables (the token input). */
  secrets: string[];
  retry: RetryPolicy;
  /** false: stop before running anything and report the plan (the CLI without --apply). */
  apply: boolean;
  /**
   * May the workspace be checked out at the merge commit when HEAD differs (SPEC §5)? The action: yes.
   * The CLI: no — it never moves a developer's checkout; it reports the mismatch instead.
   */
  checkoutWorkspace: boolean;
  /**
   * The CLI's working tree (with checkoutWorkspace false): its uncommitted files, read before the run, and
   * whether --apply may run on them. Absent for the action, which never runs on local changes.
   */
  local?: LocalWorkspace;
  /** The CLI's --task-file: read from disk instead of the tree. */
  taskFileOverride: { path: string; content: string } | null;
  now: () => Date;
}

/**
 * How long each phase of a run may spend on the GitHub API, whatever the API does (a silent server, a
 * stalled body, retries, rate limits): the worst case of a run is these numbers plus the smoke itself.
 * The verdict phase covers the freshness check and PR discovery, which run side by side. The reporting
 * phase gives each of its steps a budget of its own (REPORTING_MS in src/report/deadlines.ts).
 */
export const API_BUDGET_MS = {
  verdict: 25_000,
  pending: 10_000,
  headAfter: 10_000,
  /** `mode: gate`: its one request, retries and rate limits included. */
  gate: 20_000,
} as const;

/** `c` whose API calls share one budget of `ms`. */
export function withApiBudget(c: ModeContext, ms: number): ModeContext {
  return c.api ? { ...c, api: c.api.withBudget(ms) } : c;
}
