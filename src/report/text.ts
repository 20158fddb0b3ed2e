// Small text helpers shared by the reporting steps: UTF-8-safe heads and tails, clipping, one-line forms.

/** True for a UTF-8 continuation byte (10xxxxxx): a character does not start there. */
function isContinuation(byte: number): boolean {
  return (byte & 0xc0) === 0x80;
}

/**
 * The last `maxBytes` bytes of `text` as UTF-8, cut on a character boundary (so possibly a few bytes less).
 * Returns `text` unchanged when it already fits.
 */
export function utf8Tail(text: string, maxBytes: number): string {
  if (maxBytes <= 0) return '';
  const buf = Buffer.from(text, 'utf8');
  if (buf.length <= maxBytes) return text;
  let start = buf.length - maxBytes;
  while (start < buf.length && isContinuation(buf[start])) start++;
  return buf.subarray(start).toString('utf8');
}

/** The first `maxBytes` bytes of `text` as UTF-8, cut on a character boundary. */
export function utf8Head(text: string, maxBytes: number): string {
  if (maxBytes <= 0) return '';
  const buf = Buffer.from(text, 'utf8');
  if (buf.length <= maxBytes) return text;
  let end = maxBytes;
  while (end > 0 && isContinuation(buf[end])) end--;
  return buf.subarray(0, end).toString('utf8');
}

/** Byte length of `text` as UTF-8. */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * At most `maxChars` UTF-16 code units of `text` (what JavaScript and most APIs call its length); a clipped
 * text ends with '…' (counted in the limit). Never splits a surrogate pair.
 */
export function clip(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  if (maxChars <= 0) return '';
  let end = maxChars - 1;
  const code = text.charCodeAt(end - 1);
  if (end > 0 && code >= 0xd800 && code <= 0xdbff) end--; // do not keep a lone high surrogate
  return text.slice(0, end) + '…';
}

/** Collapses every run of whitespace (newlines included) into one space and trims. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** First 7 characters of a SHA, or null. */
export function sha7(sha: string | null): string | null {
  return sha ? sha.slice(0, 7) : null;
}

/** "850 ms", "12.4 s", "3 min 05 s", "1 h 02 min". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(Math.floor(ms / 100) / 10).toFixed(1)} s`;
  const totalSeconds = Math.floor(ms / 1000);
  if (totalSeconds < 3600) {
    const m = Math.floor(totalSeconds / 60);
    const s = totalSeconds % 60;
    return `${m} min ${String(s).padStart(2, '0')} s`;
  }
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  return `${h} h ${String(m).padStart(2, '0')} min`;
}

/** "600 s", "1.5 s" — a timeout given in seconds. */
export function formatSeconds(seconds: number): string {
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

/** An error as one line for a reporting outcome or a warning (at most 300 characters). */
export function errorText(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim().slice(0, 300);
}
