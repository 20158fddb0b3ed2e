// What the gate saw → its verdict, with a message that states facts only: the head, how it relates to the
// merge commit, how it was seen. Advice that depends on the caller (the action's "a newer run covers the
// newer head", the CLI's "--on-stale run") is the caller's to add, from the facts (see for-action.ts).
import type { Sha } from '../domain/index.js';
import type { Observation, ObserveTarget } from './observe.js';
import type { FreshnessFacts, FreshnessInput, FreshnessVerdict, HeadSource } from './types.js';

export interface Looked {
  last: Observation;
  via: HeadSource;
  tries: number;
  gitRecheck: FreshnessFacts['gitRecheck'];
  /** Why the git re-check failed, for the message. */
  recheckFailure: string | null;
}

function where(input: FreshnessInput, via: HeadSource): string {
  return via === 'api' && input.api
    ? `branch '${input.baseBranch}' of ${input.api.repository} (GitHub API)`
    : `branch '${input.baseBranch}' on remote '${input.remote}' (git ls-remote)`;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** How the answer was seen: `seen 3 times, confirmed with git ls-remote`. */
function howSeen(l: Looked): string {
  const times = l.tries === 1 ? 'once' : `${l.tries} times`;
  if (l.gitRecheck === 'confirmed') return `seen ${times}, confirmed with git ls-remote`;
  if (l.gitRecheck === 'failed')
    return `seen ${times}; the git ls-remote re-check failed (${l.recheckFailure})`;
  return `seen ${times}`;
}

export function verdictFrom(
  l: Looked,
  input: FreshnessInput,
  t: ObserveTarget,
  budgetSpentMs: number | null,
): FreshnessVerdict {
  const o = l.last;
  const facts: FreshnessFacts = {
    tries: l.tries,
    gitRecheck: l.gitRecheck,
    relation: o.kind === 'head' && o.relation !== 'unknown' ? o.relation : null,
    undecided: o.kind === 'undecided' ? o.why : null,
    budgetSpent: budgetSpentMs !== null,
    unshallowed: o.kind === 'head' && o.unshallowed === true,
  };
  const base = { via: l.via, facts };
  const branch = where(input, l.via);
  const merge = t.mergeCommit;
  const spent = budgetSpentMs === null ? '' : ` (the freshness budget of ${seconds(budgetSpentMs)} ran out)`;
  switch (o.kind) {
    case 'missing':
      return {
        ...base,
        kind: 'blocked',
        reason: 'invalid_input',
        originHead: null,
        message: `Input 'base-branch': ${branch} does not exist, so merge commit ${merge} cannot be checked against it.`,
      };
    case 'transient': {
      const tries = `${l.tries} ${l.tries === 1 ? 'try' : 'tries'}`;
      const why = o.error.replace(/[.\s]+$/, '');
      const message = `Could not read the head of ${branch} after ${tries}${spent}: ${why}.`;
      return { ...base, kind: 'error', reason: 'head_unreachable', originHead: null, message };
    }
    case 'fatal':
      return {
        ...base,
        kind: 'error',
        reason: o.reason,
        originHead: o.head,
        message: `${o.message}${spent}`,
      };
    case 'undecided':
      return {
        ...base,
        kind: 'error',
        reason: 'git_failed',
        originHead: o.head,
        message: undecided(o, branch, t),
      };
    case 'head':
      return headVerdict(o.head, o.relation, { ...base, branch, merge, l, input });
  }
}

function undecided(o: Extract<Observation, { kind: 'undecided' }>, branch: string, t: ObserveTarget): string {
  const head = `The head of ${branch} is ${o.head}, not merge commit ${t.mergeCommit}`;
  return o.why === 'shallow-history'
    ? `${head}; whether one contains the other cannot be told in this shallow clone (${o.detail}).`
    : `${head}; ${o.detail}, so how they relate is unknown.`;
}

interface HeadContext {
  via: HeadSource;
  facts: FreshnessFacts;
  branch: string;
  merge: Sha;
  l: Looked;
  input: FreshnessInput;
}

function headVerdict(
  head: Sha,
  relation: Extract<Observation, { kind: 'head' }>['relation'],
  c: HeadContext,
): FreshnessVerdict {
  const base = { via: c.via, facts: c.facts, originHead: head };
  const { branch, merge } = c;
  const name = `'${c.input.baseBranch}'`;
  switch (relation) {
    case 'identical':
      return { ...base, kind: 'fresh', message: `Merge commit ${merge} is the head of ${branch}.` };
    case 'ahead':
      return {
        ...base,
        kind: 'stale',
        reason: 'superseded',
        message: `The head of ${branch} has moved on to ${head}, which contains merge commit ${merge}.`,
      };
    case 'diverged':
      return {
        ...base,
        kind: 'stale',
        reason: 'diverged',
        message: `The head of ${branch} is ${head}, which neither contains merge commit ${merge} nor precedes it: the merge commit is not contained in ${name} (a force-push, or a commit from another branch).`,
      };
    case 'behind':
      return {
        ...base,
        kind: 'stale',
        reason: 'rewound',
        message: `The head of ${branch} is ${head}, an ancestor of merge commit ${merge} (${howSeen(c.l)}): the merge commit is not contained in ${name} (a reset to before it, or a commit from another branch).`,
      };
    case 'unknown':
      return {
        ...base,
        kind: 'error',
        reason: 'api_failed',
        message: `The GitHub API does not know merge commit ${merge} (compare with head ${head} answered 404, ${howSeen(c.l)}), so it may never have been pushed to ${c.input.api?.repository ?? c.input.remote}.`,
      };
  }
}
