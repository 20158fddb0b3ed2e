// The run's one human sentence. Tests and the end-to-end suite match these words: change them deliberately.
import type { AttemptResult, SmokeSpec } from './types.js';

/** The errorMessage of an attempt that was never started because the run was already cancelled. */
export const CANCELLED_BEFORE_START = 'The run was cancelled before the attempt started.';

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function orphansParen(n: number): string {
  return n > 0 ? ` (${plural(n, 'orphan')})` : '';
}

function leftoverNote(n: number): string {
  if (n === 0) return '';
  return n === 1 ? '; 1 leftover process was killed' : `; ${n} leftover processes were killed`;
}

/** One human sentence for the whole run. */
export function describeRun(
  spec: Pick<SmokeSpec, 'timeoutSeconds'>,
  attempts: AttemptResult[],
  total: number,
): string {
  const last = attempts[attempts.length - 1];
  const ofTotal = total > 1 ? ` on attempt ${last.attempt} of ${total}` : '';
  const after = `after ${seconds(last.durationMs)}${ofTotal}`;
  const orphanNote = leftoverNote(last.orphansKilled);
  switch (last.reason) {
    case 'exit_zero': {
      const failed = attempts.filter((a) => a.status !== 'PASS').length;
      const flaky = failed > 0 ? `, after ${plural(failed, 'failed attempt')} (flaky)` : '';
      return `The smoke command exited with code 0 ${after}${flaky}${orphanNote}.`;
    }
    case 'exit_nonzero':
      return `The smoke command exited with code ${last.exitCode} ${after}${orphanNote}.`;
    case 'killed_by_signal':
      return `The smoke command was killed by ${last.signal} (exit code ${last.exitCode}) ${after}${orphanNote}.`;
    case 'deadline_exceeded':
      return `The smoke command timed out after ${spec.timeoutSeconds} s${ofTotal}; its process tree was killed${orphansParen(last.orphansKilled)}.`;
    case 'cancelled':
      return last.errorMessage === CANCELLED_BEFORE_START
        ? `The smoke run was cancelled before attempt ${last.attempt} started.`
        : `The smoke command was cancelled ${after}; its process tree was killed${orphansParen(last.orphansKilled)}.`;
    case 'spawn_failed':
    default:
      return last.errorMessage ?? 'The smoke command could not be started.';
  }
}
