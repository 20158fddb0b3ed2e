// Job outputs (SPEC §4): every output on every exit path, '' where not applicable.
import type { SmokeResult } from '../contracts.js';
import { OUTPUTS, type OutputName, type OutputSources } from '../settings/index.js';
import type { Sinks } from '../sinks/index.js';
import { utf8Head, utf8Length, utf8Tail } from './text.js';

/**
 * Budget for the `result` output, in UTF-8 bytes of its JSON. The runner limits job outputs to 1 MB; the
 * other outputs are small, so ~900 KB leaves room for them.
 */
export const MAX_RESULT_OUTPUT_BYTES = 900_000;

export type OutputInput = Omit<OutputSources, 'resultJson'>;

/** What a run of a mode that produced a SmokeResult gives the outputs; the mode-specific fields empty. */
export function resultOutputs(
  mode: string,
  result: SmokeResult,
  extra: Partial<OutputInput> = {},
): OutputInput {
  return { ...emptyOutputs(mode, result.status), result, ...extra };
}

/** The outputs of a mode with nothing more to say than its name and status: every other output empty. */
export function emptyOutputs(mode: string, status: string): OutputInput {
  return {
    mode,
    status,
    result: null,
    resultPath: null,
    packetPath: null,
    artifact: null,
    greenSha: null,
    matrix: null,
    profiles: null,
    issueNumber: null,
    mainState: null,
    redSince: null,
    bypassed: null,
  };
}

/**
 * Every action output as a string, from the outputs table. `result` is the compact SmokeResult JSON, shrunk
 * to fit MAX_RESULT_OUTPUT_BYTES when needed (see `shrinkResult`). Expects an already redacted result.
 */
export function buildOutputs(
  input: OutputInput,
  maxResultBytes: number = MAX_RESULT_OUTPUT_BYTES,
): Record<OutputName, string> {
  const resultJson = input.result ? JSON.stringify(shrinkResult(input.result, maxResultBytes)) : '';
  const sources: OutputSources = { ...input, resultJson };
  return Object.fromEntries(OUTPUTS.map((o) => [o.name, o.value(sources)])) as Record<OutputName, string>;
}

/** Sets every output, each on its own: one the runner refuses does not lose the others. */
export function setEachOutput(sinks: Pick<Sinks, 'setOutput' | 'log'>, input: OutputInput): void {
  if (!sinks.setOutput) return;
  const refused: string[] = [];
  let reason = '';
  for (const [name, value] of Object.entries(buildOutputs(input))) {
    try {
      sinks.setOutput(name as OutputName, value);
    } catch (e) {
      refused.push(name);
      reason ||= e instanceof Error ? e.message : String(e);
    }
  }
  // One warning, not one per output: the cause is nearly always the same file.
  if (refused.length > 0) sinks.log.warning(`Could not set output ${refused.join(', ')}: ${reason}`);
}

/** Marker put before a tail that was shortened to fit the job output limit. */
export function shortenedMarker(droppedBytes: number): string {
  return `…[${droppedBytes} bytes dropped to fit the job output limit]…\n`;
}

const jsonBytes = (value: unknown): number => utf8Length(JSON.stringify(value));

/**
 * The longest head or tail of `text` whose JSON string form (quotes and escapes included) fits `budget`
 * bytes, cut on a UTF-8 boundary.
 */
function fitJson(text: string, budget: number, keep: 'head' | 'tail'): string {
  if (budget <= 2) return '';
  const cut = keep === 'head' ? utf8Head : utf8Tail;
  let bytes = budget - 2;
  let part = cut(text, bytes);
  // JSON escapes can make the encoded form several times longer than the raw bytes: scale down until it fits.
  for (let size = jsonBytes(part); part.length > 0 && size > budget; size = jsonBytes(part)) {
    bytes = Math.min(bytes - 1, Math.floor((utf8Length(part) * budget) / size) - 1);
    part = cut(text, Math.max(0, bytes));
  }
  return part;
}

type TextKey = 'stdout' | 'stderr' | 'smoke_command' | 'message';

/**
 * Shortens the given fields of `out` (in place) so that the whole JSON fits `maxBytes`: the room left by
 * everything else is shared between them, smaller fields first (one that needs less than its share leaves
 * the rest to the others). Returns the keys that were shortened.
 */
function fitFields(
  out: SmokeResult,
  keys: readonly TextKey[],
  maxBytes: number,
  keep: 'head' | 'tail',
  mark: (droppedBytes: number) => string,
): TextKey[] {
  const present = keys.filter((k) => out[k] !== null);
  const blank: Partial<SmokeResult> = {};
  for (const k of present) blank[k] = '';
  let available = Math.max(0, maxBytes - jsonBytes({ ...out, ...blank }));
  const shortened: TextKey[] = [];
  present
    .sort((a, b) => jsonBytes(out[a]) - jsonBytes(out[b]))
    .forEach((key, i) => {
      const text = out[key] as string;
      const share = Math.floor(available / (present.length - i));
      let kept = text;
      if (jsonBytes(text) > share) {
        const textBytes = utf8Length(text);
        const room = Math.max(2, share - (jsonBytes(mark(textBytes)) - 2)); // the marker's size, at most
        const part = fitJson(text, room, keep);
        const marker = mark(textBytes - utf8Length(part));
        kept = keep === 'tail' ? marker + part : part + marker;
        shortened.push(key);
      }
      available -= jsonBytes(kept) - 2; // '' (2 bytes) is already counted
      out[key] = kept;
    });
  return shortened;
}

/**
 * A copy of `result` whose compact JSON is at most `maxBytes` UTF-8 bytes, still schema-valid. stdout and
 * stderr give way first: they keep their tails (the end of a failing log is what explains it), behind a
 * `…[N bytes dropped to fit the job output limit]…` marker, and their `*_truncated` flag is set. If that is
 * not enough (a giant command or message), those keep their heads. Returns `result` itself when it fits.
 */
export function shrinkResult(result: SmokeResult, maxBytes: number = MAX_RESULT_OUTPUT_BYTES): SmokeResult {
  if (jsonBytes(result) <= maxBytes) return result;
  const out: SmokeResult = { ...result };
  for (const key of fitFields(out, ['stdout', 'stderr'], maxBytes, 'tail', shortenedMarker)) {
    if (key === 'stdout') out.stdout_truncated = true;
    if (key === 'stderr') out.stderr_truncated = true;
  }
  if (jsonBytes(out) <= maxBytes) return out;
  // Still too big: everything else is small and bounded except these two.
  fitFields(out, ['smoke_command', 'message'], maxBytes, 'head', (n) => `…[${n} bytes dropped]`);
  if (jsonBytes(out) <= maxBytes) return out;
  // Last resort (only with an absurdly small limit): drop the streams entirely.
  if (out.stdout !== null) out.stdout_truncated = true;
  if (out.stderr !== null) out.stderr_truncated = true;
  out.stdout = out.stdout === null ? null : '';
  out.stderr = out.stderr === null ? null : '';
  return out;
}
