// Folding the results a report job received into the one verdict it publishes (SPEC-v2 §1, §5). Pure.
// One run job: its result is the verdict. Several (a fan-out's shards): the worst status decides
// (ERROR > TIMEOUT > FAIL > BLOCKED > PASS > SKIPPED). A result that could not be read, or none at all, is
// ERROR `missing_shard`. The per-profile outcomes (`profiles`) of a fan-out are filled in by the fan-out.
import type { SmokeResult, SmokeStatus } from '../contracts.js';
import type { Verdict } from '../pipeline/index.js';

/** A result as a report job received it. */
export interface Received {
  /** The profile of the run job that produced it (`default` without one). */
  profile: string;
  /** Where it came from, for the record: an artifact name, or "the results input". */
  source: string;
  result: SmokeResult;
}

/** A result the report job expected but could not use. */
export interface Unusable {
  profile: string;
  source: string;
  why: string;
}

/** Worst first. CANCELLED and STALE rank after the verdicts a smoke can give (a newer run decides). */
const SEVERITY: readonly SmokeStatus[] = [
  'ERROR',
  'TIMEOUT',
  'FAIL',
  'BLOCKED',
  'CANCELLED',
  'STALE',
  'PASS',
  'SKIPPED',
];

export type Fold = { kind: 'result'; result: SmokeResult } | { kind: 'verdict'; verdict: Verdict };

export function foldResults(received: readonly Received[], unusable: readonly Unusable[]): Fold {
  if (unusable.length > 0 || received.length === 0) {
    const missing = unusable.map((u) => `${u.source}: ${u.why}`).join('; ');
    return {
      kind: 'verdict',
      verdict: {
        status: 'ERROR',
        reason: 'missing_shard',
        message: missing
          ? `A run job's result could not be used — ${missing}.`
          : "No run job's result was received.",
      },
    };
  }
  const worst = [...received].sort(
    (a, b) => SEVERITY.indexOf(a.result.status) - SEVERITY.indexOf(b.result.status),
  )[0]!;
  return { kind: 'result', result: worst.result };
}
