// The freshness gate's interface (SPEC §5).
import type { Git } from '../adapters/git.js';
import type { GitHubApi } from '../adapters/github.js';

export type HeadSource = 'api' | 'git';

export interface RetryPolicy {
  /** Delays between tries, in ms; its length + 1 is the number of tries. */
  delaysMs: number[];
  sleep?: (ms: number) => Promise<void>;
}

export interface FreshnessInput {
  git: Git;
  /** null: no token or no repository — use `git ls-remote`. */
  api: GitHubApi | null;
  remote: string;
  baseBranch: string;
  /** Full 40-hex SHA. */
  mergeCommit: string;
  retry: RetryPolicy;
}

export type FreshnessVerdict =
  | { kind: 'fresh'; originHead: string; via: HeadSource; message: string }
  | {
      kind: 'stale';
      reason: 'superseded' | 'diverged' | 'rewound';
      originHead: string;
      via: HeadSource;
      message: string;
    }
  | {
      kind: 'error';
      reason: 'head_unreachable' | 'git_failed' | 'api_failed';
      originHead: string | null;
      via: HeadSource;
      message: string;
    }
  | { kind: 'blocked'; reason: 'invalid_input'; originHead: null; via: HeadSource; message: string };

export type MergeCommitResolution =
  { ok: true; sha: string } | { ok: false; reason: 'invalid_input' | 'git_failed'; message: string };

export type WorkspaceCheck =
  | { ok: true; action: 'already-at-commit' | 'checked-out' }
  | { ok: false; reason: 'workspace_mismatch' | 'git_failed'; message: string };
