// The answer of the merge gate's one GraphQL query, read without trusting its shape: a field that is not what
// the schema promises is a GitHubApiError (an answer we cannot use), never a crash further on — and never
// "no final status", which only a well-formed history can say. `ref: null` is the one documented absence:
// the branch does not exist.
import { AnswerShape, textOrNull, type Json } from './answer-shape.js';
import type {
  CommitState,
  ContextStatus,
  GateCommit,
  PullRequestLabels,
  StatusHistory,
  StatusHistoryRequest,
} from './github.js';

/**
 * GraphQL's StatusState, upper case; EXPECTED (reported later) is not final, like PENDING. A state this
 * list does not know (one GitHub adds later) is not final either: the gate must not call main red for it.
 */
const STATES: Record<string, CommitState> = {
  SUCCESS: 'success',
  FAILURE: 'failure',
  ERROR: 'error',
  PENDING: 'pending',
  EXPECTED: 'pending',
};

export function parseStatusHistory(
  data: unknown,
  request: StatusHistoryRequest,
  endpoint: string,
): StatusHistory {
  const a = new AnswerShape(endpoint);
  const repository = a.repository(data);
  const ref = a.objectOrNull(repository.ref, 'a ref', 'repository.ref');
  const commits = ref === null ? null : historyOf(ref, a).map((n, i) => toCommit(n, a, `${HISTORY}[${i}]`));
  const pull = request.pullNumber === null ? null : toPull(repository.pullRequest, a);
  return { commits, pull };
}

const HISTORY = 'repository.ref.target.history.nodes';

/** The commits of the ref's history: a ref always points at a commit, which always has one. */
function historyOf(ref: Json, a: AnswerShape): unknown[] {
  const target = a.object(ref.target, 'a commit', 'repository.ref.target');
  const history = a.object(target.history, 'a commit history', 'repository.ref.target.history');
  return a.list(history.nodes, 'a list of commits', HISTORY);
}

function toCommit(raw: unknown, a: AnswerShape, at: string): GateCommit {
  const node = a.object(raw, 'a commit', at);
  const sha = a.sha(node.oid, `${at}.oid`);
  const parent = a.firstNode(node.parents, 'commit', `${at}.parents`);
  const pr = a.firstNode(node.associatedPullRequests, 'pull request', `${at}.associatedPullRequests`, true);
  const status = a.objectOrNull(node.status, 'a status', `${at}.status`);
  const context = status && a.objectOrNull(status.context, 'a status context', `${at}.status.context`);
  return {
    sha,
    firstParent: parent && a.sha(parent.oid, `${at}.parents.nodes[0].oid`),
    subject: textOrNull(node.messageHeadline) ?? '',
    pull: pr && {
      number: a.number(pr.number, 'a PR number', `${at}.associatedPullRequests.nodes[0].number`),
      title: textOrNull(pr.title) ?? '',
    },
    status: context ? toStatus(context) : null,
  };
}

function toStatus(context: Json): ContextStatus {
  return {
    state: STATES[String(context.state).toUpperCase()] ?? 'pending',
    targetUrl: textOrNull(context.targetUrl),
    createdAt: textOrNull(context.createdAt),
  };
}

/** Asked with `@include(if: true)`: the field is there, null only when GitHub knows no such pull request. */
function toPull(raw: unknown, a: AnswerShape): PullRequestLabels | null {
  const pr = a.objectOrNull(raw, 'a pull request', 'repository.pullRequest');
  if (!pr) return null;
  const at = 'repository.pullRequest';
  const labels = a
    .nodes(pr.labels, 'a list of labels', `${at}.labels`, true)
    .map((l, i) => textOrNull(a.object(l, 'a label', `${at}.labels.nodes[${i}]`).name))
    .filter((name): name is string => name !== null);
  const number = a.number(pr.number, 'a PR number', `${at}.number`);
  return { number, title: textOrNull(pr.title) ?? '', labels };
}
