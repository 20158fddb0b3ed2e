// The real GitHubApi: REST + GraphQL through @actions/github's Octokit (which keeps the runner's proxy
// settings), with time handled by github-http.ts: a deadline over each whole request, one retry layer, a
// budget per run phase. Every failure comes back as a GitHubApiError whose message never carries the token.
import { getOctokit } from '@actions/github';
import { defaults as actionsOctokitDefaults } from '@actions/github/lib/utils';
import { AnswerShape, textOrNull, type Json } from './answer-shape.js';
import {
  ApiBudget,
  DEFAULT_RETRY_POLICY,
  fetchWithDeadline,
  NoCompleteAnswer,
  rateLimitOf,
  rateLimitWait,
  withRetries,
  type ResponseHeaders,
  type RetryPolicy,
} from './github-http.js';
import {
  GitHubApiError,
  type BranchRelation,
  type BranchUpdate,
  type CommitStatusRequest,
  type GitHubApi,
  type HistoryPage,
  type HistoryQuery,
  type IssueInfo,
  type NewIssue,
  type PullEditTimes,
  type PullRequestInfo,
  type StatusHistory,
  type StatusHistoryRequest,
} from './github.js';
import { toHistoryPage, toIssueInfo, toPullInfo } from './github-shapes.js';
import { parseStatusHistory } from './status-history.js';

export interface GitHubRestApiOptions {
  token: string;
  /** `owner/name`. */
  repository: string;
  /** REST base URL, e.g. `https://api.github.com` or `https://ghes.example/api/v3` (GITHUB_API_URL). */
  apiUrl: string;
  /** GraphQL endpoint used verbatim, e.g. `https://ghes.example/api/graphql` (GITHUB_GRAPHQL_URL). */
  graphqlUrl: string;
  /** Extra attempts after a transient failure. Default 2. */
  retries?: number;
  /** Waits between attempts: retryBaseMs, then twice that. Default 1000. */
  retryBaseMs?: number;
  userAgent?: string;
  /** Deadline of one request, headers and body. Default 10 s. */
  timeoutMs?: number;
  /** Every call of this client together may take at most this long. Default: no limit. */
  budgetMs?: number;
}

/** GitHub rejects commit status descriptions longer than this. */
export const MAX_STATUS_DESCRIPTION = 140;

const RELATIONS: readonly BranchRelation[] = ['identical', 'ahead', 'behind', 'diverged'];

const EDIT_TIMES_QUERY = `query($owner: String!, $name: String!, $number: Int!) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) { lastEditedAt mergedAt }
  }
}`;

// Commits, their statuses and their PRs in one request: the merge gate's whole cost (SPEC-v2 §3). The PR
// is asked only when there is one (`@include`), so the query never names a number that does not exist.
const STATUS_HISTORY_QUERY = `query($owner: String!, $name: String!, $ref: String!, $context: String!,
  $limit: Int!, $pull: Int!, $withPull: Boolean!) {
  repository(owner: $owner, name: $name) {
    ref(qualifiedName: $ref) {
      target {
        ... on Commit {
          history(first: $limit) {
            nodes {
              oid
              messageHeadline
              parents(first: 1) { nodes { oid } }
              status { context(name: $context) { state targetUrl createdAt } }
              associatedPullRequests(first: 1) { nodes { number title } }
            }
          }
        }
      }
    }
    pullRequest(number: $pull) @include(if: $withPull) {
      number
      title
      labels(first: 100) { nodes { name } }
    }
  }
}`;

// A page of a commit's history with one status context per commit: the suspects of a red main and the last
// green commit before them, in one query.
const HISTORY_QUERY = `query($owner: String!, $name: String!, $oid: GitObjectID!, $context: String!, $first: Int!, $after: String) {
  repository(owner: $owner, name: $name) {
    object(oid: $oid) {
      ... on Commit {
        history(first: $first, after: $after) {
          pageInfo { hasNextPage endCursor }
          nodes {
            oid
            message
            author { name user { login } }
            parents(first: 1) { nodes { oid } }
            status { context(name: $context) { state } }
          }
        }
      }
    }
  }
}`;

