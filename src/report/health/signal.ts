// What a result says about main's health (SPEC-v2 §4), in one place: only a fresh PASS is green (it moves the
// green ref and ends a red streak), only a fresh failure is red (it opens or extends the streak). Everything
// else — a STALE verdict, an on-stale run of an old commit, a merge queue candidate, SKIPPED, CANCELLED —
// says nothing about main.
import type { SmokeResult } from '../../contracts.js';
import { packetDue } from '../../pipeline/index.js';

export type HealthSignal = { kind: 'green' } | { kind: 'red' } | { kind: 'none'; why: string };

export function healthSignal(
  result: Pick<SmokeResult, 'status' | 'stale'> & { queue?: unknown },
): HealthSignal {
  const { status } = result;
  if (status === 'STALE') return { kind: 'none', why: 'STALE: a newer run decides' };
  // A merge queue's candidate is not on the base branch yet (and may never be): main's health is the push's.
  if (result.queue)
    return { kind: 'none', why: `${status} of a merge queue candidate, not of the base branch` };
  if (result.stale && (status === 'PASS' || packetDue(status))) {
    return { kind: 'none', why: `${status} of an old commit (stale: true, on-stale run)` };
  }
  if (status === 'PASS') return { kind: 'green' };
  if (packetDue(status)) return { kind: 'red' };
  return { kind: 'none', why: `${status} is neither a fresh PASS nor a failure` };
}
