// The plan a plan job hands to the report job (beside its `matrix` and `profiles` outputs): the file
// `fanout-plan.json`, uploaded as the artifact `post-merge-smoke-plan-<sha7>-attempt-<n>`. The report job
// needs it to tell a shard that never reported (ERROR missing_shard) from one that was never planned. The
// plan job uploads it before any run job starts (they need the plan), so no smoke can upload a plan of its
// own under that name first. Pure: building, naming and reading it.
import { DEFAULT_PROFILE, parseProfileName, parseSha, type Parsed, type Sha } from '../domain/index.js';
import type { FanOut } from '../settings/index.js';
import type { PlannedShard } from './select.js';

export const FANOUT_PLAN_SCHEMA_ID = 'post-merge-smoke/fanout-plan@1';
export const FANOUT_PLAN_FILE = 'fanout-plan.json';

export interface FanoutPlanDocument {
  schema: typeof FANOUT_PLAN_SCHEMA_ID;
  merge_commit: Sha;
  fan_out: FanOut;
  /** The shards' names, in plan order (the `profiles` output). */
  profiles: string[];
  shards: PlannedShard[];
}

export function planDocument(mergeCommit: Sha, fanOut: FanOut, shards: readonly PlannedShard[]) {
  const doc: FanoutPlanDocument = {
    schema: FANOUT_PLAN_SCHEMA_ID,
    merge_commit: mergeCommit,
    fan_out: fanOut,
    profiles: shards.map((s) => s.profile),
    shards: [...shards],
  };
  return doc;
}

export function planArtifactName(mergeCommit: Sha, runAttempt: number): string {
  return `post-merge-smoke-plan-${mergeCommit.slice(0, 7)}-attempt-${runAttempt}`;
}

/** A plan document read back (by a report job): the commit it plans for and its profiles, checked. */
export function parsePlanDocument(json: unknown): Parsed<{ mergeCommit: Sha; profiles: string[] }> {
  const no = (problem: string) => ({ ok: false as const, problem });
  if (typeof json !== 'object' || json === null) return no('is not a JSON object');
  const doc = json as Record<string, unknown>;
  if (doc.schema !== FANOUT_PLAN_SCHEMA_ID) return no(`is not a ${FANOUT_PLAN_SCHEMA_ID} document`);
  const sha = parseSha(typeof doc.merge_commit === 'string' ? doc.merge_commit : '');
  if (!sha.ok) return no(`has a merge_commit that ${sha.problem}`);
  if (!Array.isArray(doc.profiles)) return no('has no profiles list');
  const profiles: string[] = [];
  for (const p of doc.profiles) {
    const name = typeof p === 'string' ? parseProfileName(p) : null;
    if (!name?.ok && p !== DEFAULT_PROFILE) return no(`names a profile ${JSON.stringify(p)} that is not one`);
    profiles.push(p as string);
  }
  return { ok: true, value: { mergeCommit: sha.value, profiles } };
}
