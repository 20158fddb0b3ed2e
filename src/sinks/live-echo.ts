// Live echo of the smoke command's output to the job log (SPEC §7 "Output is echoed live").
//
// - Line-buffered per stream: a line is written once it is complete (or in pieces of `maxLineBytes` when it
//   is longer, cut outside any known secret or token shape: the bytes of a secret the cut would split are
//   held back for the next piece), so a secret is never split across two writes and redaction sees it whole.
//   (The runner's own mask matches whole values within one line only.)
// - Every line is redacted before it is written; a PEM private key spread over several lines is followed
//   across lines (Redactor.lineRedactor).
// - stderr lines are NOT prefixed by default: the runner does not mark stderr for `run:` steps either, and
//   problem matchers anchored at `^` (compilers, linters) must still match. Pass `stderrPrefix` to mark them.
// - Bounded: after `maxEchoBytes` bytes of one stream, one notice line is written and the rest of that stream
//   is dropped from the echo (it is still captured by the engine: head and tail in the result, the full
//   head/tail log in the artifact).
// - Workflow commands: the sink that writes the echo wraps the command's lifetime in a fence (fence.ts)
//   so the command's output cannot issue `::set-output`, `::add-mask::`, `::error::` and the like.
import { safeCut, type SecretCutGuard } from './cut-guard.js';
import type { Redactor } from './redact.js';

export type EchoStream = 'stdout' | 'stderr';

export const DEFAULT_MAX_ECHO_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_LINE_BYTES = 64 * 1024;

export interface LiveEchoOptions {
  /** Per stream: bytes echoed before the echo of that stream stops. Default 10 MiB. */
  maxEchoBytes?: number;
  /** A line longer than this is written in pieces (cut on UTF-8 boundaries). Default 64 KiB. */
  maxLineBytes?: number;
  /** Written before every stderr line. Default '' (no prefix, see the file comment). */
  stderrPrefix?: string;
}

export interface EchoStreamStats {
  /** Raw bytes of this stream that were echoed (before redaction). */
  echoedBytes: number;
  /** Raw bytes dropped after the cap. */
  droppedBytes: number;
  stopped: boolean;
}

export interface LiveEcho {
  /** Feed a raw chunk of the command's output, in order per stream. */
  push(stream: EchoStream, chunk: Buffer): void;
  /** Writes the incomplete last line of each stream, if any. Call once the command has ended. */
  flush(): void;
  stats(): Record<EchoStream, EchoStreamStats>;
}

const NEWLINE = 0x0a;

/**
 * Splits one stream's chunks into lines (without their newline). A line longer than `maxLineBytes` comes
 * out in pieces as soon as a piece is full (less what the guard holds back), so what is held back never
 * grows much past the limit.
 */
class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(
    private readonly maxLineBytes: number,
    private readonly guard: SecretCutGuard,
  ) {}

  push(chunk: Buffer, emit: (line: Buffer) => void): void {
    let start = 0;
    for (let nl = chunk.indexOf(NEWLINE); nl !== -1; nl = chunk.indexOf(NEWLINE, start)) {
      this.hold(chunk.subarray(start, nl));
      this.emitPieces(this.take(), emit, true);
      start = nl + 1;
    }
    if (start < chunk.length) {
      // Copy: the caller may reuse its buffer.
      this.hold(Buffer.from(chunk.subarray(start)));
      if (this.pendingBytes >= this.maxLineBytes) this.emitPieces(this.take(), emit, false);
    }
  }

  /** The incomplete last line, if any. */
  flush(emit: (line: Buffer) => void): void {
    if (this.pendingBytes > 0) emit(this.take());
  }

  /** Emits `line` in pieces of at most maxLineBytes; unless `whole`, a short remainder stays pending. */
  private emitPieces(line: Buffer, emit: (line: Buffer) => void, whole: boolean): void {
    let rest = line;
    while (rest.length > this.maxLineBytes || (!whole && rest.length === this.maxLineBytes)) {
      const cut = safeCut(rest, this.maxLineBytes, this.guard);
      emit(rest.subarray(0, cut));
      rest = rest.subarray(cut);
    }
    if (whole) emit(rest);
    else if (rest.length > 0) this.hold(rest);
  }

  private hold(piece: Buffer): void {
    this.pending.push(piece);
    this.pendingBytes += piece.length;
  }

  private take(): Buffer {
    const buf = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    return buf;
  }
}

/** One stream of the echo: its lines, its byte budget, its redaction state (a PEM key open across lines). */
class EchoedStream {
  readonly lines: LineSplitter;
  private readonly redactLine: (line: string) => string;
  echoed = 0;
  dropped = 0;
  stopped = false;

  constructor(
    private readonly name: EchoStream,
    redactor: Redactor,
    private readonly opts: { maxEchoBytes: number; maxLineBytes: number; prefix: string },
  ) {
    this.lines = new LineSplitter(opts.maxLineBytes, redactor.cutGuard());
    this.redactLine = redactor.lineRedactor();
  }

  /** The echoed form of one line, the notice that stops the stream, or nothing once stopped. */
  render(line: Buffer): string {
    const cost = line.length + 1;
    if (this.stopped) {
      this.dropped += cost;
      return '';
    }
    if (this.echoed + cost > this.opts.maxEchoBytes) {
      this.stopped = true;
      this.dropped += cost;
      return (
        `…${this.name} echo stopped after ${this.echoed} bytes (limit ${this.opts.maxEchoBytes}); the output is still ` +
        `captured: head and tail in the result, the full head/tail log in the artifact.\n`
      );
    }
    this.echoed += cost;
    let text = line.toString('utf8');
    if (text.endsWith('\r')) text = text.slice(0, -1);
    return this.opts.prefix + this.redactLine(text) + '\n';
  }

  stats(): EchoStreamStats {
    return { echoedBytes: this.echoed, droppedBytes: this.dropped, stopped: this.stopped };
  }
}

/**
 * Creates the live echo. `write` receives complete, redacted lines (each ending in '\n'), batched per
 * `push` call.
 */
export function createLiveEcho(
  redactor: Redactor,
  write: (text: string) => void,
  opts: LiveEchoOptions = {},
): LiveEcho {
  const settings = {
    maxEchoBytes: opts.maxEchoBytes ?? DEFAULT_MAX_ECHO_BYTES,
    maxLineBytes: Math.max(16, opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES),
  };
  const streams: Record<EchoStream, EchoedStream> = {
    stdout: new EchoedStream('stdout', redactor, { ...settings, prefix: '' }),
    stderr: new EchoedStream('stderr', redactor, { ...settings, prefix: opts.stderrPrefix ?? '' }),
  };
  const writeAll = (out: string[]) => {
    const text = out.join('');
    if (text !== '') write(text);
  };
  return {
    push(stream, chunk) {
      const st = streams[stream];
      if (st.stopped) {
        st.dropped += chunk.length;
        return;
      }
      const out: string[] = [];
      st.lines.push(chunk, (line) => out.push(st.render(line)));
      writeAll(out);
    },
    flush() {
      const out: string[] = [];
      for (const st of Object.values(streams)) st.lines.flush((line) => out.push(st.render(line)));
      writeAll(out);
    },
    stats: () => ({ stdout: streams.stdout.stats(), stderr: streams.stderr.stats() }),
  };
}
