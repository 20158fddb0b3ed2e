// The answers of the API turned into our shapes, without trusting theirs (answer-shape.ts): anything that is
// not what GitHub documents is a GitHubApiError naming the endpoint, never a TypeError later, and only what
// GitHub documents as "none" (a null commit, a 404) reads as not found.
import { AnswerShape, textOrNull } from './answer-shape.js';
import {
  GitHubApiError,
  type HistoryCommit,
  type HistoryPage,
  type IssueInfo,
  type PullRequestInfo,
} from './github.js';

const STATES = ['success', 'failure', 'error', 'pending', 'expected'] as const;

/** `repository.object.history` of the history query. A null object (an unknown commit) is a 404. */
export function toHistoryPage(data: unknown, withStatus: boolean, endpoint: string): HistoryPage {
  const a = new AnswerShape(endpoint);
  const repository = a.repository(data);
  const object = a.objectOrNull(repository.object, 'a commit', 'repository.object');
  if (!object) throw new GitHubApiError(`${endpoint} failed: no such commit`, 404, endpoint);
  const history = a.object(object.history, 'a commit history', 'repository.object.history');
  const nodes = a.list(history.nodes, 'a list of commits', 'repository.object.history.nodes');
  const pageInfo = a.object(history.pageInfo, 'page info', 'repository.object.history.pageInfo');
  return {
    commits: nodes.map((n, i) => toHistoryCommit(n, withStatus, a, `repository.object.history.nodes[${i}]`)),
    nextCursor: pageInfo.hasNextPage === true ? textOrNull(pageInfo.endCursor) : null,
  };
}

function toHistoryCommit(raw: unknown, withStatus: boolean, a: AnswerShape, at: string): HistoryCommit {
  const n = a.object(raw, 'a commit', at);
  const sha = a.sha(n.oid, `${at}.oid`);
  const parent = a.firstNode(n.parents, 'commit', `${at}.parents`);
  // The author's user, its status and that status's context are null when there is none.
  const author = a.objectOrNull(n.author ?? null, 'an author', `${at}.author`);
  const user = author && a.objectOrNull(author.user ?? null, 'a user', `${at}.author.user`);
  const status = withStatus ? a.objectOrNull(n.status, 'a status', `${at}.status`) : null;
  const context = status && a.objectOrNull(status.context, 'a status context', `${at}.status.context`);
  const state = textOrNull(context?.state)?.toLowerCase() ?? null;
  return {
    sha,
    firstParent: parent && a.sha(parent.oid, `${at}.parents.nodes[0].oid`),
    message: textOrNull(n.message) ?? '',
    author: textOrNull(user?.login) ?? textOrNull(author?.name) ?? '',
    contextState: STATES.includes(state as never) ? (state as HistoryCommit['contextState']) : null,
  };
}

/** An issue as `GET/POST /repos/{o}/{r}/issues` answer it. */
export function toIssueInfo(raw: unknown, a: AnswerShape, at?: string): IssueInfo {
  const i = a.object(raw, 'an issue', at);
  return {
    number: a.number(i.number, 'an issue number', at ? `${at}.number` : 'number'),
    title: textOrNull(i.title) ?? '',
    body: textOrNull(i.body) ?? '',
    createdAt: textOrNull(i.created_at) ?? '',
    htmlUrl: textOrNull(i.html_url) ?? '',
  };
}

/** A pull request as `GET pulls/{n}` and `GET commits/{sha}/pulls` answer it. */
export function toPullInfo(raw: unknown, a: AnswerShape, at?: string): PullRequestInfo {
  const p = a.object(raw, 'a pull request', at);
  const ref = (v: unknown): string => textOrNull((v as { ref?: unknown } | null)?.ref) ?? '';
  return {
    number: a.number(p.number, 'a pull request number', at ? `${at}.number` : 'number'),
    title: textOrNull(p.title) ?? '',
    body: textOrNull(p.body),
    headRef: ref(p.head),
    baseRef: ref(p.base),
    state: p.state === 'open' ? 'open' : 'closed',
    mergedAt: textOrNull(p.merged_at),
    mergeCommitSha: textOrNull(p.merge_commit_sha),
    htmlUrl: textOrNull(p.html_url) ?? '',
  };
}
