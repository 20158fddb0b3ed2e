// The real GitHubApi: REST + GraphQL through @actions/github's Octokit with @octokit/plugin-retry. Every
// failure comes back as a GitHubApiError whose message never carries the token; every HTTP attempt has its
// own deadline so a hung server cannot hang the action.
import { getOctokit } from '@actions/github';
import { defaults as actionsOctokitDefaults } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import {
  GitHubApiError,
  type BranchRelation,
  type CommitStatusRequest,
  type GitHubApi,
  type PullEditTimes,
  type PullRequestInfo,
} from './github.js';

export interface GitHubRestApiOptions {
  token: string;
  /** `owner/name`. */
  repository: string;
  /** REST base URL, e.g. `https://api.github.com` or `https://ghes.example/api/v3` (GITHUB_API_URL). */
  apiUrl: string;
  /** GraphQL endpoint used verbatim, e.g. `https://ghes.example/api/graphql` (GITHUB_GRAPHQL_URL). */
  graphqlUrl: string;
  /** Extra attempts for 5xx, 429 and network errors (plugin-retry). Default 2. */
  retries?: number;
  /** plugin-retry waits `(n+1)^2 * retryBaseMs` before attempt n+1. Default 1000. */
  retryBaseMs?: number;
  userAgent?: string;
  /** Deadline of one HTTP attempt. Default 30 s. */
  timeoutMs?: number;
}

/** GitHub rejects commit status descriptions longer than this. */
export const MAX_STATUS_DESCRIPTION = 140;

type FetchLike = (url: string, init?: Record<string, unknown>) => Promise<unknown>;

const RELATIONS: readonly BranchRelation[] = ['identical', 'ahead', 'behind', 'diverged'];

const EDIT_TIMES_QUERY = `query($owner: String!, $name: String!, $number: Int!) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) { lastEditedAt mergedAt }
  }
}`;

/** Cuts to `max` characters (code points, so a surrogate pair is never split), ending in `…` when cut. */
export function truncateDescription(text: string, max = MAX_STATUS_DESCRIPTION): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return chars.slice(0, max - 1).join('') + '…';
}

/** Wraps a fetch so that each HTTP attempt is aborted after `timeoutMs`; the abort surfaces as a network
 * error (which plugin-retry retries and which carries no HTTP status). */
function fetchWithDeadline(base: FetchLike, timeoutMs: number): FetchLike {
  return async (url, init = {}) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const outer = init.signal as AbortSignal | undefined;
    const signal = outer ? AbortSignal.any([outer, deadline]) : deadline;
    try {
      return await base(url, { ...init, signal });
    } catch (e) {
      if (deadline.aborted && !outer?.aborted) {
        throw new TypeError('fetch failed', {
          cause: new Error(`no answer within ${timeoutMs} ms`),
        });
      }
      throw e;
    }
  };
}

interface OctokitLikeError {
  status?: unknown;
  message?: unknown;
  response?: { status?: number; data?: unknown } | undefined;
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

export class GitHubRestApi implements GitHubApi {
  readonly repository: string;
  private readonly owner: string;
  private readonly name: string;
  private readonly token: string;
  private readonly graphqlUrl: string;
  private readonly octokit: ReturnType<typeof getOctokit>;

  constructor(options: GitHubRestApiOptions) {
    const parts = options.repository.split('/');
    if (parts.length !== 2 || !parts[0] || !parts[1]) {
      throw new Error(`repository must be "owner/name", got "${options.repository}"`);
    }
    if (!options.token) throw new Error('a GitHub token is required');
    this.repository = options.repository;
    this.owner = parts[0];
    this.name = parts[1];
    this.token = options.token;
    this.graphqlUrl = options.graphqlUrl;
    const defaultRequest = (actionsOctokitDefaults.request ?? {}) as { fetch?: FetchLike };
    const baseFetch: FetchLike = defaultRequest.fetch ?? (fetch as unknown as FetchLike);
    this.octokit = getOctokit(
      options.token,
      {
        baseUrl: options.apiUrl.replace(/\/+$/, ''),
        userAgent: options.userAgent ?? 'post-merge-smoke',
        retry: { retries: options.retries ?? 2, retryAfterBaseValue: options.retryBaseMs ?? 1000 },
        request: {
          ...actionsOctokitDefaults.request,
          fetch: fetchWithDeadline(baseFetch, options.timeoutMs ?? 30_000),
        },
        log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
      },
      retry,
    );
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
    // A prefix match (the old `git/refs` behaviour) answers with an array: only an exact name counts.
    const refs = Array.isArray(data) ? data : [data];
    const exact = refs.find(
      (r): r is { ref: string; object: { sha: string } } =>
        !!r && typeof r === 'object' && (r as { ref?: unknown }).ref === `refs/heads/${branch}`,
    );
    if (Array.isArray(data) && !exact) return null;
    const sha = (exact ?? (data as { object?: { sha?: unknown } })).object?.sha;
    if (typeof sha !== 'string' || !/^[0-9a-f]{40}$/i.test(sha)) {
      throw new GitHubApiError(`GET ${path} answered without a commit SHA`, 200, `GET ${path}`);
    }
    return sha.toLowerCase();
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
    const status = (data as { status?: unknown } | null)?.status;
    if (typeof status !== 'string' || !RELATIONS.includes(status as BranchRelation)) {
      throw new GitHubApiError(
        `GET ${path} answered with an unknown status ${JSON.stringify(status)}`,
        200,
        `GET ${path}`,
      );
    }
    return status as BranchRelation;
  }

