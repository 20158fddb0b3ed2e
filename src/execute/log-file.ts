// The full log of one stream on disk, with the capture's head/tail rule at logMaxBytes: the head goes
// straight to the file as it arrives, the tail is kept in a bounded ring, and marker + tail are written
// at the end. A log that cannot be written never disturbs the run: its path just becomes null.
import { closeSync, ftruncateSync, openSync, rmSync, writeSync } from 'node:fs';
import { HeadEnd, TailRing, headEndBytes, planCuts, splitBudget, truncationMarker } from './capture.js';
import type { CutGuard } from './types.js';

export class HeadTailLogFile {
  private fd: number | null = null;
  private readonly headCap: number;
  private readonly tailCap: number;
  private headLen = 0;
  private readonly headEnd: HeadEnd;
  private readonly tail: TailRing;
  private total = 0;
  private failure: string | null = null;

  /** Opens (truncates) `path`; when that fails the log is off and `finish()` returns null. */
  constructor(
    readonly path: string,
    maxBytes: number,
    private readonly guard?: CutGuard,
  ) {
    ({ headCap: this.headCap, tailCap: this.tailCap } = splitBudget(maxBytes));
    this.tail = new TailRing(this.tailCap);
    this.headEnd = new HeadEnd(headEndBytes(guard));
    try {
      // Only this user: until it is sealed (sealLog), the log holds the command's raw output. Created anew
      // (an earlier attempt's command may have left a link at this name, to redirect the write).
      rmSync(path, { force: true });
      this.fd = openSync(path, 'wx', 0o600);
    } catch (e) {
      this.failure = (e as Error).message;
    }
  }

  /** Why the log is unusable, or null. */
  get error(): string | null {
    return this.failure;
  }

  write(chunk: Uint8Array): void {
    if (this.fd === null) return;
    const len = chunk.length;
    this.total += len;
    let off = 0;
    if (this.headLen < this.headCap) {
      const take = Math.min(len, this.headCap - this.headLen);
      try {
        writeAll(this.fd, chunk, 0, take, this.headLen);
      } catch (e) {
        this.fail(e);
        return;
      }
      this.headEnd.push(chunk, 0, take);
      this.headLen += take;
      off = take;
    }
    if (off < len) this.tail.write(chunk, off, len);
  }

  /** Writes marker + tail, closes the file and returns its path (null when the log could not be written). */
  finish(): string | null {
    if (this.fd === null) return null;
    const fd = this.fd;
    try {
      const tail = this.tail.toBuffer();
      const { headCap, tailCap, headLen, guard } = this;
      const plan = planCuts(this.total, headCap, tailCap, headLen, this.headEnd.value, tail, guard);
      let pos = plan.headKeep;
      if (plan.truncated) {
        const marker = Buffer.from(truncationMarker(plan.dropped), 'utf8');
        writeAll(fd, marker, 0, marker.length, pos);
        pos += marker.length;
      }
      const body = tail.subarray(plan.tailSkip);
      writeAll(fd, body, 0, body.length, pos);
      pos += body.length;
      ftruncateSync(fd, pos);
      this.fd = null;
      closeSync(fd);
      return this.path;
    } catch (e) {
      this.fail(e);
      return null;
    }
  }

  private fail(e: unknown): void {
    this.failure = (e as Error).message;
    if (this.fd !== null) {
      try {
        closeSync(this.fd);
      } catch {
        // already failing; the path is reported as null either way
      }
      this.fd = null;
    }
  }
}

function writeAll(fd: number, buf: Uint8Array, start: number, length: number, position: number): void {
  let done = 0;
  while (done < length) {
    done += writeSync(fd, buf, start + done, length - done, position + done);
  }
}
