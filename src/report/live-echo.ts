// Live echo of the smoke command's output to the job log (SPEC §7 "Output is echoed live").
//
// - Line-buffered per stream: a line is written once it is complete (or in pieces of `maxLineBytes` when it
//   is longer), so a secret is never split across two writes and redaction sees whole lines.
// - Every line is redacted before it is written; a PEM private key spread over several lines is followed
//   across lines (Redactor.lineRedactor).
// - stderr lines are NOT prefixed by default: the runner does not mark stderr for `run:` steps either, and
//   problem matchers anchored at `^` (compilers, linters) must still match. Pass `stderrPrefix` to mark them.
// - Bounded: after `maxEchoBytes` bytes of one stream, one notice line is written and the rest of that stream
//   is dropped from the echo (it is still captured by the engine: head and tail in the result, the full
//   head/tail log in the artifact).
// - Workflow commands: wrap the command's lifetime in `::stop-commands::<token>` … `::<token>::` (helpers
//   below) so the command's output cannot issue `::set-output`, `::add-mask::`, `::error::` and the like.
import { randomBytes } from 'node:crypto';
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

interface StreamState {
  pending: Buffer[];
  pendingBytes: number;
  echoed: number;
  dropped: number;
  stopped: boolean;
  redactLine: (line: string) => string;
}

const NEWLINE = 0x0a;

/** Index at most `max` where a UTF-8 character starts (so a piece never splits a character). */
function utf8Cut(buf: Buffer, max: number): number {
  let cut = Math.min(max, buf.length);
  while (cut > 0 && cut < buf.length && (buf[cut] & 0xc0) === 0x80) cut--;
  return cut === 0 ? Math.min(max, buf.length) : cut;
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
  const maxEchoBytes = opts.maxEchoBytes ?? DEFAULT_MAX_ECHO_BYTES;
  const maxLineBytes = Math.max(16, opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES);
  const prefixes: Record<EchoStream, string> = { stdout: '', stderr: opts.stderrPrefix ?? '' };
  const newState = (): StreamState => ({
    pending: [],
    pendingBytes: 0,
    echoed: 0,
    dropped: 0,
    stopped: false,
    redactLine: redactor.lineRedactor(),
  });
  const states: Record<EchoStream, StreamState> = { stdout: newState(), stderr: newState() };

  /** Appends one line (without its newline) to `out`, or stops the stream when the cap is reached. */
  const emit = (stream: EchoStream, st: StreamState, line: Buffer, out: string[]): void => {
    if (st.stopped) {
      st.dropped += line.length + 1;
      return;
    }
    const cost = line.length + 1;
    if (st.echoed + cost > maxEchoBytes) {
      st.stopped = true;
      st.dropped += cost;
      out.push(
        `…${stream} echo stopped after ${st.echoed} bytes (limit ${maxEchoBytes}); the output is still ` +
          `captured: head and tail in the result, the full head/tail log in the artifact.\n`,
      );
      return;
    }
    st.echoed += cost;
    let text = line.toString('utf8');
    if (text.endsWith('\r')) text = text.slice(0, -1);
    out.push(prefixes[stream] + st.redactLine(text) + '\n');
  };

  /** Emits a complete line, in pieces of at most maxLineBytes. */
  const emitPieces = (stream: EchoStream, st: StreamState, line: Buffer, out: string[]): void => {
    let rest = line;
    while (rest.length > maxLineBytes) {
      const cut = utf8Cut(rest, maxLineBytes);
      emit(stream, st, rest.subarray(0, cut), out);
      rest = rest.subarray(cut);
    }
    emit(stream, st, rest, out);
  };

  const takePending = (st: StreamState): Buffer => {
    const buf = st.pending.length === 1 ? st.pending[0] : Buffer.concat(st.pending, st.pendingBytes);
    st.pending = [];
    st.pendingBytes = 0;
    return buf;
  };

  const flushOut = (out: string[]) => {
    if (out.length > 0) write(out.join(''));
  };

  return {
    push(stream, chunk) {
      const st = states[stream];
      if (st.stopped) {
        st.dropped += chunk.length;
        return;
      }
      const out: string[] = [];
      let start = 0;
      for (;;) {
        const nl = chunk.indexOf(NEWLINE, start);
        if (nl === -1) break;
        const piece = chunk.subarray(start, nl);
        let line = piece;
        if (st.pendingBytes > 0) {
          st.pending.push(piece);
          st.pendingBytes += piece.length;
          line = takePending(st);
        }
        emitPieces(stream, st, line, out);
        start = nl + 1;
      }
      if (start < chunk.length && !st.stopped) {
        // Copy: the caller may reuse its buffer.
        st.pending.push(Buffer.from(chunk.subarray(start)));
        st.pendingBytes += chunk.length - start;
        if (st.pendingBytes >= maxLineBytes) {
          // A line longer than the limit is written in pieces; the remainder stays pending.
          let buf = takePending(st);
          while (buf.length >= maxLineBytes && !st.stopped) {
            const cut = utf8Cut(buf, maxLineBytes);
            emit(stream, st, buf.subarray(0, cut), out);
            buf = buf.subarray(cut);
          }
          if (buf.length > 0 && !st.stopped) {
            st.pending.push(buf);
            st.pendingBytes = buf.length;
          }
        }
      } else if (start < chunk.length) {
        st.dropped += chunk.length - start;
      }
      flushOut(out);
    },

    flush() {
      const out: string[] = [];
      for (const stream of ['stdout', 'stderr'] as const) {
        const st = states[stream];
        if (st.pendingBytes > 0) emit(stream, st, takePending(st), out);
      }
      flushOut(out);
    },

    stats() {
      const s = (st: StreamState): EchoStreamStats => ({
        echoedBytes: st.echoed,
        droppedBytes: st.dropped,
        stopped: st.stopped,
      });
      return { stdout: s(states.stdout), stderr: s(states.stderr) };
    },
  };
}

/** A fresh, unguessable token for `::stop-commands::` (the command's output cannot know it). */
export function stopCommandsToken(): string {
  return randomBytes(16).toString('hex');
}

/** The line that stops workflow command processing until `resumeCommandsLine(token)`. */
export function stopCommandsLine(token: string): string {
  return `::stop-commands::${token}\n`;
}

/** The line that resumes workflow command processing. */
export function resumeCommandsLine(token: string): string {
  return `::${token}::\n`;
}

/**
 * `text` fenced for one log call (which adds the final newline): the runner prints it verbatim and parses no
 * `::command::` or legacy `##[command]` in it. For text the action logs that it did not author (the command
 * it runs, a packet holding the command's output).
 */
export function fencedText(text: string, token: string = stopCommandsToken()): string {
  return `${stopCommandsLine(token)}${text}\n${resumeCommandsLine(token).trimEnd()}`;
}

/**
 * Runs `fn` with workflow commands stopped: writes the stop line, awaits `fn`, and always writes the resume
 * line (also when `fn` throws). Nothing written in between is interpreted by the runner — including the
 * action's own `core.warning` / `core.error` calls, so issue annotations after this returns.
 */
export async function withWorkflowCommandsStopped<T>(
  write: (text: string) => void,
  fn: () => Promise<T>,
  token: string = stopCommandsToken(),
): Promise<T> {
  write(stopCommandsLine(token));
  try {
    return await fn();
  } finally {
    write(resumeCommandsLine(token));
  }
}
