// Where a cut may fall. Output is cut in several places — the head/tail capture and the on-disk log, the
// live echo's pieces of a very long line, the redacted copy of a file without line breaks — and the text is
// redacted after the cut. A secret that straddles a cut is never whole on either side, so no literal match
// can find it: the cut must move out of it first. The guard moves a head's end back to before any (partial
// or whole) known secret form or token shape it would split, and a tail's start forward past one.

/** Token shapes whose start may end a head: the cut moves back to the shape's first character. */
const SHAPE_AT_END = /(?:gh[pousr]_|github_pat_|AKIA|xox[abposr]-)[A-Za-z0-9_-]*$/;
/**
 * A tail that starts inside a long word may start inside a token shape: a partial word of this many token
 * characters or more is dropped. A shorter one leaves too little of a token to matter (its prefix and at
 * least 20 of its 36 or more random characters are gone) and is kept, so ordinary output keeps its bytes.
 */
const MIN_TOKEN_REMAINDER = 16;
const WORD_BYTE = /[A-Za-z0-9_-]/;
/** Longest token shape a cut is moved for. */
const MAX_SHAPE_BYTES = 256;

/** The engine's view (SmokeSpec.cutGuard): how far to move a cut so that it splits no secret. */
export interface SecretCutGuard {
  /** How many bytes next to a cut the guard needs to see. */
  readonly window: number;
  /** Bytes to drop from the end of `head` (only its last `window` bytes are looked at). */
  trimHead(head: Uint8Array): number;
  /** Bytes to skip at the start of `tail` (only its first `window` bytes are looked at). */
  trimTail(tail: Uint8Array): number;
}

/** Does `form` occur in `buf` at `at` — where `buf` ends (or starts) inside it, only the part inside it? */
function occursAt(buf: Uint8Array, form: Buffer, at: number): boolean {
  const from = Math.max(0, at);
  const to = Math.min(buf.length, at + form.length);
  if (to <= from) return false;
  return form.compare(buf, from, to, from - at, to - at) === 0;
}

/** A guard for the given secret forms (each one a literal to redact). */
export function secretCutGuard(forms: readonly string[]): SecretCutGuard {
  const bytes = forms.map((f) => Buffer.from(f, 'utf8')).filter((b) => b.length > 1);
  const longest = bytes.reduce((max, b) => Math.max(max, b.length), 0);
  // Moving a cut out of one secret can land it in an overlapping one: room for two, and a token shape.
  const window = 2 * longest + MAX_SHAPE_BYTES;

  /** The earliest start of a form occurrence that straddles `cut` in `buf` (which continues after its end). */
  const straddlingStart = (buf: Uint8Array, cut: number): number => {
    let start = cut;
    for (const form of bytes) {
      for (let at = Math.max(0, cut - form.length + 1); at < start; at++) {
        if (buf[at] === form[0] && occursAt(buf, form, at)) start = at;
      }
    }
    return start;
  };
  /** The latest end of a form occurrence that straddles `cut` in `buf` (which continues before its start). */
  const straddlingEnd = (buf: Uint8Array, cut: number): number => {
    let end = cut;
    for (const form of bytes) {
      for (let stop = Math.min(buf.length, cut + form.length - 1); stop > end; stop--) {
        if (occursAt(buf, form, stop - form.length)) end = stop;
      }
    }
    return end;
  };

  // A moved cut can land in another secret or at the end of a token shape: move until it stays.
  const headCut = (buf: Uint8Array, cut: number) =>
    Math.min(straddlingStart(buf, cut), shapeStart(buf.subarray(0, cut)));
  return {
    window,
    trimHead(head) {
      const buf = head.subarray(Math.max(0, head.length - window));
      let cut = buf.length;
      for (let next = headCut(buf, cut); next !== cut; next = headCut(buf, cut)) cut = next;
      return buf.length - cut;
    },
    trimTail(tail) {
      const buf = tail.subarray(0, Math.min(tail.length, window));
      let cut = partialWordLength(buf);
      for (let next = straddlingEnd(buf, cut); next !== cut; next = straddlingEnd(buf, cut)) cut = next;
      return cut;
    },
  };
}

/** Where a token shape that `buf` ends in starts (buf.length when it ends in none). */
function shapeStart(buf: Uint8Array): number {
  const from = Math.max(0, buf.length - MAX_SHAPE_BYTES);
  const m = SHAPE_AT_END.exec(Buffer.from(buf.subarray(from)).toString('latin1'));
  return m ? from + m.index : buf.length;
}

/** Length of the long word `buf` starts with, which may be the end of a token shape cut off before it; else 0. */
function partialWordLength(buf: Uint8Array): number {
  let n = 0;
  while (n < buf.length && n < MAX_SHAPE_BYTES && WORD_BYTE.test(String.fromCharCode(buf[n]))) n++;
  return n >= MIN_TOKEN_REMAINDER ? n : 0;
}

/** Index at most `max` where a UTF-8 character starts (so a piece never splits a character). */
function utf8Boundary(buf: Uint8Array, max: number): number {
  let cut = Math.min(max, buf.length);
  while (cut > 0 && cut < buf.length && (buf[cut] & 0xc0) === 0x80) cut--;
  return cut;
}

/**
 * Where `buf` may be cut into a piece of at most `max` bytes: on a character boundary, and before any known
 * secret or token shape the cut would split. Only a secret longer than `max` can still be split.
 */
export function safeCut(buf: Uint8Array, max: number, guard: SecretCutGuard): number {
  const cut = utf8Boundary(buf, max);
  const guarded = utf8Boundary(buf, cut - guard.trimHead(buf.subarray(0, cut)));
  if (guarded > 0) return guarded;
  return cut > 0 ? cut : Math.min(max, buf.length);
}
