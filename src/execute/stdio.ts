// The command's output: every chunk goes to the bounded in-memory capture, the head/tail log on disk and the
// caller's live echo, in order per stream. After the command ends, a bounded wait for the pipes to close.
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { HeadTailCapture } from './capture.js';
import { HeadTailLogFile } from './log-file.js';
import { within } from './timing.js';
import type { SmokeSpec, StreamCapture, StreamName } from './types.js';

const STREAMS: readonly StreamName[] = ['stdout', 'stderr'];

/** Where attempt `n` logs `stream`. */
export function attemptLogPath(logDir: string, attempt: number, stream: StreamName): string {
  return join(logDir, `attempt-${attempt}.${stream}.log`);
}

/** Both logs of attempt `n`. */
export function attemptLogPaths(logDir: string, attempt: number): string[] {
  return STREAMS.map((stream) => attemptLogPath(logDir, attempt, stream));
}

export class AttemptOutput {
  private readonly captures: Record<StreamName, HeadTailCapture>;
  private readonly logs: Record<StreamName, HeadTailLogFile>;
  private closed: Promise<void>[] = [];

  /** Opens the attempt's logs (attempt-<n>.<stream>.log in the log directory). */
  constructor(
    spec: Pick<SmokeSpec, 'maxOutputBytes' | 'logMaxBytes' | 'logDir' | 'cutGuard'>,
    attempt: number,
    private readonly echo?: SmokeSpec['echo'],
  ) {
    const capture = (): HeadTailCapture => new HeadTailCapture(spec.maxOutputBytes, spec.cutGuard);
    const log = (name: StreamName): HeadTailLogFile =>
      new HeadTailLogFile(attemptLogPath(spec.logDir, attempt, name), spec.logMaxBytes, spec.cutGuard);
    this.captures = { stdout: capture(), stderr: capture() };
    this.logs = { stdout: log('stdout'), stderr: log('stderr') };
  }

  /** Wires the child's pipes; call in the tick of the spawn, before any data can be lost. */
  attach(child: ChildProcess): void {
    this.closed = STREAMS.map((name) => {
      const stream = child[name] as Readable;
      stream.on('data', (chunk: Buffer) => this.write(name, chunk));
      return new Promise<void>((resolve) => {
        stream.once('close', resolve);
        stream.once('error', () => resolve());
      });
    });
  }

  private write(name: StreamName, chunk: Buffer): void {
    this.captures[name].write(chunk);
    this.logs[name].write(chunk);
    if (!this.echo) return;
    try {
      this.echo(name, chunk);
    } catch {
      // a failing echo must not cost us the capture
    }
  }

  /**
   * Output may still be in flight, or held open by a process outside the tree: waits up to `ms` for both
   * pipes to close, then destroys them. Whether they closed by themselves.
   */
  async waitClosed(child: ChildProcess, ms: number): Promise<boolean> {
    const closed = (await within(Promise.all(this.closed), ms)).done;
    if (!closed) this.discard(child);
    return closed;
  }

  discard(child: ChildProcess): void {
    for (const name of STREAMS) child[name]?.destroy();
  }

  /** The captures, and the finished logs (which exist even when nothing ran: a stable artifact file list). */
  finish(): Record<StreamName, StreamCapture> {
    return { stdout: this.finishStream('stdout'), stderr: this.finishStream('stderr') };
  }

  private finishStream(name: StreamName): StreamCapture {
    const r = this.captures[name].result();
    return {
      text: r.text,
      totalBytes: r.totalBytes,
      truncated: r.truncated,
      logPath: this.logs[name].finish(),
    };
  }
}
