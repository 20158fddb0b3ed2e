// The SPEC §2 table, as data: what each status means for the job, the commit status, the escalation packet
// and the merge queue's continuation signal. Everything that asks "does this status …?" reads this table.
import type { Continuation, SmokeStatus } from '../contracts.js';
import type { CommitState } from '../adapters/index.js';
import type { OnStale } from '../settings/index.js';

interface StatusPolicy {
  /** Does the job fail? STALE depends on `on-stale` (see jobFails). */
  failsJob: boolean;
  /** The final commit status; null: none (a newer run covers the newer head). */
  commitState: CommitState | null;
  /** Is a Critical #7 packet built and uploaded? */
  packet: boolean;
  continuation: Continuation;
}

const stop = (reason: string): Continuation => ({ allow_continuation: false, reason });
const attention = (status: SmokeStatus): StatusPolicy => ({
  failsJob: true,
  commitState: status === 'FAIL' || status === 'TIMEOUT' ? 'failure' : 'error',
  packet: true,
  continuation: stop(`smoke ${status}: main needs attention (Critical #7)`),
});

export const STATUS_POLICY: Record<SmokeStatus, StatusPolicy> = {
  PASS: {
    failsJob: false,
    commitState: 'success',
    packet: false,
    continuation: { allow_continuation: true, reason: 'smoke passed on the merge commit' },
  },
  FAIL: attention('FAIL'),
  TIMEOUT: attention('TIMEOUT'),
  SKIPPED: {
    failsJob: false,
    commitState: 'success',
    packet: false,
    continuation: {
      allow_continuation: true,
      reason: 'no smoke command and dry-run allows skipping (policy §10)',
    },
  },
  BLOCKED: attention('BLOCKED'),
  STALE: {
    failsJob: false,
    commitState: null,
    packet: false,
    continuation: stop('the merge commit is no longer the head; the newer run decides'),
  },
  ERROR: attention('ERROR'),
  CANCELLED: {
    failsJob: true,
    commitState: 'error',
    packet: false,
    continuation: stop('the run was cancelled before a verdict'),
  },
};

export function continuationFor(status: SmokeStatus): Continuation {
  return { ...STATUS_POLICY[status].continuation };
}

export function packetDue(status: SmokeStatus): boolean {
  return STATUS_POLICY[status].packet;
}

/** Does the job fail? STALE depends on `on-stale`; CANCELLED exits non-zero (the runner marks it cancelled). */
export function jobFails(status: SmokeStatus, onStale: OnStale): boolean {
  return status === 'STALE' ? onStale === 'fail' : STATUS_POLICY[status].failsJob;
}
