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

/** The newest status of one context on a commit (GraphQL `Status.context(name:)`). */
export interface ContextStatus {
  /** GraphQL's EXPECTED (a required check not reported yet) reads as `pending`: not final. */
  state: CommitState;
  targetUrl: string | null;
  createdAt: string | null;
}

/** One commit of a branch's recent history, as the merge gate reads it. */
export interface GateCommit {
  sha: string;
  /** null for a root commit. The first-parent chain is walked along these. */
  firstParent: string | null;
  subject: string;
  /** The pull request that brought the commit (GraphQL `associatedPullRequests`), if any. */
  pull: { number: number; title: string } | null;
  /** The newest status of the asked context; null when the commit has none. */
  status: ContextStatus | null;
}

export interface PullRequestLabels {
  number: number;
  title: string;
  labels: string[];
}

export interface StatusHistoryRequest {
  branch: string;
  /** The status context whose newest state is read on every commit. */
  context: string;
  /** How many commits, newest first (in `git log` order). */
  limit: number;
  /** Also read this pull request's title and labels (same request); null: none. */
  pullNumber: number | null;
}

export interface StatusHistory {
  /** Newest first; null when the branch does not exist. */
  commits: GateCommit[] | null;
  /** null when no pull request was asked for. */
  pull: PullRequestLabels | null;
}

/** One commit of a history as the main-health steps read it (GraphQL `Commit.history`). */
export interface HistoryCommit {
  sha: string;
  /** null for a root commit. */
  firstParent: string | null;
  /** The full message (the PR number is read from it, with no extra call per commit). */
  message: string;
  /** The author's GitHub login when GitHub knows the author, else the git author name. */
  author: string;
  /** The state of the `statusContext` status on this commit, lower case; null when it has none. */
  contextState: 'success' | 'failure' | 'error' | 'pending' | 'expected' | null;
}

export interface HistoryPage {
  /** `git log` order: the commit asked for first. */
  commits: HistoryCommit[];
  /** Pass as `after` for the next page; null on the last one. */
  nextCursor: string | null;
}

export interface HistoryQuery {
  /** Whose status each commit carries; null: none is read. */
  statusContext: string | null;
  /** Commits per page (GitHub allows at most 100). */
  first: number;
  after: string | null;
}

export interface IssueInfo {
  number: number;
  title: string;
  body: string;
  /** ISO time. */
  createdAt: string;
  htmlUrl: string;
}

export interface NewIssue {
  title: string;
  body: string;
  labels: string[];
}

/** What a fast-forward-only branch update did: GitHub refuses one that is not a fast-forward (422). */
export type BranchUpdate = 'moved' | 'not-fast-forward';

/** A rate limit an answer announced: how long until it resets; `guessed` when no header said so. */
export interface RateLimit {
  waitMs: number;
  guessed?: true;
}

/** An API call that failed after the client's own retries. `status` is null when no HTTP answer came back. */
export class GitHubApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly endpoint: string,
    /** Set when the answer announced a rate limit: how long until it resets. */
    readonly rateLimit: RateLimit | null = null,
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
  /**
   * One request (GraphQL): the newest `limit` commits of a branch with the newest status of one context on
   * each and the pull request that brought each; and, when asked, one pull request's title and labels.
   */
  getStatusHistory(request: StatusHistoryRequest): Promise<StatusHistory>;
  // --- main health (SPEC-v2 §4): the green ref, the suspects, the escalation issue
  /** Creates refs/heads/<branch> at `sha`; false when the branch exists already. */
  createBranch(branch: string, sha: string): Promise<boolean>;
  /** Moves refs/heads/<branch> to `sha` without force: GitHub itself refuses anything but a fast-forward. */
  fastForwardBranch(branch: string, sha: string): Promise<BranchUpdate>;
  /** A page of the history of `sha` (itself first), with each commit's status of one context. */
  commitHistory(sha: string, query: HistoryQuery): Promise<HistoryPage>;
  /** Open issues with the label (pull requests left out), oldest first; at most 100. */
  listOpenIssues(label: string): Promise<IssueInfo[]>;
  /** The bodies of an issue's comments, oldest first; at most 1000. */
  listIssueComments(number: number): Promise<string[]>;
  /** Never retried: a retry after a lost answer could open a second issue. */
  createIssue(issue: NewIssue): Promise<IssueInfo>;
  /** Never retried: a retry after a lost answer could comment twice. */
  commentOnIssue(number: number, body: string): Promise<void>;
  closeIssue(number: number): Promise<void>;
  /** The same client with a fresh time budget for every call it makes (one per run phase). */
  withBudget(ms: number): GitHubApi;
}
