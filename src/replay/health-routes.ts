// Loopback GitHub routes with state, for main health (SPEC-v2 §4): commit statuses kept per commit, branch
// refs created and moved in the real bare repository (with GitHub's own fast-forward check when `force` is
// false), the GraphQL commit history read from it with each commit's status, and issues with labels and
// comments. A replay or a test runs several merges against one such state: a red streak and its recovery.
import type { GitTransport } from '../adapters/index.js';
import type { FakeResponse, LoopbackGitHub, RecordedRequest } from './loopback-github.js';
import { refPayload } from './git-backed-routes.js';
import { StatusBook, type BookedStatus } from './history-routes.js';

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  labels: string[];
  state: 'open' | 'closed';
  createdAt: string;
  comments: string[];
}

/** A status as the loopback API recorded it (with the token that posted it). */
export type PostedStatus = BookedStatus;

export interface MainHealthState {
  /** Every status set, oldest first (the view of `book`). */
  readonly statuses: readonly PostedStatus[];
  /** The one status store: the gate's query (history-routes) reads it too. */
  book: StatusBook;
  issues: FakeIssue[];
  /** Writes made with one of these tokens answer 403, as GitHub does for a token without write scope. */
  readOnlyTokens: Set<string>;
}

export interface MainHealthOptions {
  /** `created_at` of new issues. */
  now?: () => Date;
  /** Statuses already set (e.g. a fixture's base history); a new book when absent. */
  book?: StatusBook;
}

const FORBIDDEN: FakeResponse = {
  status: 403,
  body: {
    message: 'Resource not accessible by integration',
    documentation_url: 'https://docs.github.com/rest',
  },
};

function tokenOf(req: RecordedRequest): string | null {
  const auth = req.headers.authorization;
  return typeof auth === 'string' ? auth.replace(/^(token|bearer)\s+/i, '') : null;
}

/** Routes the main-health endpoints of `repository` to `origin` and an in-memory state, which it returns. */
export function serveMainHealth(
  server: LoopbackGitHub,
  origin: GitTransport,
  repository = 'octo/repo',
  options: MainHealthOptions = {},
): MainHealthState {
  const book = options.book ?? new StatusBook();
  const state: MainHealthState = {
    get statuses() {
      return book.all;
    },
    book,
    issues: [],
    readOnlyTokens: new Set(),
  };
  const repo = `^/repos/${repository.replace('/', '\\/')}`;
  const write =
    (handler: (req: RecordedRequest, m: RegExpMatchArray) => FakeResponse | Promise<FakeResponse>) =>
    (req: RecordedRequest, m: RegExpMatchArray) =>
      state.readOnlyTokens.has(tokenOf(req) ?? '') ? FORBIDDEN : handler(req, m);
  server
    .on(
      'POST',
      new RegExp(`${repo}/statuses/([0-9a-f]{40})$`),
      write((req, m) => postStatus(state, req, m[1]!)),
    )
    .on(
      'POST',
      new RegExp(`${repo}/git/refs$`),
      write((req) => createRef(origin, repository, req)),
    )
    .on(
      'PATCH',
      new RegExp(`${repo}/git/refs/heads/(.+)$`),
      write((req, m) => updateRef(origin, repository, req, m[1]!)),
    )
    .on('POST', /^\/graphql$/, (req) => historyAnswer(origin, state, req))
    .on('GET', new RegExp(`${repo}/issues$`), (req) => listIssues(state, req, repository))
    .on(
      'POST',
      new RegExp(`${repo}/issues$`),
      write((req) => createIssue(state, req, repository, options)),
    )
    .on('GET', new RegExp(`${repo}/issues/(\\d+)/comments$`), (req, m) =>
      listComments(state, req, Number(m[1])),
    )
    .on(
      'POST',
      new RegExp(`${repo}/issues/(\\d+)/comments$`),
      write((req, m) => comment(state, req, Number(m[1]))),
    )
    .on(
      'PATCH',
      new RegExp(`${repo}/issues/(\\d+)$`),
      write((req, m) => editIssue(state, req, Number(m[1]), repository)),
    );
  return state;
}

function postStatus(state: MainHealthState, req: RecordedRequest, sha: string): FakeResponse {
  return state.book.post(sha, (req.json ?? {}) as Record<string, unknown>, tokenOf(req));
}

/** The newest status of `context` on `sha`, lower case; null when none. */
export function latestStatus(state: MainHealthState, sha: string, context: string): string | null {
  return state.book.newest(sha, context)?.state ?? null;
}

async function isCommit(origin: GitTransport, sha: string): Promise<boolean> {
  return (
    /^[0-9a-f]{40}$/.test(sha) && (await origin.run(['cat-file', '-e', `${sha}^{commit}`])).exitCode === 0
  );
}

