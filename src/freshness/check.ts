// The freshness gate (SPEC §5): is the merge commit exactly the head of the base branch on the remote?
// It ends within its budget (DEFAULT_FRESHNESS_BUDGET_MS unless told otherwise), whatever the remote does.
import { DEFAULT_FRESHNESS_BUDGET_MS, startBudget, waitWithin, type Budget } from './budget.js';
import {
  observeViaApi,
  observeViaGit,
  type GitObserveOptions,
  type Observation,
  type ObserveTarget,
} from './observe.js';
import type { FreshnessInput, FreshnessVerdict, HeadSource } from './types.js';
import { verdictFrom, type Looked } from './verdict.js';

/**
 * Worth looking again — the one rule for re-observing: the API lagging behind a push (the head still
 * behind the merge commit, or compare not knowing the merge commit yet), or no answer at all. A head read
 * with git is authoritative: it is not asked twice.
 */
function worthRetrying(o: Observation, via: HeadSource): boolean {
  // The API client already tried a transport failure again (the one retry layer); git did not.
  if (o.kind === 'transient') return via === 'git';
  return via === 'api' && o.kind === 'head' && (o.relation === 'behind' || o.relation === 'unknown');
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
    return verdictFrom(looked, input, target, budget.spent() ? budget.ms : null);
  } finally {
    budget.dispose();
  }
}

async function lookRepeatedly(input: FreshnessInput, target: ObserveTarget, budget: Budget): Promise<Looked> {
  const api = input.api;
  const via: HeadSource = api ? 'api' : 'git';
  const looked: Looked = {
    last: { kind: 'transient', error: 'not tried' },
    via,
    tries: 0,
    gitRecheck: null,
    recheckFailure: null,
  };
  for (let attempt = 0; attempt <= input.retry.delaysMs.length; attempt++) {
    if (!(await waitWithin(budget, input.retry, attempt))) break;
    looked.last = api
      ? await observeViaApi(api, target, budget)
      : await observeViaGit(input.git, target, budget, gitOptions(input));
    looked.tries++;
    if (!worthRetrying(looked.last, via)) break;
  }
  return looked;
}

/** The API kept answering "behind" (or did not know the merge commit): ask git, which is authoritative. */
async function recheckWithGit(input: FreshnessInput, target: ObserveTarget, budget: Budget, looked: Looked) {
  const last = looked.last;
  const lagging = last.kind === 'head' && (last.relation === 'behind' || last.relation === 'unknown');
  if (!input.api || !lagging) return;
  const byGit = await observeViaGit(input.git, target, budget, gitOptions(input));
  if (byGit.kind === 'head') {
    looked.last = byGit;
    looked.via = 'git';
    looked.gitRecheck = 'confirmed';
    return;
  }
  looked.gitRecheck = 'failed';
  looked.recheckFailure = recheckFailure(byGit);
}

function recheckFailure(o: Exclude<Observation, { kind: 'head' }>): string {
  switch (o.kind) {
    case 'transient':
      return o.error;
    case 'fatal':
      return o.message.replace(/[.\s]+$/, '');
    case 'undecided':
      return `the head is ${o.head}; ${o.detail}`;
    case 'missing':
      return 'branch not found';
  }
}

/** What git may do to the repository while the gate looks. */
function gitOptions(input: FreshnessInput): GitObserveOptions {
  const mayFetch = input.mayFetch ?? true;
  return { mayFetch, mayUnshallow: mayFetch && (input.mayUnshallow ?? true) };
}
