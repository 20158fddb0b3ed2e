// The backoff every retried lookup shares: `delaysMs` between tries, so `delaysMs.length + 1` tries in all.
import type { RetryPolicy } from './types.js';

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function tryCount(policy: RetryPolicy): number {
  return policy.delaysMs.length + 1;
}

/** Waits before try `attempt` (0-based); the first try starts at once. */
export async function waitBeforeTry(policy: RetryPolicy, attempt: number): Promise<void> {
  if (attempt <= 0) return;
  const ms = policy.delaysMs[attempt - 1] ?? 0;
  if (ms > 0) await (policy.sleep ?? realSleep)(ms);
}