/** Cuts to `max` characters (code points, so a surrogate pair is never split), ending in `…` when cut. */
export function truncateDescription(text: string, max = MAX_STATUS_DESCRIPTION): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return chars.slice(0, max - 1).join('') + '…';
}

interface OctokitLikeError {
  status?: unknown;
  message?: unknown;
  response?: { status?: number; data?: unknown; headers?: ResponseHeaders } | undefined;
  cause?: unknown;
}

function apiMessageOf(data: unknown): string | null {
  if (data && typeof data === 'object' && 'message' in data) {
    const m = (data as { message: unknown }).message;
    if (typeof m === 'string' && m) return m;
  }
  if (typeof data === 'string' && data.trim()) return data.trim().slice(0, 200);
  return null;
}

type FetchLike = (url: string, init?: Record<string, unknown>) => Promise<Response>;

export class GitHubRestApi implements GitHubApi {
  readonly repository: string;
  private readonly owner: string;
  private readonly name: string;
  private readonly token: string;
  private readonly graphqlUrl: string;
  private readonly octokit: ReturnType<typeof getOctokit>;
  private readonly policy: RetryPolicy;
  private readonly budget: ApiBudget;

  constructor(private readonly options: GitHubRestApiOptions) {
    const parts = options.repository.split('/');
    if (parts.length !== 2 || !parts[0] || !parts[1]) {
      throw new Error(`repository must be "owner/name", got "${options.repository}"`);
    }
    if (!options.token) throw new Error('a GitHub token is required');
    this.repository = options.repository;
    [this.owner, this.name] = parts as [string, string];
    this.token = options.token;
    this.graphqlUrl = options.graphqlUrl;
    this.policy = {
      ...DEFAULT_RETRY_POLICY,
      retries: options.retries ?? DEFAULT_RETRY_POLICY.retries,
      backoffMs: options.retryBaseMs ?? DEFAULT_RETRY_POLICY.backoffMs,
      requestTimeoutMs: options.timeoutMs ?? DEFAULT_RETRY_POLICY.requestTimeoutMs,
    };
    this.budget = options.budgetMs === undefined ? ApiBudget.unlimited() : new ApiBudget(options.budgetMs);
    this.octokit = this.createOctokit();
  }

  withBudget(ms: number): GitHubApi {
    return new GitHubRestApi({ ...this.options, budgetMs: ms });
  }

  private createOctokit(): ReturnType<typeof getOctokit> {
    const defaultRequest = (actionsOctokitDefaults.request ?? {}) as { fetch?: FetchLike };
    const baseFetch: FetchLike = defaultRequest.fetch ?? fetch;
    const deadline = () => Math.min(this.policy.requestTimeoutMs, Math.max(1, this.budget.remainingMs()));
    return getOctokit(this.token, {
      baseUrl: this.options.apiUrl.replace(/\/+$/, ''),
      userAgent: this.options.userAgent ?? 'post-merge-smoke',
      request: { ...actionsOctokitDefaults.request, fetch: fetchWithDeadline(baseFetch, deadline) },
      log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    });
  }

  async getBranchHead(branch: string): Promise<string | null> {
    const path = `/repos/${this.repoPath()}/git/ref/heads/${encodePath(branch)}`;
    let data: unknown;
    try {
      data = await this.call('GET', path);
    } catch (e) {
      if (e instanceof GitHubApiError && e.status === 404) return null;
      throw e;
    }
    const a = new AnswerShape(`GET ${path}`);
    const ref = exactRef(data, `refs/heads/${branch}`, a);
    return ref && a.sha(a.object(ref.object, 'the object a ref points at', 'object').sha, 'object.sha');
  }

  async compareCommits(base: string, head: string): Promise<BranchRelation> {
    const path = `/repos/${this.repoPath()}/compare/${encodePath(base)}...${encodePath(head)}`;
    let data: unknown;
    try {
      data = await this.call('GET', path, { per_page: 1 });
    } catch (e) {
      // GitHub answers 404 "No common ancestor between A and B." for unrelated histories.
      if (e instanceof GitHubApiError && e.status === 404 && /no common ancestor/i.test(e.message)) {
        return 'diverged';
      }
      throw e;
    }
    const a = new AnswerShape(`GET ${path}`);
    const status = a.object(data, 'a comparison').status;
    if (typeof status !== 'string' || !RELATIONS.includes(status as BranchRelation)) {
      throw a.wrong(status, `one of ${RELATIONS.join(', ')}`, 'status');
    }
    return status as BranchRelation;
  }