async function refSha(origin: GitTransport, ref: string): Promise<string | null> {
  const r = await origin.run(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  return r.exitCode === 0 ? r.stdout.trim() : null;
}

async function createRef(
  origin: GitTransport,
  repository: string,
  req: RecordedRequest,
): Promise<FakeResponse> {
  const { ref, sha } = (req.json ?? {}) as { ref?: string; sha?: string };
  if (!ref?.startsWith('refs/heads/') || !sha) return { status: 422, body: { message: 'Invalid request.' } };
  if (!(await isCommit(origin, sha))) return { status: 422, body: { message: 'Object does not exist' } };
  if ((await refSha(origin, ref)) !== null)
    return { status: 422, body: { message: 'Reference already exists' } };
  await origin.run(['update-ref', ref, sha]);
  return { ...refPayload(repository, ref.slice('refs/heads/'.length), sha), status: 201 };
}

async function updateRef(
  origin: GitTransport,
  repository: string,
  req: RecordedRequest,
  branch: string,
): Promise<FakeResponse> {
  const { sha, force } = (req.json ?? {}) as { sha?: string; force?: boolean };
  const current = await refSha(origin, `refs/heads/${branch}`);
  if (current === null) return { status: 422, body: { message: 'Reference does not exist' } };
  if (!sha || !(await isCommit(origin, sha)))
    return { status: 422, body: { message: 'Object does not exist' } };
  const fastForward = (await origin.run(['merge-base', '--is-ancestor', current, sha])).exitCode === 0;
  if (!force && !fastForward) return { status: 422, body: { message: 'Update is not a fast forward' } };
  await origin.run(['update-ref', `refs/heads/${branch}`, sha]);
  return refPayload(repository, branch, sha);
}

/** The history query of GitHubRestApi.commitHistory, answered with real git; other queries pass. */
async function historyAnswer(
  origin: GitTransport,
  state: MainHealthState,
  req: RecordedRequest,
): Promise<FakeResponse | null> {
  const { query, variables } = (req.json ?? {}) as { query?: string; variables?: Record<string, unknown> };
  if (!query?.includes('object(oid:') || !query.includes('history(')) return null;
  const oid = String(variables?.oid ?? '');
  if (!(await isCommit(origin, oid))) return { body: { data: { repository: { object: null } } } };
  const all = (await origin.run(['rev-list', oid])).stdout.trim().split('\n');
  const start = variables?.after ? Number(String(variables.after).replace('cursor:', '')) : 0;
  const end = Math.min(all.length, start + Number(variables?.first ?? 100));
  const context = String(variables?.context ?? '');
  const nodes = [];
  for (const sha of all.slice(start, end)) nodes.push(await historyNode(origin, state, sha, context));
  const pageInfo = { hasNextPage: end < all.length, endCursor: `cursor:${end}` };
  return { body: { data: { repository: { object: { history: { pageInfo, nodes } } } } } };
}

async function historyNode(origin: GitTransport, state: MainHealthState, sha: string, context: string) {
  const show = await origin.run(['show', '-s', '--format=%P%x1f%an%x1f%B', sha]);
  const [parents = '', author = '', message = ''] = show.stdout.split('\x1f');
  const parent = parents.trim().split(' ').filter(Boolean)[0];
  const s = context ? latestStatus(state, sha, context) : null;
  return {
    oid: sha,
    message: message.replace(/\n+$/, ''),
    author: { name: author, user: null },
    parents: { nodes: parent ? [{ oid: parent }] : [] },
    status: s ? { context: { state: s.toUpperCase() } } : null,
  };
}

function issuePayload(i: FakeIssue, repository: string) {
  return {
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    labels: i.labels.map((name) => ({ name })),
    created_at: i.createdAt,
    html_url: `https://github.com/${repository}/issues/${i.number}`,
  };
}

function listIssues(state: MainHealthState, req: RecordedRequest, repository: string): FakeResponse {
  const label = req.query.get('labels');
  const wanted = req.query.get('state') ?? 'open';
  const found = state.issues.filter(
    (i) => (wanted === 'all' || i.state === wanted) && (!label || i.labels.includes(label)),
  );
  return { body: found.map((i) => issuePayload(i, repository)) };
}

function createIssue(
  state: MainHealthState,
  req: RecordedRequest,
  repository: string,
  options: MainHealthOptions,
): FakeResponse {
  const b = (req.json ?? {}) as { title?: string; body?: string; labels?: string[] };
  const issue: FakeIssue = {
    number: state.issues.length + 1,
    title: b.title ?? '',
    body: b.body ?? '',
    labels: b.labels ?? [],
    state: 'open',
    createdAt: (options.now?.() ?? new Date()).toISOString().replace(/\.\d+Z$/, 'Z'),
    comments: [],
  };
  state.issues.push(issue);
  return { status: 201, body: issuePayload(issue, repository) };
}

function listComments(state: MainHealthState, req: RecordedRequest, n: number): FakeResponse {
  const issue = state.issues.find((i) => i.number === n);
  if (!issue) return { status: 404, body: { message: 'Not Found' } };
  const perPage = Number(req.query.get('per_page') ?? 30);
  const page = Number(req.query.get('page') ?? 1);
  const slice = issue.comments.slice((page - 1) * perPage, page * perPage);
  return { body: slice.map((body, i) => ({ id: (page - 1) * perPage + i + 1, body })) };
}

function comment(state: MainHealthState, req: RecordedRequest, n: number): FakeResponse {
  const issue = state.issues.find((i) => i.number === n);
  if (!issue) return { status: 404, body: { message: 'Not Found' } };
  issue.comments.push(String((req.json as { body?: unknown } | null)?.body ?? ''));
  return { status: 201, body: { id: issue.comments.length, body: issue.comments.at(-1) } };
}

function editIssue(
  state: MainHealthState,
  req: RecordedRequest,
  n: number,
  repository: string,
): FakeResponse {
  const issue = state.issues.find((i) => i.number === n);
  if (!issue) return { status: 404, body: { message: 'Not Found' } };
  const b = (req.json ?? {}) as { state?: string };
  if (b.state === 'closed' || b.state === 'open') issue.state = b.state;
  return { body: issuePayload(issue, repository) };
}
