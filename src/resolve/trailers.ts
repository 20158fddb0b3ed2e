// Git trailers of a commit message (`Task-Id: task-2512`, `PR-URL: https://…`): read the way git reads
// them, from the last paragraph only.

export interface Trailer {
  /** As written (compare case-insensitively). */
  key: string;
  value: string;
  /** 1-based line in the commit message. */
  line: number;
}

const TRAILER_LINE = /^([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*)$/;

/**
 * The last paragraph of the message, when it is not the subject paragraph and every line in it is
 * `Key: value` (a line starting with whitespace continues the previous value; git's
 * "(cherry picked from commit …)" line is skipped). Otherwise none.
 */
export function parseTrailers(message: string): Trailer[] {
  const lines = message.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim() === '') end--;
  let start = end;
  while (start > 0 && lines[start - 1]!.trim() !== '') start--;
  const firstText = lines.findIndex((l) => l.trim() !== '');
  if (end === 0 || start <= firstText) return []; // no body paragraph after the subject
  const trailers: Trailer[] = [];
  for (let i = start; i < end; i++) {
    const line = lines[i]!;
    if (/^[ \t]/.test(line) && trailers.length > 0) {
      trailers[trailers.length - 1]!.value += ` ${line.trim()}`;
      continue;
    }
    if (line.startsWith('(cherry picked from commit')) continue;
    const m = TRAILER_LINE.exec(line);
    if (!m) return [];
    trailers.push({ key: m[1]!, value: m[2]!.trim(), line: i + 1 });
  }
  return trailers;
}

/** Distinct values of the trailers named `key` (case-insensitive), in order. */
export function trailerValues(trailers: readonly Trailer[], key: string): string[] {
  const wanted = key.toLowerCase();
  return [...new Set(trailers.filter((t) => t.key.toLowerCase() === wanted).map((t) => t.value))];
}