  async listPullsForCommit(sha: string): Promise<PullRequestInfo[]> {
    const path = `/repos/${this.repoPath()}/commits/${encodePath(sha)}/pulls`;
    const a = new AnswerShape(`GET ${path}`);
    const pulls = a.list(await this.call('GET', path, { per_page: 100 }), 'a list of pull requests');
    return pulls.map((p, i) => toPullInfo(p, a, `[${i}]`));
  }

  async getPull(number: number): Promise<PullRequestInfo | null> {
    const path = `/repos/${this.repoPath()}/pulls/${number}`;
    try {
      return toPullInfo(await this.call('GET', path), new AnswerShape(`GET ${path}`));
    } catch (e) {
      if (e instanceof GitHubApiError && e.status === 404) return null;
      throw e;
    }
  }

  async getPullEditTimes(number: number): Promise<PullEditTimes> {
    const what = `pullRequest ${number}`;
    const data = await this.graphql(EDIT_TIMES_QUERY, { owner: this.owner, name: this.name, number }, what);
    const endpoint = `POST ${this.graphqlUrl} (${what})`;
    const a = new AnswerShape(endpoint);
    const repository = a.repository(data);
    const pr = a.objectOrNull(repository.pullRequest, 'a pull request', 'repository.pullRequest');
    if (!pr) throw new GitHubApiError(`${endpoint} failed: pull request not found`, 404, endpoint);
    return { lastEditedAt: textOrNull(pr.lastEditedAt), mergedAt: textOrNull(pr.mergedAt) };
  }

  /** One GraphQL query through the retry layer; its `data`, whose shape the caller checks. */
  private graphql(query: string, variables: Record<string, unknown>, what: string): Promise<unknown> {
    const endpoint = `POST ${this.graphqlUrl} (${what})`;
    const attempt = async () => {
      const answer = await this.exchange('POST', this.graphqlUrl, { query, variables }, endpoint);
      const a = new AnswerShape(endpoint);
      const body = a.object(answer.data, 'a GraphQL answer');
      const errors =
        body.errors === undefined || body.errors === null ? [] : a.list(body.errors, 'a list', 'errors');
      if (errors.length === 0) return body.data;
      throw this.graphqlError(a.object(errors[0], 'a GraphQL error', 'errors[0]'), endpoint, answer.headers);
    };
    return withRetries(endpoint, attempt, this.policy, this.budget);
  }

  /**
   * GraphQL answers its errors with HTTP 200: NOT_FOUND and FORBIDDEN read as 404 and 403; RATE_LIMITED is
   * a rate limit like a 429, its reset in the headers; GitHub's "Something went wrong" (an internal timeout)
   * is transient like a 502.
   */
  private graphqlError(error: Json, endpoint: string, headers: ResponseHeaders): GitHubApiError {
    const type = textOrNull(error.type);
    const text = textOrNull(error.message) ?? 'unknown';
    const message = this.scrub(`${endpoint} failed: ${oneLine(`GraphQL ${type ?? 'error'}: ${text}`)}`);
    if (type === 'RATE_LIMITED') {
      return new GitHubApiError(message, 200, endpoint, rateLimitWait(headers, this.policy.now()));
    }
    const status =
      type === 'NOT_FOUND' ? 404 : type === 'FORBIDDEN' ? 403 : /went wrong|timeout/i.test(text) ? 502 : 200;
    return new GitHubApiError(message, status, endpoint);
  }

