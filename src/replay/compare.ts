// Compares a replayed SmokeResult with a fixture's expected fields. Pure.
import { isDeepStrictEqual } from 'node:util';
import type { EscalationPacket, SmokeResult } from '../contracts.js';
import type { Fixture } from './fixture.js';

export interface ReplayShas {
  mergeCommit: string;
  originHead: string;
  /** The merge commits of a streak's steps, in order ("$MERGE_COMMIT[i]"). */
  steps?: readonly string[];
}

/** `value` with "$MERGE_COMMIT[i]", "$MERGE_COMMIT" and "$ORIGIN_HEAD" replaced, in every string in it. */
function substituted(value: unknown, shas: ReplayShas): unknown {
  if (typeof value === 'string') {
    return value
      .replace(/\$MERGE_COMMIT\[(\d+)\]/g, (m, i: string) => shas.steps?.[Number(i)] ?? m)
      .replace(/\$MERGE_COMMIT/g, shas.mergeCommit)
      .replace(/\$ORIGIN_HEAD/g, shas.originHead);
  }
  if (Array.isArray(value)) return value.map((v) => substituted(v, shas));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituted(v, shas)]));
  }
  return value;
}

/** Fields that change from run to run by nature; a replay comparison never looks at them. */
export const VOLATILE_FIELDS = ['started_at', 'finished_at', 'duration_ms'] as const;

/** One line per difference; empty when the result matches. `packet`: the packet written, if any. */
export function compareWithExpected(
  expected: Fixture['expected'],
  result: SmokeResult,
  packetWritten: boolean,
  shas: ReplayShas,
  written: Pick<EscalationPacket, 'suspects'> | null = null,
): string[] {
  const differences: string[] = [];
  const substitute = (value: unknown): unknown => substituted(value, shas);
  const { stdout_includes, stderr_includes, packet, suspects, reporting_includes, ...fields } = expected;
  differences.push(...compareHealth(suspects, reporting_includes, result, written, substitute));
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

/** The packet's suspects and the reporting outcomes of main health, where the fixture names them. */
function compareHealth(
  suspects: string[] | undefined,
  reportingIncludes: Record<string, string>,
  result: SmokeResult,
  packet: Pick<EscalationPacket, 'suspects'> | null,
  substitute: (value: unknown) => unknown,
): string[] {
  const differences: string[] = [];
  if (suspects !== undefined) {
    const wanted = substitute(suspects);
    const got = packet?.suspects.map((s) => s.sha) ?? null;
    if (!isDeepStrictEqual(got, wanted)) {
      differences.push(`suspects: expected ${JSON.stringify(wanted)}, got ${JSON.stringify(got)}`);
    }
  }
  for (const [key, text] of Object.entries(reportingIncludes)) {
    const got = (result.reporting as Record<string, string | undefined>)[key];
    const wanted = substitute(text) as string;
    if (got === undefined || !got.includes(wanted)) {
      differences.push(
        `reporting.${key}: expected it to include ${JSON.stringify(wanted)}, got ${JSON.stringify(got)}`,
      );
    }
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
