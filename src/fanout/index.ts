// Fan-out (SPEC-v2 §5): which profiles a commit needs, the job matrix that runs them, and the fold of their
// results into one verdict. Pure decisions; the modes and the CLI do the effects.
export {
  matrixJson,
  precedenceShard,
  profileShard,
  selectByPaths,
  type PlannedShard,
  type SelectableProfile,
} from './select.js';
export {
  decidingProfile,
  foldResults,
  foldShards,
  profileOf,
  PROFILE_TAIL_BYTES,
  SEVERITY,
  type MissingShard,
  type ShardResult,
} from './fold.js';
export { mapWithLimit } from './pool.js';
export {
  FANOUT_PLAN_FILE,
  FANOUT_PLAN_SCHEMA_ID,
  parsePlanDocument,
  planArtifactName,
  planDocument,
  type FanoutPlanDocument,
} from './plan-document.js';