  async getStatusHistory(request: StatusHistoryRequest): Promise<StatusHistory> {
    const what = `history of ${request.branch}`;
    const data = await this.graphql(
      STATUS_HISTORY_QUERY,
      {
        owner: this.owner,
        name: this.name,
        ref: `refs/heads/${request.branch}`,
        context: request.context,
        limit: request.limit,
        pull: request.pullNumber ?? 0,
        withPull: request.pullNumber !== null,
      },
      what,
    );
    return parseStatusHistory(data, request, `POST ${this.graphqlUrl} (${what})`);
  }
  async createCommitStatus(sha: string, status: CommitStatusRequest): Promise<void> {
    const path = `/repos/${this.repoPath()}/statuses/${encodePath(sha)}`;
    await this.call('POST', path, {
      state: status.state,
      context: status.context,
      description: truncateDescription(status.description),
      target_url: status.targetUrl,
    });
  }

  async createBranch(branch: string, sha: string): Promise<boolean> {
    const path = `/repos/${this.repoPath()}/git/refs`;
    try {
      await this.call('POST', path, { ref: `refs/heads/${branch}`, sha });
      return true;
    } catch (e) {
      if (e instanceof GitHubApiError && e.status === 422 && /already exists/i.test(e.message)) return false;
      throw e;
    }
  }

  async fastForwardBranch(branch: string, sha: string): Promise<BranchUpdate> {
    const path = `/repos/${this.repoPath()}/git/refs/heads/${encodePath(branch)}`;
    try {
      await this.call('PATCH', path, { sha, force: false });
      return 'moved';
    } catch (e) {
      // GitHub's own check: "Update is not a fast forward".
      if (e instanceof GitHubApiError && e.status === 422 && /fast.?forward/i.test(e.message)) {
        return 'not-fast-forward';
      }
      throw e;
    }
  }

  async commitHistory(sha: string, query: HistoryQuery): Promise<HistoryPage> {
    const what = `history of ${sha.slice(0, 12)}`;
    const variables = {
      owner: this.owner,
      name: this.name,
      oid: sha,
      context: query.statusContext ?? '',
      first: query.first,
      after: query.after,
    };
    const data = await this.graphql(HISTORY_QUERY, variables, what);
    return toHistoryPage(data, query.statusContext !== null, `POST ${this.graphqlUrl} (${what})`);
  }

  async listOpenIssues(label: string): Promise<IssueInfo[]> {
    const path = `/repos/${this.repoPath()}/issues`;
    const params = { labels: label, state: 'open', sort: 'created', direction: 'asc', per_page: 100 };
    const a = new AnswerShape(`GET ${path}`);
    const items = a.list(await this.call('GET', path, params), 'a list of issues');
    const issues = items.map((item, i) => ({
      item,
      at: `[${i}]`,
      raw: a.object(item, 'an issue', `[${i}]`),
    }));
    // The issues API lists pull requests too; they carry `pull_request`.
    return issues.filter((i) => !('pull_request' in i.raw)).map((i) => toIssueInfo(i.item, a, i.at));
  }

  async listIssueComments(number: number): Promise<string[]> {
    const path = `/repos/${this.repoPath()}/issues/${number}/comments`;
    const bodies: string[] = [];
    for (let page = 1; page <= 10; page++) {
      const a = new AnswerShape(`GET ${path} (page ${page})`);
      const comments = a.list(await this.call('GET', path, { per_page: 100, page }), 'a list of comments');
      comments.forEach((c, i) => bodies.push(textOrNull(a.object(c, 'a comment', `[${i}]`).body) ?? ''));
      if (comments.length < 100) break;
    }
    return bodies;
  }

  async createIssue(issue: NewIssue): Promise<IssueInfo> {
    const path = `/repos/${this.repoPath()}/issues`;
    const data = await this.callOnce('POST', path, { ...issue });
    return toIssueInfo(data, new AnswerShape(`POST ${path}`));
  }

  async commentOnIssue(number: number, body: string): Promise<void> {
    await this.callOnce('POST', `/repos/${this.repoPath()}/issues/${number}/comments`, { body });
  }

  async closeIssue(number: number): Promise<void> {
    const path = `/repos/${this.repoPath()}/issues/${number}`;
    await this.call('PATCH', path, { state: 'closed', state_reason: 'completed' });
  }

  private repoPath(): string {
    return `${encodeURIComponent(this.owner)}/${encodeURIComponent(this.name)}`;
  }

