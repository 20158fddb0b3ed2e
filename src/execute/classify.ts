// How an attempt ended, as a status and a reason: a pure, first-match table. The termination cause comes
// first (a command that exits during its grace is still TIMEOUT or CANCELLED), then the command's own end.
import { constants as osConstants } from 'node:os';
import type { AttemptStatus, EngineReason } from './types.js';

/** Why we killed the command; null when it ended by itself. The first cause wins (terminate.ts). */
export type TerminationCause = 'timeout' | 'cancel';

export interface AttemptEnd {
  /** The command could not be started (or contained); nothing ran. */
  spawnError: boolean;
  cause: TerminationCause | null;
  /** Exit code and signal from the kernel; both null when it never started or was not reaped in time. */
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Classification {
  status: AttemptStatus;
  reason: EngineReason;
  /** The exit code; 128+n when killed by signal n; null when it never started. */
  exitCode: number | null;
}

interface Rule {
  when: (end: AttemptEnd) => boolean;
  status: AttemptStatus;
  reason: EngineReason;
}

const RULES: readonly Rule[] = [
  { when: (e) => e.spawnError, status: 'ERROR', reason: 'spawn_failed' },
  { when: (e) => e.cause === 'timeout', status: 'TIMEOUT', reason: 'deadline_exceeded' },
  { when: (e) => e.cause === 'cancel', status: 'CANCELLED', reason: 'cancelled' },
  { when: (e) => e.signal !== null, status: 'FAIL', reason: 'killed_by_signal' },
  { when: (e) => e.code === 0, status: 'PASS', reason: 'exit_zero' },
  { when: () => true, status: 'FAIL', reason: 'exit_nonzero' },
];

export function classify(end: AttemptEnd): Classification {
  const rule = RULES.find((r) => r.when(end)) as Rule;
  return {
    status: rule.status,
    reason: rule.reason,
    exitCode: end.spawnError ? null : exitCodeOf(end.code, end.signal),
  };
}

/** The shell convention: 128 + the signal's number when killed by a signal, else the exit code. */
function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number | null {
  return signal ? 128 + (osConstants.signals[signal] ?? 0) : code;
}
