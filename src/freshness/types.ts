// The freshness gate's interface (SPEC §5).
import type { GitRepository } from '../adapters/git.js';
import type { GitHubApi } from '../adapters/github.js';
import type { BranchName, RemoteName, Sha } from '../domain/index.js';

export type HeadSource = 'api' | 'git';

export interface RetryPolicy {
  /** Delays between tries, in ms; its length + 1 is the number of tries. */
  delaysMs: number[];
  sleep?: (ms: number) => Promise<void>;
}

export interface FreshnessInput {
  git: GitRepository;
  /** null: no token or no repository — use `git ls-remote`. */
  api: GitHubApi | null;
  remote: RemoteName;
  baseBranch: BranchName;
  mergeCommit: Sha;
  /** Looks again while the API lags behind a push (or git could not answer), within the budget. */
  retry: RetryPolicy;
  /**
   * The whole gate (every look, every wait, every git process) ends within this many ms; default
   * DEFAULT_FRESHNESS_BUDGET_MS (45 s). A remote that never answers is ERROR `head_unreachable` then.
   */
  budgetMs?: number;
  /** Stops the gate early (a cancelled run): the git process in flight is killed. */
  signal?: AbortSignal;
}

export type FreshnessVerdict =
  | { kind: 'fresh'; originHead: Sha; via: HeadSource; message: string }
  | {
      kind: 'stale';
      reason: 'superseded' | 'diverged' | 'rewound';
      originHead: Sha;
      via: HeadSource;
      message: string;
    }
  | {
      kind: 'error';
      reason: 'head_unreachable' | 'git_failed' | 'api_failed';
      originHead: Sha | null;
      via: HeadSource;
      message: string;
    }
  | { kind: 'blocked'; reason: 'invalid_input'; originHead: null; via: HeadSource; message: string };

export type MergeCommitResolution =
  { ok: true; sha: Sha } | { ok: false; reason: 'invalid_input' | 'git_failed'; message: string };

export type WorkspaceCheck =
  | { ok: true; action: 'already-at-commit' | 'checked-out' }
  | { ok: false; reason: 'workspace_mismatch' | 'git_failed'; message: string };
