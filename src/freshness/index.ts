// The freshness gate's public API (SPEC §5).
export { checkFreshness } from './check.js';
export { freshnessMessageForAction } from './for-action.js';
export { readHeadAfter } from './head-after.js';
export { resolveMergeCommit, type ResolveMergeCommitOptions } from './merge-commit.js';
export { ensureWorkspaceAt, type EnsureWorkspaceOptions } from './workspace.js';
export { DEFAULT_FRESHNESS_BUDGET_MS } from './budget.js';
export type {
  FreshnessFacts,
  FreshnessInput,
  FreshnessVerdict,
  HeadSource,
  MergeCommitResolution,
  RetryPolicy,
  WorkspaceCheck,
} from './types.js';
