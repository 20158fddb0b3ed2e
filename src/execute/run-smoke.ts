// Runs the smoke command: attempts with retries (attempt.ts runs one), the flaky verdict and the run's
// summary. Never throws: every failure is a classified result.
import { notStarted, runAttempt, type EngineOptions } from './attempt.js';
import { CANCELLED_BEFORE_START, describeRun } from './describe-run.js';
import type { AttemptResult, AttemptStatus, SmokeRun, SmokeSpec } from './types.js';

export async function runSmoke(spec: SmokeSpec, options: EngineOptions = {}): Promise<SmokeRun> {
  const startedAt = new Date();
  const total = (Number.isFinite(spec.retries) ? Math.max(0, Math.floor(spec.retries)) : 0) + 1;
  const attempts: AttemptResult[] = [];
  for (let n = 1; n <= total; n++) {
    if (options.signal?.aborted) {
      attempts.push(notStarted(n, 'CANCELLED', 'cancelled', CANCELLED_BEFORE_START));
      break;
    }
    notifyAttempt(spec, n, total);
    const result = await attemptOrEngineError(spec, n, options);
    attempts.push(result);
    if (n === total || !shouldRetry(result.status, spec.retryOn)) break;
  }
  return summarize(spec, attempts, total, startedAt);
}

/** Whether a failed attempt with `status` earns another try under `retryOn`. */
export function shouldRetry(status: AttemptStatus, retryOn: SmokeSpec['retryOn']): boolean {
  if (status === 'TIMEOUT') return retryOn === 'timeout' || retryOn === 'any';
  if (status === 'FAIL') return retryOn === 'fail' || retryOn === 'any';
  return false;
}

function notifyAttempt(spec: SmokeSpec, n: number, total: number): void {
  try {
    spec.onAttempt?.(n, total);
  } catch {
    // the caller's progress hook must not break the run
  }
}

async function attemptOrEngineError(
  spec: SmokeSpec,
  n: number,
  options: EngineOptions,
): Promise<AttemptResult> {
  try {
    return await runAttempt(spec, n, options);
  } catch (e) {
    // Defensive: runAttempt classifies everything it expects; anything else is an engine error.
    const message = `The smoke engine failed unexpectedly: ${(e as Error).message}`;
    return notStarted(n, 'ERROR', 'spawn_failed', message);
  }
}

function summarize(spec: SmokeSpec, attempts: AttemptResult[], total: number, startedAt: Date): SmokeRun {
  const final = attempts[attempts.length - 1];
  const flaky =
    final.status === 'PASS' && attempts.some((a) => a.status === 'FAIL' || a.status === 'TIMEOUT');
  return {
    status: final.status,
    reason: final.reason,
    message: describeRun(spec, attempts, total),
    attempts,
    final,
    flaky,
    orphansKilled: attempts.reduce((sum, a) => sum + a.orphansKilled, 0),
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    durationMs: attempts.reduce((sum, a) => sum + a.durationMs, 0),
    containment: final.containment,
  };
}
