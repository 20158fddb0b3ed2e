// The freshness gate (SPEC §5): is the merge commit exactly the head of the base branch on the remote?
// It ends within its budget (DEFAULT_FRESHNESS_BUDGET_MS unless told otherwise), whatever the remote does.
import { DEFAULT_FRESHNESS_BUDGET_MS, startBudget, waitWithin, type Budget } from './budget.js';
import { observeViaApi, observeViaGit, type Observation, type ObserveTarget } from './observe.js';
import type { FreshnessInput, FreshnessVerdict, HeadSource } from './types.js';

/**
 * Worth looking again — the one rule for re-observing: the API lagging behind a push (the head still
 * behind the merge commit, or compare not knowing the merge commit yet), or no answer at all. A head read
 * with git is authoritative: it is not asked twice.
 */
function worthRetrying(o: Observation, via: HeadSource): boolean {
  if (o.kind === 'transient') return true;
  return via === 'api' && o.kind === 'head' && (o.relation === 'behind' || o.relation === 'unknown');
}

function where(input: FreshnessInput, via: HeadSource): string {
  return via === 'api' && input.api
    ? `branch '${input.baseBranch}' of ${input.api.repository} (GitHub API)`
    : `branch '${input.baseBranch}' on remote '${input.remote}' (git ls-remote)`;
}

function times(n: number): string {
  return n === 1 ? 'once' : `${n} times`;
}

interface Looked {
  last: Observation;
  via: HeadSource;
  tries: number;
  recheck: string;
}

export async function checkFreshness(input: FreshnessInput): Promise<FreshnessVerdict> {
  const budget = startBudget(input.budgetMs ?? DEFAULT_FRESHNESS_BUDGET_MS, input.signal);
  try {
    const target: ObserveTarget = {
      remote: input.remote,
      baseBranch: input.baseBranch,
      mergeCommit: input.mergeCommit,
    };
    const looked = await lookRepeatedly(input, target, budget);
    await recheckWithGit(input, target, budget, looked);
    return verdictFrom(looked, input, target, budget);
  } finally {
    budget.dispose();
  }
}

async function lookRepeatedly(input: FreshnessInput, target: ObserveTarget, budget: Budget): Promise<Looked> {
  const api = input.api;
  const via: HeadSource = api ? 'api' : 'git';
  const looked: Looked = { last: { kind: 'transient', error: 'not tried' }, via, tries: 0, recheck: '' };
  for (let attempt = 0; attempt <= input.retry.delaysMs.length; attempt++) {
    if (!(await waitWithin(budget, input.retry, attempt))) break;
    looked.last = api
      ? await observeViaApi(api, target, budget)
      : await observeViaGit(input.git, target, budget);
    looked.tries++;
    if (!worthRetrying(looked.last, via)) break;
  }
  return looked;
}

/** The API kept answering "behind" (or did not know the merge commit): ask git, which is authoritative. */
async function recheckWithGit(input: FreshnessInput, target: ObserveTarget, budget: Budget, looked: Looked) {
  const last = looked.last;
  if (!input.api || last.kind !== 'head' || (last.relation !== 'behind' && last.relation !== 'unknown'))
    return;
  const byGit = await observeViaGit(input.git, target, budget);
  if (byGit.kind === 'head') {
    looked.last = byGit;
    looked.via = 'git';
    looked.recheck = ', confirmed with git ls-remote';
  } else {
    const why =
      byGit.kind === 'transient' ? byGit.error : byGit.kind === 'fatal' ? byGit.message : 'branch not found';
    looked.recheck = `; the git ls-remote re-check failed (${why})`;
  }
}

function verdictFrom(
  looked: Looked,
  input: FreshnessInput,
  t: ObserveTarget,
  budget: Budget,
): FreshnessVerdict {
  const { last: o, via, tries, recheck } = looked;
  const branch = where(input, via);
  const merge = t.mergeCommit;
  const spent = budget.spent() ? ` (the freshness budget of ${seconds(budget.ms)} ran out)` : '';
  switch (o.kind) {
    case 'missing':
      return {
        kind: 'blocked',
        reason: 'invalid_input',
        originHead: null,
        via,
        message: `Input 'base-branch': ${branch} does not exist, so merge commit ${merge} cannot be checked against it.`,
      };
    case 'transient':
      return {
        kind: 'error',
        reason: 'head_unreachable',
        originHead: null,
        via,
        message: `Could not read the head of ${branch} after ${tries} ${tries === 1 ? 'try' : 'tries'}${spent}: ${o.error.replace(/[.\s]+$/, '')}.`,
      };
    case 'fatal':
      return { kind: 'error', reason: o.reason, originHead: o.head, via, message: `${o.message}${spent}` };
    case 'head':
      switch (o.relation) {
        case 'identical':
          return {
            kind: 'fresh',
            originHead: o.head,
            via,
            message: `Merge commit ${merge} is the head of ${branch}.`,
          };
        case 'ahead':
          return {
            kind: 'stale',
            reason: 'superseded',
            originHead: o.head,
            via,
            message: `The head of ${branch} has moved on to ${o.head}, which contains merge commit ${merge}: a newer run covers the newer head.`,
          };
        case 'diverged':
          return {
            kind: 'stale',
            reason: 'diverged',
            originHead: o.head,
            via,
            message: `The head of ${branch} is ${o.head}, which neither contains merge commit ${merge} nor precedes it: the branch was force-pushed.`,
          };
        case 'behind':
          return {
            kind: 'stale',
            reason: 'rewound',
            originHead: o.head,
            via,
            message: `The head of ${branch} is ${o.head}, an ancestor of merge commit ${merge} (seen ${times(tries)}${recheck}): the branch was reset to before this merge.`,
          };
        case 'unknown':
          return {
            kind: 'error',
            reason: 'api_failed',
            originHead: o.head,
            via,
            message: `The GitHub API does not know merge commit ${merge} (compare with head ${o.head} answered 404 ${times(tries)})${recheck}, so it may never have been pushed to ${input.api?.repository ?? input.remote}.`,
          };
      }
  }
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