  async listPullsForCommit(sha: string): Promise<PullRequestInfo[]> {
    const path = `/repos/${this.repoPath()}/commits/${encodePath(sha)}/pulls`;
    const data = await this.call('GET', path, { per_page: 100 });
    if (!Array.isArray(data)) {
      throw new GitHubApiError(`GET ${path} did not answer with a list`, 200, `GET ${path}`);
    }
    return data.map((p) => toPullInfo(p, `GET ${path}`));
  }

  async getPull(number: number): Promise<PullRequestInfo | null> {
    const path = `/repos/${this.repoPath()}/pulls/${number}`;
    try {
      return toPullInfo(await this.call('GET', path), `GET ${path}`);
    } catch (e) {
      if (e instanceof GitHubApiError && e.status === 404) return null;
      throw e;
    }
  }

  async getPullEditTimes(number: number): Promise<PullEditTimes> {
    const endpoint = `POST ${this.graphqlUrl} (pullRequest ${number})`;
    const data = (await this.call(
      'POST',
      this.graphqlUrl,
      { query: EDIT_TIMES_QUERY, variables: { owner: this.owner, name: this.name, number } },
      endpoint,
    )) as {
      data?: { repository?: { pullRequest?: { lastEditedAt?: unknown; mergedAt?: unknown } | null } | null };
      errors?: { type?: string; message?: string }[];
    } | null;
    const errors = data?.errors ?? [];
    if (errors.length > 0) {
      const first = errors[0] ?? {};
      const status = first.type === 'NOT_FOUND' ? 404 : first.type === 'FORBIDDEN' ? 403 : 200;
      throw new GitHubApiError(
        this.scrub(`${endpoint} failed: GraphQL ${first.type ?? 'error'}: ${first.message ?? 'unknown'}`),
        status,
        endpoint,
      );
    }
    const pr = data?.data?.repository?.pullRequest;
    if (!pr) {
      throw new GitHubApiError(`${endpoint} failed: pull request not found`, 404, endpoint);
    }
    return {
      lastEditedAt: typeof pr.lastEditedAt === 'string' ? pr.lastEditedAt : null,
      mergedAt: typeof pr.mergedAt === 'string' ? pr.mergedAt : null,
    };
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

  private repoPath(): string {
    return `${encodeURIComponent(this.owner)}/${encodeURIComponent(this.name)}`;
  }

  /** One request; the body's data on 2xx, a GitHubApiError on anything else. `url` has no `{}` templates. */
  private async call(
    method: 'GET' | 'POST',
    url: string,
    params: Record<string, unknown> = {},
    endpoint = `${method} ${url}`,
  ): Promise<unknown> {
    try {
      const response = await this.octokit.request({ method, url, ...params });
      return response.data;
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
      return new GitHubApiError(
        this.scrub(`${endpoint} failed: HTTP ${response.status}${detail ? ` (${detail})` : ''}`),
        response.status,
        endpoint,
      );
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

function encodePath(value: string): string {
  return value.split('/').map(encodeURIComponent).join('/');
}

function toPullInfo(raw: unknown, endpoint: string): PullRequestInfo {
  const p = raw as Record<string, unknown> | null;
  if (!p || typeof p !== 'object' || typeof p.number !== 'number') {
    throw new GitHubApiError(`${endpoint} answered with something that is not a pull request`, 200, endpoint);
  }
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  const ref = (v: unknown): string => str((v as { ref?: unknown } | null)?.ref) ?? '';
  return {
    number: p.number,
    title: str(p.title) ?? '',
    body: str(p.body),
    headRef: ref(p.head),
    baseRef: ref(p.base),
    state: p.state === 'open' ? 'open' : 'closed',
    mergedAt: str(p.merged_at),
    mergeCommitSha: str(p.merge_commit_sha),
    htmlUrl: str(p.html_url) ?? '',
  };
}
