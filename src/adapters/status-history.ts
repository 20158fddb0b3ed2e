// The answer of the merge gate's one GraphQL query, read without trusting its shape: a field that is not what
// the schema promises is a GitHubApiError (an answer we cannot use), never a crash further on.
import {
  GitHubApiError,
  type CommitState,
  type ContextStatus,
  type GateCommit,
  type PullRequestLabels,
  type StatusHistory,
  type StatusHistoryRequest,
} from './github.js';

type Json = Record<string, unknown>;

const object = (v: unknown): Json | null => (v && typeof v === 'object' ? (v as Json) : null);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const nodes = (connection: unknown): unknown[] => {
  const list = object(connection)?.nodes;
  return Array.isArray(list) ? list : [];
};

/** GraphQL's StatusState, upper case; EXPECTED (reported later) is not final, like PENDING. */
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
  const repository = object(object(data)?.repository);
  if (!repository) throw malformed(endpoint, 'no repository in the answer');
  const ref = object(repository.ref);
  const commits = ref ? nodes(object(object(ref.target)?.history)).map((n) => toCommit(n, endpoint)) : null;
  const pull = request.pullNumber === null ? null : toPull(repository.pullRequest, endpoint);
  return { commits, pull };
}

function toCommit(raw: unknown, endpoint: string): GateCommit {
  const node = object(raw);
  const sha = text(node?.oid);
  if (!node || !sha || !/^[0-9a-f]{40}$/i.test(sha)) throw malformed(endpoint, 'a commit without its oid');
  const parent = text(object(nodes(node.parents)[0])?.oid);
  const pr = object(nodes(node.associatedPullRequests)[0]);
  return {
    sha: sha.toLowerCase(),
    firstParent: parent ? parent.toLowerCase() : null,
    subject: text(node.messageHeadline) ?? '',
    pull: pr && typeof pr.number === 'number' ? { number: pr.number, title: text(pr.title) ?? '' } : null,
    status: toStatus(object(object(node.status)?.context)),
  };
}

function toStatus(context: Json | null): ContextStatus | null {
  if (!context) return null;
  return {
    state: STATES[String(context.state).toUpperCase()] ?? 'pending',
    targetUrl: text(context.targetUrl),
    createdAt: text(context.createdAt),
  };
}

function toPull(raw: unknown, endpoint: string): PullRequestLabels | null {
  const pr = object(raw);
  if (!pr) return null;
  if (typeof pr.number !== 'number') throw malformed(endpoint, 'a pull request without its number');
  const labels = nodes(pr.labels)
    .map((l) => text(object(l)?.name))
    .filter((name): name is string => name !== null);
  return { number: pr.number, title: text(pr.title) ?? '', labels };
}

function malformed(endpoint: string, what: string): GitHubApiError {
  return new GitHubApiError(`${endpoint} answered with ${what}`, 200, endpoint);
}
