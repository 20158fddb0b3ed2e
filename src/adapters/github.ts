// The small interface the pipeline needs from GitHub. The real implementation (github-rest.ts) talks to the
// REST and GraphQL APIs; tests point it at a loopback server.

export interface PullRequestInfo {
  number: number;
  title: string;
  body: string | null;
  /** Head branch name (`head.ref`). */
  headRef: string;
  /** Base branch name (`base.ref`). */
  baseRef: string;
  state: 'open' | 'closed';
  mergedAt: string | null;
  mergeCommitSha: string | null;
  htmlUrl: string;
}

/** How the branch head relates to the merge commit, as `GET compare/{merge}...{head}` reports it. */
export type BranchRelation = 'identical' | 'ahead' | 'behind' | 'diverged';

export interface PullEditTimes {
  lastEditedAt: string | null;
  mergedAt: string | null;
}

export type CommitState = 'pending' | 'success' | 'failure' | 'error';

export interface CommitStatusRequest {
  state: CommitState;
  context: string;
  /** At most 140 characters (GitHub rejects longer). */
  description: string;
  targetUrl: string | null;
}

/** An API call that failed after the client's own retries. `status` is null when no HTTP answer came back. */
export class GitHubApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly endpoint: string,
    /** Set when the answer announced a rate limit: how long until it resets. */
    readonly rateLimit: { waitMs: number } | null = null,
    /** `rate_limited`: the limit resets too late for this run; nothing may try again. */
    readonly kind: 'failed' | 'rate_limited' = 'failed',
  ) {
    super(message);
    this.name = 'GitHubApiError';
  }

  /** Worth another try later: no answer, a server error, or a rate limit that resets in time. */
  get transient(): boolean {
    if (this.kind === 'rate_limited') return false;
    return this.status === null || this.status >= 500 || this.rateLimit !== null;
  }
}

/** Bound to one repository. Every method throws GitHubApiError on failure, never anything else. */
export interface GitHubApi {
  readonly repository: string;
  /** Current SHA of refs/heads/<branch>; null when the branch does not exist. */
  getBranchHead(branch: string): Promise<string | null>;
  /** Relation of `head` to `base`. */
  compareCommits(base: string, head: string): Promise<BranchRelation>;
  /** Pull requests associated with a commit (eventually consistent: often empty right after a merge). */
  listPullsForCommit(sha: string): Promise<PullRequestInfo[]>;
  /** null when the pull request does not exist. */
  getPull(number: number): Promise<PullRequestInfo | null>;
  getPullEditTimes(number: number): Promise<PullEditTimes>;
  createCommitStatus(sha: string, status: CommitStatusRequest): Promise<void>;
  /** The same client with a fresh time budget for every call it makes (one per run phase). */
  withBudget(ms: number): GitHubApi;
}
