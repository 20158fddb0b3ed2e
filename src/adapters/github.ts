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
  ) {
    super(message);
    this.name = 'GitHubApiError';
  }

  /** Worth another try later: no answer, a server error, or rate limiting. */
  get transient(): boolean {
    return this.status === null || this.status >= 500 || this.status === 429;
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
}
