// The freshness gate's time budget: one deadline for the whole gate, not a product of nested retries. Its
// signal reaches every git call (the git process in flight is killed when it fires) and every wait.
import { setTimeout as delay } from 'node:timers/promises';
import type { RetryPolicy } from './types.js';

/**
 * The gate ends within this unless told otherwise: a remote that never answers is an ERROR after 45 s
 * (three ls-remote tries at their 15 s deadline), leaving the run's other steps room under a minute.
 */
export const DEFAULT_FRESHNESS_BUDGET_MS = 45_000;

export interface Budget {
  readonly ms: number;
  /** Fires when the budget is spent or the caller's signal fires. */
  readonly signal: AbortSignal;
  /** The budget ran out (not the caller's cancellation). */
  spent(): boolean;
  remainingMs(): number;
  /** Stops the timer; call when the gate is done. */
  dispose(): void;
}

export function startBudget(ms: number, outer?: AbortSignal): Budget {
  const controller = new AbortController();
  const endsAt = Date.now() + ms;
  let spent = false;
  const timer = setTimeout(() => {
    spent = true;
    controller.abort(new Error(`the freshness budget of ${ms} ms ran out`));
  }, ms);
  const onOuter = () => controller.abort(outer?.reason);
  if (outer?.aborted) onOuter();
  else outer?.addEventListener('abort', onOuter, { once: true });
  return {
    ms,
    signal: controller.signal,
    spent: () => spent,
    remainingMs: () => Math.max(0, endsAt - Date.now()),
    dispose: () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuter);
    },
  };
}

/** `work`, or null when the budget fires first (for calls that take no signal, such as the API client's). */
export async function withinBudget<T>(budget: Budget, work: Promise<T>): Promise<{ value: T } | null> {
  if (budget.signal.aborted) return null;
  let onAbort: () => void = () => {};
  const fired = new Promise<null>((resolve) => {
    onAbort = () => resolve(null);
    budget.signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work.then((value) => ({ value })), fired]);
  } finally {
    budget.signal.removeEventListener('abort', onAbort);
  }
}

/**
 * Waits before try `attempt` (0-based; the first starts at once). false: the wait would not end inside the
 * budget (or it fired), so there is no point in another try.
 */
export async function waitWithin(budget: Budget, policy: RetryPolicy, attempt: number): Promise<boolean> {
  if (attempt <= 0) return !budget.signal.aborted;
  const ms = policy.delaysMs[attempt - 1] ?? 0;
  if (budget.signal.aborted || ms >= budget.remainingMs()) return false;
  if (ms > 0 && policy.sleep) await withinBudget(budget, policy.sleep(ms));
  else if (ms > 0) await delay(ms, undefined, { signal: budget.signal }).catch(() => {});
  return !budget.signal.aborted;
}
