// The freshness gate's interface (SPEC §5).
import type { GitRepository, GitHubApi } from '../adapters/index.js';
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
  /**
   * May the gate fetch missing commits and unshallow a shallow clone (default true)? false (the CLI's plan
   * mode): the repository is left as it is, and a relation that needs more history is reported as
   * undecided (ERROR git_failed, facts.undecided) instead.
   */
  mayFetch?: boolean;
  /** May a shallow clone be unshallowed to tell an ancestry (default: mayFetch)? The CLI's plan: no. */
  mayUnshallow?: boolean;
}

/** What the gate saw, for callers that word their own advice (the message states these facts only). */
export interface FreshnessFacts {
  /** Looks at the head. */
  tries: number;
  /** The API kept answering "behind" or did not know the merge commit, so git ls-remote was asked too. */
  gitRecheck: 'confirmed' | 'failed' | null;
  /** How the head relates to the merge commit, when known. */
  relation: 'identical' | 'ahead' | 'behind' | 'diverged' | null;
  /**
   * The head was read but its relation to the merge commit could not be told: the clone is shallow and its
   * history was not completed, or a commit it needs is not here and fetching is off.
   */
  undecided: 'shallow-history' | 'not-fetched' | null;
  /** The budget ran out before the gate had its answer. */
  budgetSpent: boolean;
  /** A shallow clone's history was completed (git fetch --unshallow) to tell the relation. */
  unshallowed: boolean;
}

interface VerdictBase {
  /** How the head was read in the end. */
  via: HeadSource;
  /** One sentence of facts: the head, its relation to the merge commit, how it was seen. */
  message: string;
  facts: FreshnessFacts;
}

export type FreshnessVerdict = VerdictBase &
  (
    | { kind: 'fresh'; originHead: Sha }
    | { kind: 'stale'; reason: 'superseded' | 'diverged' | 'rewound'; originHead: Sha }
    | { kind: 'error'; reason: 'head_unreachable' | 'git_failed' | 'api_failed'; originHead: Sha | null }
    | { kind: 'blocked'; reason: 'invalid_input'; originHead: null }
  );

export type MergeCommitResolution =
  { ok: true; sha: Sha } | { ok: false; reason: 'invalid_input' | 'git_failed'; message: string };

export type WorkspaceCheck =
  | { ok: true; action: 'already-at-commit' | 'checked-out' }
  | { ok: false; reason: 'workspace_mismatch' | 'git_failed'; message: string };
