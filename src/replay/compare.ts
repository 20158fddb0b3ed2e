// Compares a replayed SmokeResult with a fixture's expected fields. Pure.
import { isDeepStrictEqual } from 'node:util';
import type { SmokeResult } from '../contracts.js';
import type { Fixture } from './fixture.js';

export interface ReplayShas {
  mergeCommit: string;
  originHead: string;
}

/** Fields that change from run to run by nature; a replay comparison never looks at them. */
export const VOLATILE_FIELDS = ['started_at', 'finished_at', 'duration_ms'] as const;

/** One line per difference; empty when the result matches. */
export function compareWithExpected(
  expected: Fixture['expected'],
  result: SmokeResult,
  packetWritten: boolean,
  shas: ReplayShas,
): string[] {
  const differences: string[] = [];
  const substitute = (value: unknown): unknown =>
    value === '$MERGE_COMMIT' ? shas.mergeCommit : value === '$ORIGIN_HEAD' ? shas.originHead : value;
  const { stdout_includes, stderr_includes, packet, ...fields } = expected;
  for (const [key, want] of Object.entries(fields)) {
    if (!(key in result)) {
      differences.push(`${key}: not a SmokeResult field`);
      continue;
    }
    const got = (result as Record<string, unknown>)[key];
    const wanted = substitute(want);
    if (!isDeepStrictEqual(got, wanted)) {
      differences.push(`${key}: expected ${JSON.stringify(wanted)}, got ${JSON.stringify(got)}`);
    }
  }
  for (const [stream, needles] of [
    ['stdout', stdout_includes],
    ['stderr', stderr_includes],
  ] as const) {
    for (const needle of needles) {
      if (!(result[stream] ?? '').includes(needle))
        differences.push(`${stream}: does not include ${JSON.stringify(needle)}`);
    }
  }
  if (packet !== packetWritten) {
    differences.push(
      `packet: expected ${packet ? 'a' : 'no'} Critical #7 packet, got ${packetWritten ? 'one' : 'none'}`,
    );
  }
  // Invariant of every replay: the merge commit is propagated unchanged.
  if (result.merge_commit !== null && result.merge_commit !== shas.mergeCommit) {
    differences.push(
      `merge_commit: the result names ${result.merge_commit}, the replay built ${shas.mergeCommit}`,
    );
  }
  return differences;
}

/** The result with run-to-run noise removed: what two replays of one fixture must agree on. */
export function stableView(result: SmokeResult, root: string): unknown {
  const copy: Record<string, unknown> = { ...result };
  for (const f of VOLATILE_FIELDS) copy[f] = null;
  copy.attempts = result.attempts.map((a) => ({ ...a, duration_ms: null }));
  // Paths of the throwaway repositories and measured durations differ between two replays by nature.
  const scrub = (text: string) =>
    text
      .split(root)
      .join('<replay-root>')
      .replace(/\b\d+(\.\d+)? ?(ms|s|min)\b/g, '<duration>');
  copy.message = scrub(result.message);
  copy.reporting = Object.fromEntries(Object.entries(result.reporting).map(([k, v]) => [k, scrub(v)]));
  return copy;
}
