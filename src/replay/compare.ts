// Compares a replayed SmokeResult (or a gate's verdict) with a fixture's expected fields. Pure.
import { isDeepStrictEqual } from 'node:util';
import type { EscalationPacket, SmokeResult } from '../contracts.js';
import type { Fixture } from './fixture.js';

export interface ReplayShas {
  mergeCommit: string;
  originHead: string | null;
  /** The commits of `base_history`, oldest first ("$BASE_HISTORY[i]"). */
  history: string[];
  /** The base branch head the merge commit was built on. */
  baseHead: string;
  /** The full ref the merge commit was pushed to (a merge group's `head_ref`). */
  mergeRef: string;
  /** The merge commits of a streak's steps, in order ("$MERGE_COMMIT[i]"). */
  steps?: readonly string[];
}

/** Fields that change from run to run by nature; a replay comparison never looks at them. */
export const VOLATILE_FIELDS = ['started_at', 'finished_at', 'duration_ms'] as const;

/** What a gate replay is compared on (a gate makes no SmokeResult): its verdict and outputs, and its cost. */
export interface GateReplayView {
  status: string;
  reason: string;
  message: string;
  main_state: string | null;
  red_since: string | null;
  bypassed: boolean | null;
  /** Requests the gate made to the (loopback) GitHub API. */
  api_requests: number;
}

/**
 * "$MERGE_COMMIT[i]", "$BASE_HISTORY[i]", "$MERGE_COMMIT", "$ORIGIN_HEAD", "$BASE_HEAD" and "$MERGE_REF" →
 * what the replay built, wherever they appear in an expected value (a whole string stays a string; a value
 * that is exactly "$ORIGIN_HEAD" with no origin head becomes null).
 */
function substitution(shas: ReplayShas): (value: unknown) => unknown {
  const named: Record<string, string | null> = {
    $MERGE_COMMIT: shas.mergeCommit,
    $ORIGIN_HEAD: shas.originHead,
    $BASE_HEAD: shas.baseHead,
    $MERGE_REF: shas.mergeRef,
  };
  const indexed = (list: readonly string[] | undefined, name: string) => (_m: string, i: string) =>
    list?.[Number(i)] ?? `<no ${name}[${i}]>`;
  const substitute = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(substitute);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v)]));
    }
    if (typeof value !== 'string') return value;
    if (Object.hasOwn(named, value)) return named[value];
    return value
      .replace(/\$MERGE_COMMIT\[(\d+)\]/g, indexed(shas.steps, 'MERGE_COMMIT'))
      .replace(/\$BASE_HISTORY\[(\d+)\]/g, indexed(shas.history, 'BASE_HISTORY'))
      .replace(/\$(MERGE_COMMIT|ORIGIN_HEAD|BASE_HEAD|MERGE_REF)\b/g, (m) => named[m] ?? 'null');
  };
  return substitute;
}

type Expected = Fixture['expected'];

function fieldDifferences(
  fields: Record<string, unknown>,
  actual: Record<string, unknown>,
  substitute: (value: unknown) => unknown,
  what: string,
): string[] {
  const differences: string[] = [];
  for (const [key, want] of Object.entries(fields)) {
    if (!(key in actual)) {
      differences.push(`${key}: not a ${what} field`);
      continue;
    }
    const wanted = substitute(want);
    if (!isDeepStrictEqual(actual[key], wanted)) {
      differences.push(`${key}: expected ${JSON.stringify(wanted)}, got ${JSON.stringify(actual[key])}`);
    }
  }
  return differences;
}

function includes(name: string, text: string | null, needles: readonly string[]): string[] {
  return needles
    .filter((needle) => !(text ?? '').includes(needle))
    .map((needle) => `${name}: does not include ${JSON.stringify(needle)}`);
}

function packetDifference(packet: boolean, packetWritten: boolean): string[] {
  if (packet === packetWritten) return [];
  return [
    `packet: expected ${packet ? 'a' : 'no'} Critical #7 packet, got ${packetWritten ? 'one' : 'none'}`,
  ];
}

/** The packet's suspects and the reporting outcomes of main health, where the fixture names them. */
function healthDifferences(
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

/** The expectations checked their own way (substrings, the packet, main health) apart from plain fields. */
function splitExpected(expected: Expected) {
  const {
    stdout_includes,
    stderr_includes,
    message_includes,
    packet,
    suspects,
    reporting_includes,
    ...fields
  } = expected;
  return {
    checks: { stdout_includes, stderr_includes, message_includes, packet, suspects, reporting_includes },
    fields,
  };
}

/** One line per difference; empty when the result matches. `written`: the packet written, if any. */
export function compareWithExpected(
  expected: Expected,
  result: SmokeResult,
  packetWritten: boolean,
  shas: ReplayShas,
  written: Pick<EscalationPacket, 'suspects'> | null = null,
): string[] {
  const substitute = substitution(shas);
  const { checks: x, fields } = splitExpected(expected);
  const differences = [
    ...fieldDifferences(fields, result as unknown as Record<string, unknown>, substitute, 'SmokeResult'),
    ...includes('stdout', result.stdout, x.stdout_includes),
    ...includes('stderr', result.stderr, x.stderr_includes),
    ...includes('message', result.message, x.message_includes),
    ...packetDifference(x.packet, packetWritten),
    ...healthDifferences(x.suspects, x.reporting_includes, result, written, substitute),
  ];
  // Invariant of every replay: the merge commit is propagated unchanged.
  if (result.merge_commit !== null && result.merge_commit !== shas.mergeCommit) {
    differences.push(
      `merge_commit: the result names ${result.merge_commit}, the replay built ${shas.mergeCommit}`,
    );
  }
  return differences;
}

/** The same for a gate: its verdict and outputs instead of a SmokeResult; it never writes a packet. */
export function compareGateWithExpected(
  expected: Expected,
  gate: GateReplayView,
  packetWritten: boolean,
  shas: ReplayShas,
): string[] {
  const { checks: x, fields } = splitExpected(expected);
  const unused = [...x.stdout_includes, ...x.stderr_includes, ...Object.keys(x.reporting_includes)];
  return [
    ...fieldDifferences(fields, gate as unknown as Record<string, unknown>, substitution(shas), 'gate'),
    ...unused.map((n) => `${JSON.stringify(n)}: a gate runs no command and reports nothing`),
    ...(x.suspects === undefined ? [] : ['suspects: a gate writes no packet']),
    ...includes('message', gate.message, x.message_includes),
    ...packetDifference(x.packet, packetWritten),
  ];
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
