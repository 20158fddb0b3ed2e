// The head once more after the command ran (SPEC §5, `origin_head_after`): best effort, never throws, and
// within the same budget as the gate.
import { parseSha, type Sha } from '../domain/index.js';
import { DEFAULT_FRESHNESS_BUDGET_MS, startBudget, waitWithin, withinBudget, type Budget } from './budget.js';
import { isTransientApiError } from './observe.js';
import type { FreshnessInput } from './types.js';

type Read = { head: Sha | null } | { retry: boolean };

/** The head of the base branch now (API when available, else git ls-remote); null when it cannot be read. */
export async function readHeadAfter(input: FreshnessInput): Promise<Sha | null> {
  const budget = startBudget(input.budgetMs ?? DEFAULT_FRESHNESS_BUDGET_MS, input.signal);
  try {
    for (let attempt = 0; attempt <= input.retry.delaysMs.length; attempt++) {
      if (!(await waitWithin(budget, input.retry, attempt))) break;
      const read = await readOnce(input, budget);
      if ('head' in read) return read.head;
      if (!read.retry) break;
    }
    return null;
  } finally {
    budget.dispose();
  }
}

async function readOnce(input: FreshnessInput, budget: Budget): Promise<Read> {
  if (!input.api) {
    const listed = await input.git.lsRemoteHead(input.remote, input.baseBranch, { signal: budget.signal });
    return listed.ok ? { head: listed.value } : { retry: true };
  }
  const api = input.api;
  const answer = await withinBudget(
    budget,
    api.getBranchHead(input.baseBranch).then(
      (head) => ({ head }),
      // A permission problem or a bug will not go away by asking again.
      (e: unknown) => ({ retry: isTransientApiError(e) }),
    ),
  );
  if (answer === null) return { retry: false };
  if (!('head' in answer.value)) return answer.value;
  const head = answer.value.head;
  if (head === null) return { head: null };
  const sha = parseSha(head);
  return sha.ok ? { head: sha.value } : { retry: false };
}
