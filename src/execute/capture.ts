// Bounded head/tail capture of one output stream: the first floor(max/2) bytes, the last ceil(max/2) bytes,
// an exact byte count, and a marker for what was dropped in between. Memory is O(max) whatever the
// command prints; nothing is decoded until the end, and cuts fall on UTF-8 character boundaries — and, with
// a cut guard, outside every known secret (the text is redacted after the cut: a split secret would leak).
import type { CutGuard } from './types.js';

/** The text put between head and tail; `dropped` is the exact number of bytes left out. */
export function truncationMarker(dropped: number): string {
  return `…[${dropped} bytes truncated]…`;
}

/** How a byte budget is shared: the head gets the smaller half. */
export function splitBudget(maxBytes: number): { headCap: number; tailCap: number } {
  const max = Math.max(0, Math.floor(maxBytes));
  const headCap = Math.floor(max / 2);
  return { headCap, tailCap: max - headCap };
}

/**
 * Number of bytes at the end of `buf[0, end)` that begin a UTF-8 character the range does not complete
 * (0 when the range ends on a character boundary). Only looks at the last three bytes.
 */
export function incompleteUtf8Suffix(buf: Uint8Array, end: number): number {
  for (let back = 1; back <= Math.min(3, end); back++) {
    const b = buf[end - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    if (b < 0xc0) return 0; // ASCII: the range ends cleanly
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return need > back ? back : 0;
  }
  return 0;
}

/** Number of UTF-8 continuation bytes (at most 3) at the start of `buf[start, end)`. */
export function leadingContinuationBytes(buf: Uint8Array, start = 0, end = buf.length): number {
  let n = 0;
  while (n < 3 && start + n < end && (buf[start + n] & 0xc0) === 0x80) n++;
  return n;
}

/**
 * The last `capacity` bytes written, in a fixed ring allocated on first use. A write copies at most
 * `capacity` bytes (only the part of the chunk that can survive), never the whole tail.
 */
export class TailRing {
  private ring: Buffer | null = null;
  private pos = 0; // next write position
  private filled = 0;

  constructor(readonly capacity: number) {}

  get length(): number {
    return this.filled;
  }

  write(chunk: Uint8Array, start = 0, end = chunk.length): void {
    const cap = this.capacity;
    let n = end - start;
    if (n <= 0 || cap === 0) return;
    const ring = (this.ring ??= Buffer.allocUnsafe(cap));
    if (n >= cap) {
      ring.set(chunk.subarray(end - cap, end), 0);
      this.pos = 0;
      this.filled = cap;
      return;
    }
    const first = Math.min(n, cap - this.pos);
    ring.set(chunk.subarray(start, start + first), this.pos);
    n -= first;
    if (n > 0) ring.set(chunk.subarray(start + first, end), 0);
    this.pos = (this.pos + first + n) % cap;
    this.filled = Math.min(cap, this.filled + first + n);
  }

  /** The kept bytes, oldest first (one copy, at the end only). */
  toBuffer(): Buffer {
    if (!this.ring || this.filled === 0) return Buffer.alloc(0);
    if (this.filled < this.capacity) return Buffer.from(this.ring.subarray(0, this.filled));
    return Buffer.concat([this.ring.subarray(this.pos), this.ring.subarray(0, this.pos)], this.capacity);
  }
}

/** Where the head/tail cuts fall once a stream is complete. */
export interface CutPlan {
  truncated: boolean;
  /** Bytes of the head to keep (the head minus a character it does not complete). */
  headKeep: number;
  /** Bytes to skip at the start of the tail (continuation bytes of a character cut in two). */
  tailSkip: number;
  /** Exact number of bytes between the kept head and the kept tail. */
  dropped: number;
}

/** How many of the head's last bytes deciding the head cut needs: a character, and the guard's window. */
export function headEndBytes(guard?: CutGuard): number {
  return 3 + (guard?.window ?? 0);
}

/**
 * Decides the cuts for a stream of `total` bytes whose head holds `headLen` bytes (ending in `headEnd`, at
 * least the last headEndBytes(guard) bytes of the head) and whose tail ring holds `tail`. The guard moves
 * the cuts out of any secret; what it moves counts as dropped.
 */
export function planCuts(
  total: number,
  headCap: number,
  tailCap: number,
  headLen: number,
  headEnd: Uint8Array,
  tail: Uint8Array,
  guard?: CutGuard,
): CutPlan {
  if (total <= headCap + tailCap) {
    return { truncated: false, headKeep: headLen, tailSkip: 0, dropped: 0 };
  }
  const guarded = guard ? Math.min(guard.trimHead(headEnd), headEnd.length) : 0;
  const headKeep = headLen - guarded - incompleteUtf8Suffix(headEnd, headEnd.length - guarded);
  const guardedSkip = guard ? Math.min(guard.trimTail(tail), tail.length) : 0;
  const tailSkip = guardedSkip + leadingContinuationBytes(tail, guardedSkip);
  return { truncated: true, headKeep, tailSkip, dropped: total - headKeep - (tail.length - tailSkip) };
}

/** Keeps the last (up to) `capacity` bytes of the head, enough to decide the head cut. */
export class HeadEnd {
  private readonly bytes: Buffer;
  private len = 0;

  constructor(readonly capacity = 3) {
    this.bytes = Buffer.alloc(capacity);
  }

  push(chunk: Uint8Array, start: number, end: number): void {
    const cap = this.capacity;
    const n = end - start;
    if (n >= cap) {
      this.bytes.set(chunk.subarray(end - cap, end), 0);
      this.len = cap;
      return;
    }
    const keep = Math.min(this.len, cap - n);
    this.bytes.copyWithin(0, this.len - keep, this.len);
    this.bytes.set(chunk.subarray(start, end), keep);
    this.len = keep + n;
  }

  get value(): Buffer {
    return this.bytes.subarray(0, this.len);
  }
}

export interface CaptureResult {
  text: string;
  totalBytes: number;
  truncated: boolean;
}

/** In-memory head/tail capture of one stream at `maxBytes`. */
export class HeadTailCapture {
  readonly headCap: number;
  readonly tailCap: number;
  private head: Buffer | null = null;
  private headLen = 0;
  private readonly tail: TailRing;
  private total = 0;

  constructor(
    maxBytes: number,
    private readonly guard?: CutGuard,
  ) {
    ({ headCap: this.headCap, tailCap: this.tailCap } = splitBudget(maxBytes));
    this.tail = new TailRing(this.tailCap);
  }

  get totalBytes(): number {
    return this.total;
  }

  write(chunk: Uint8Array): void {
    const len = chunk.length;
    this.total += len;
    let off = 0;
    if (this.headLen < this.headCap) {
      const take = Math.min(len, this.headCap - this.headLen);
      (this.head ??= Buffer.allocUnsafe(this.headCap)).set(chunk.subarray(0, take), this.headLen);
      this.headLen += take;
      off = take;
    }
    if (off < len) this.tail.write(chunk, off, len);
  }

  result(): CaptureResult {
    const head = this.head ? this.head.subarray(0, this.headLen) : Buffer.alloc(0);
    const tail = this.tail.toBuffer();
    const plan = planCuts(this.total, this.headCap, this.tailCap, this.headLen, head, tail, this.guard);
    if (!plan.truncated) {
      return {
        text: Buffer.concat([head, tail]).toString('utf8'),
        totalBytes: this.total,
        truncated: false,
      };
    }
    const text =
      head.toString('utf8', 0, plan.headKeep) +
      truncationMarker(plan.dropped) +
      tail.toString('utf8', plan.tailSkip);
    return { text, totalBytes: this.total, truncated: true };
  }
}
