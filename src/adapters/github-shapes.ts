// The main-health answers of the API turned into our shapes, without trusting theirs: anything that is not
// what GitHub documents is a GitHubApiError naming the endpoint, never a TypeError later.
import { GitHubApiError, type HistoryCommit, type HistoryPage, type IssueInfo } from './github.js';

type Json = Record<string, unknown>;

const obj = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {});
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const SHA = /^[0-9a-f]{40}$/i;
const STATES = ['success', 'failure', 'error', 'pending', 'expected'] as const;

/** `repository.object.history` of the history query. A missing object is a 404. */
export function toHistoryPage(data: unknown, withStatus: boolean, endpoint: string): HistoryPage {
  const object = obj(obj(data).repository).object;
  if (!object) throw new GitHubApiError(`${endpoint} failed: no such commit`, 404, endpoint);
  const history = obj(obj(object).history);
  if (!Array.isArray(history.nodes)) {
    throw new GitHubApiError(`${endpoint} answered without a commit history`, 200, endpoint);
  }
  const pageInfo = obj(history.pageInfo);
  return {
    commits: history.nodes.map((n) => toHistoryCommit(n, withStatus, endpoint)),
    nextCursor: pageInfo.hasNextPage === true ? str(pageInfo.endCursor) : null,
  };
}

function toHistoryCommit(raw: unknown, withStatus: boolean, endpoint: string): HistoryCommit {
  const n = obj(raw);
  const sha = str(n.oid);
  if (!sha || !SHA.test(sha))
    throw new GitHubApiError(`${endpoint} answered a commit without an oid`, 200, endpoint);
  const parents = obj(n.parents).nodes;
  const parent = Array.isArray(parents) ? str(obj(parents[0]).oid) : null;
  const author = obj(n.author);
  const state = str(obj(obj(n.status).context).state)?.toLowerCase() ?? null;
  return {
    sha: sha.toLowerCase(),
    firstParent: parent && SHA.test(parent) ? parent.toLowerCase() : null,
    message: str(n.message) ?? '',
    author: str(obj(author.user).login) ?? str(author.name) ?? '',
    contextState:
      withStatus && STATES.includes(state as never) ? (state as HistoryCommit['contextState']) : null,
  };
}

/** An issue as `GET/POST /repos/{o}/{r}/issues` answer it. */
export function toIssueInfo(raw: unknown, endpoint: string): IssueInfo {
  const i = obj(raw);
  if (typeof i.number !== 'number') {
    throw new GitHubApiError(`${endpoint} answered with something that is not an issue`, 200, endpoint);
  }
  return {
    number: i.number,
    title: str(i.title) ?? '',
    body: str(i.body) ?? '',
    createdAt: str(i.created_at) ?? '',
    htmlUrl: str(i.html_url) ?? '',
  };
}