  /** The body's data on 2xx (after the retry layer), a GitHubApiError on anything else. */
  private call(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    params: Record<string, unknown> = {},
    endpoint = `${method} ${url}`,
  ): Promise<unknown> {
    return withRetries(endpoint, () => this.once(method, url, params, endpoint), this.policy, this.budget);
  }

  /** A write that must not happen twice: one attempt, whatever the failure. */
  private callOnce(method: 'POST', url: string, params: Record<string, unknown>): Promise<unknown> {
    const endpoint = `${method} ${url}`;
    const once = { ...this.policy, retries: 0 };
    return withRetries(endpoint, () => this.once(method, url, params, endpoint), once, this.budget);
  }

  private async once(
    method: string,
    url: string,
    params: Record<string, unknown>,
    endpoint: string,
  ): Promise<unknown> {
    return (await this.exchange(method, url, params, endpoint)).data;
  }

  /** One request: the body's data and the headers (a GraphQL rate limit says its reset there). */
  private async exchange(
    method: string,
    url: string,
    params: Record<string, unknown>,
    endpoint: string,
  ): Promise<{ data: unknown; headers: ResponseHeaders }> {
    if (this.budget.remainingMs() <= 0) {
      throw new GitHubApiError(
        `${endpoint} failed: no time left of the ${this.budget.describe()} this run allows the API`,
        null,
        endpoint,
      );
    }
    try {
      const response = await this.octokit.request({ method, url, ...params });
      return { data: response.data, headers: response.headers };
    } catch (e) {
      throw this.toApiError(e, endpoint);
    }
  }

  private toApiError(e: unknown, endpoint: string): GitHubApiError {
    if (e instanceof GitHubApiError) return e;
    const err = (e ?? {}) as OctokitLikeError;
    const response = err.response;
    if (response && typeof response.status === 'number') {
      const detail = apiMessageOf(response.data);
      const limit = rateLimitOf(response.status, response.headers ?? {}, detail ?? '', this.policy.now());
      return new GitHubApiError(
        this.scrub(`${endpoint} failed: HTTP ${response.status}${detail ? ` (${oneLine(detail)})` : ''}`),
        response.status,
        endpoint,
        limit,
      );
    }
    // Headers came, the body did not end in time: the deadline's own message says how much came.
    if (err.cause instanceof NoCompleteAnswer && err.cause.headersCame) {
      return new GitHubApiError(this.scrub(`${endpoint} failed: ${err.cause.message}`), null, endpoint);
    }
    // No HTTP answer: connection refused, DNS, TLS, our per-attempt deadline.
    const cause = err.cause as { message?: unknown; code?: unknown; cause?: { code?: unknown } } | undefined;
    const code =
      typeof cause?.code === 'string'
        ? cause.code
        : typeof cause?.cause?.code === 'string'
          ? cause.cause.code
          : null;
    const text =
      typeof err.message === 'string' && err.message && err.message !== 'fetch failed'
        ? err.message
        : typeof cause?.message === 'string'
          ? cause.message
          : String(e);
    return new GitHubApiError(
      this.scrub(`${endpoint} failed: no answer (${code && !text.includes(code) ? `${code}: ` : ''}${text})`),
      null,
      endpoint,
    );
  }

  private scrub(text: string): string {
    return this.token ? text.split(this.token).join('***') : text;
  }
}

/** API error bodies may be whole HTML pages: one line of them, never a line that could start anything. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function encodePath(value: string): string {
  return value.split('/').map(encodeURIComponent).join('/');
}

/**
 * The ref `git/ref/heads/<branch>` answers: one ref object (a name that is no ref is a 404). An older
 * GitHub answered a name that only prefixes refs with the list of those (documented for `git/refs`): then
 * the exact name among them, or none, the branch does not exist. Anything else (null, an empty list, a
 * string) is not an answer about the branch at all.
 */
function exactRef(data: unknown, name: string, a: AnswerShape): Json | null {
  if (!Array.isArray(data) || data.length === 0) return a.object(data, 'a ref object');
  const refs = data.map((r, i) => a.object(r, 'a ref object', `[${i}]`));
  return refs.find((r) => r.ref === name) ?? null;
}
