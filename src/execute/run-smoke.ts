// Runs the smoke command: attempts with retries, each in its own process group with a deadline, bounded
// head/tail capture of stdout and stderr, full logs on disk, and a process tree that is always cleaned up.
// Never throws: every failure is a classified result.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { withTrackingId } from './child-env.js';
import { HeadTailCapture } from './capture.js';
import { HeadTailLogFile } from './log-file.js';
import { ProcessTree } from './process-tree.js';
import { writeScript, type ShellInvocation } from './shell.js';
import type {
  AttemptResult,
  AttemptStatus,
  EngineReason,
  RunOptions,
  SmokeRun,
  SmokeSpec,
  StreamCapture,
  StreamName,
} from './types.js';

export interface EngineOptions extends RunOptions {
  /** After the command exited, how long to wait for stdout/stderr to close before destroying them. */
  pipeCloseTimeoutMs?: number;
  /** Cap on the cancellation grace (SIGTERM → SIGKILL), and on the grace given to leftovers. */
  shortGraceMs?: number;
}

const DEFAULT_PIPE_CLOSE_MS = 2000;
const DEFAULT_SHORT_GRACE_MS = 2000;
/** After SIGKILL, how long the command itself may take to be reaped before we stop waiting. */
const EXIT_AFTER_KILL_MS = 5000;
/** setTimeout's ceiling (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

const CANCELLED_BEFORE_START = 'The run was cancelled before the attempt started.';

const isWindows = (): boolean => process.platform === 'win32';

export async function runSmoke(spec: SmokeSpec, options: EngineOptions = {}): Promise<SmokeRun> {
  const startedAt = new Date();
  const total = (Number.isFinite(spec.retries) ? Math.max(0, Math.floor(spec.retries)) : 0) + 1;
  const attempts: AttemptResult[] = [];

  for (let n = 1; n <= total; n++) {
    if (options.signal?.aborted) {
      attempts.push(notStarted(n, 'CANCELLED', 'cancelled', CANCELLED_BEFORE_START));
      break;
    }
    try {
      spec.onAttempt?.(n, total);
    } catch {
      // the caller's progress hook must not break the run
    }
    let result: AttemptResult;
    try {
      result = await runAttempt(spec, n, options);
    } catch (e) {
      // Defensive: runAttempt classifies everything it expects; anything else is an engine error.
      result = notStarted(
        n,
        'ERROR',
        'spawn_failed',
        `The smoke engine failed unexpectedly: ${(e as Error).message}`,
      );
    }
    attempts.push(result);
    if (n === total || !shouldRetry(result.status, spec.retryOn)) break;
  }

  const final = attempts[attempts.length - 1];
  const flaky =
    final.status === 'PASS' && attempts.some((a) => a.status === 'FAIL' || a.status === 'TIMEOUT');
  const orphansKilled = attempts.reduce((sum, a) => sum + a.orphansKilled, 0);
  return {
    status: final.status,
    reason: final.reason,
    message: describeRun(spec, attempts, total),
    attempts,
    final,
    flaky,
    orphansKilled,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    durationMs: attempts.reduce((sum, a) => sum + a.durationMs, 0),
  };
}

/** Whether a failed attempt with `status` earns another try under `retryOn`. */
export function shouldRetry(status: AttemptStatus, retryOn: SmokeSpec['retryOn']): boolean {
  if (status === 'TIMEOUT') return retryOn === 'timeout' || retryOn === 'any';
  if (status === 'FAIL') return retryOn === 'fail' || retryOn === 'any';
  return false;
}

type Cause = 'timeout' | 'cancel' | null;
interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** `promise`, or `{done: false}` after `ms`; the timer never outlives the race. */
function within<T>(promise: Promise<T>, ms: number): Promise<{ done: true; value: T } | { done: false }> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ done: false }), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve({ done: true, value });
      },
      () => {
        clearTimeout(timer);
        resolve({ done: false });
      },
    );
  });
}

async function runAttempt(spec: SmokeSpec, n: number, options: EngineOptions): Promise<AttemptResult> {
  const startedAt = new Date();
  const t0 = performance.now();

  const dirProblem = checkDirectory(spec.workingDirectory);
  if (dirProblem) return notStarted(n, 'ERROR', 'spawn_failed', dirProblem, startedAt);

  let invocation: ShellInvocation;
  try {
    invocation = writeScript(spec.shell, spec.command, spec.logDir);
  } catch (e) {
    return notStarted(
      n,
      'ERROR',
      'spawn_failed',
      `Could not write the smoke command's script file in '${spec.logDir}' (${errText(e)}).`,
      startedAt,
    );
  }

  const trackingId = randomUUID();
  const captures = {
    stdout: new HeadTailCapture(spec.maxOutputBytes),
    stderr: new HeadTailCapture(spec.maxOutputBytes),
  };
  const logs = {
    stdout: new HeadTailLogFile(join(spec.logDir, `attempt-${n}.stdout.log`), spec.logMaxBytes),
    stderr: new HeadTailLogFile(join(spec.logDir, `attempt-${n}.stderr.log`), spec.logMaxBytes),
  };

  let child: ChildProcess;
  try {
    child = spawn(invocation.file, invocation.args, {
      cwd: spec.workingDirectory,
      env: withTrackingId(spec.env, trackingId),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: !isWindows(),
      windowsHide: true,
      windowsVerbatimArguments: invocation.windowsVerbatimArguments,
    });
  } catch (e) {
    return spawnFailed(n, startedAt, t0, spawnMessage(invocation, e), captures, logs);
  }

  // Listen for the exit before anything else can happen.
  let mainAlive = true;
  const timer: { deadline?: NodeJS.Timeout } = {};
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('exit', (code, signal) => {
      mainAlive = false;
      clearTimeout(timer.deadline);
      resolve({ code, signal });
    });
  });

  // Wire the streams before anything can be lost.
  const closed: Promise<void>[] = [];
  for (const name of ['stdout', 'stderr'] as const) {
    const stream = child[name] as Readable;
    const capture = captures[name];
    const log = logs[name];
    const echo = spec.echo;
    stream.on('data', (chunk: Buffer) => {
      capture.write(chunk);
      log.write(chunk);
      if (echo) {
        try {
          echo(name, chunk);
        } catch {
          // a failing echo must not cost us the capture
        }
      }
    });
    closed.push(
      new Promise<void>((resolve) => {
        stream.once('close', resolve);
        stream.once('error', () => resolve());
      }),
    );
  }

  const started = await new Promise<Error | null>((resolve) => {
    child.once('spawn', () => resolve(null));
    child.once('error', (e) => resolve(e));
  });
  child.on('error', () => {
    // later errors (e.g. a failed kill) are handled where we kill; never an unhandled 'error'
  });
  if (started) {
    for (const name of ['stdout', 'stderr'] as const) child[name]?.destroy();
    return spawnFailed(n, startedAt, t0, spawnMessage(invocation, started), captures, logs);
  }

  const pid = child.pid as number;
  const tree = new ProcessTree(pid, trackingId);
  let cause: Cause = null;
  let killing: Promise<void> | null = null;

  let killDone: () => void = () => {};
  const killed = new Promise<void>((resolve) => (killDone = resolve));
  const startKill = (why: Exclude<Cause, null>, graceMs: number): void => {
    if (killing || !mainAlive) return;
    cause = why;
    killing = tree.terminate(graceMs, () => mainAlive).then(killDone);
  };

  const timeoutMs = Number.isFinite(spec.timeoutSeconds)
    ? Math.min(MAX_TIMER_MS, Math.max(0, spec.timeoutSeconds * 1000))
    : MAX_TIMER_MS;
  const graceMs = Number.isFinite(spec.killGraceSeconds) ? Math.max(0, spec.killGraceSeconds * 1000) : 0;
  const shortGraceMs = Math.min(graceMs, options.shortGraceMs ?? DEFAULT_SHORT_GRACE_MS);
  timer.deadline = setTimeout(() => startKill('timeout', graceMs), timeoutMs);
  const onAbort = (): void => startKill('cancel', shortGraceMs);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) onAbort();

  // The command's own exit; once we have killed it, a bounded wait for the kernel to reap it.
  const outcome = await Promise.race([
    exited,
    killed.then(() => within(exited, EXIT_AFTER_KILL_MS)).then((r) => (r.done ? r.value : null)),
  ]);
  clearTimeout(timer.deadline);
  options.signal?.removeEventListener('abort', onAbort);

  let orphans: number;
  if (killing) {
    await killing;
    orphans = tree.orphansKilled;
  } else {
    orphans = await tree.cleanupLeftovers(shortGraceMs);
  }

  // Output may still be in flight (or held open by a process we could not find): bounded wait, then drop.
  const pipeMs = options.pipeCloseTimeoutMs ?? DEFAULT_PIPE_CLOSE_MS;
  const pipesClosed = (await within(Promise.all(closed), pipeMs)).done;
  if (!pipesClosed) {
    child.stdout?.destroy();
    child.stderr?.destroy();
  }

  const finishedAt = new Date();
  const durationMs = Math.round(performance.now() - t0);
  const { code, signal } = outcome ?? { code: null, signal: null };
  const exitCode = signal ? 128 + (osConstants.signals[signal] ?? 0) : code;

  let status: AttemptStatus;
  let reason: EngineReason;
  if (cause === 'timeout') [status, reason] = ['TIMEOUT', 'deadline_exceeded'];
  else if (cause === 'cancel') [status, reason] = ['CANCELLED', 'cancelled'];
  else if (signal) [status, reason] = ['FAIL', 'killed_by_signal'];
  else if (code === 0) [status, reason] = ['PASS', 'exit_zero'];
  else [status, reason] = ['FAIL', 'exit_nonzero'];

  const killErrors = tree.killErrors;
  const notes: string[] = [];
  if (outcome === null) notes.push(`The command did not exit within ${EXIT_AFTER_KILL_MS} ms of SIGKILL.`);
  if (killErrors.length > 0) {
    notes.push(`${killErrors.length} kill error(s) while cleaning up the process tree: ${killErrors[0]}`);
  }
  if (!pipesClosed) {
    notes.push(
      `The command's output pipes were still open ${pipeMs} ms after it exited (held by a process outside its tree); they were closed.`,
    );
  }

  return {
    attempt: n,
    status,
    reason,
    exitCode,
    signal: signal ?? null,
    durationMs,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    stdout: finishStream(captures.stdout, logs.stdout),
    stderr: finishStream(captures.stderr, logs.stderr),
    orphansKilled: orphans,
    killErrors,
    errorMessage: notes.length > 0 ? notes.join(' ') : null,
  };
}

function finishStream(capture: HeadTailCapture, log: HeadTailLogFile | null): StreamCapture {
  const r = capture.result();
  return {
    text: r.text,
    totalBytes: r.totalBytes,
    truncated: r.truncated,
    logPath: log ? log.finish() : null,
  };
}

function emptyStream(): StreamCapture {
  return { text: '', totalBytes: 0, truncated: false, logPath: null };
}

function notStarted(
  n: number,
  status: AttemptStatus,
  reason: EngineReason,
  message: string,
  startedAt = new Date(),
): AttemptResult {
  const now = new Date();
  return {
    attempt: n,
    status,
    reason,
    exitCode: null,
    signal: null,
    durationMs: Math.max(0, now.getTime() - startedAt.getTime()),
    startedAt: startedAt.toISOString(),
    finishedAt: now.toISOString(),
    stdout: emptyStream(),
    stderr: emptyStream(),
    orphansKilled: 0,
    killErrors: [],
    errorMessage: message,
  };
}

function spawnFailed(
  n: number,
  startedAt: Date,
  t0: number,
  message: string,
  captures: Record<StreamName, HeadTailCapture>,
  logs: Record<StreamName, HeadTailLogFile>,
): AttemptResult {
  const r = notStarted(n, 'ERROR', 'spawn_failed', message, startedAt);
  r.durationMs = Math.round(performance.now() - t0);
  // The (empty) logs exist; finishing them keeps the artifact's file list stable.
  r.stdout = finishStream(captures.stdout, logs.stdout);
  r.stderr = finishStream(captures.stderr, logs.stderr);
  return r;
}

function checkDirectory(dir: string): string | null {
  try {
    if (!statSync(dir).isDirectory()) return `The working directory '${dir}' is not a directory.`;
    return null;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return `The working directory '${dir}' does not exist.`;
    return `The working directory '${dir}' cannot be used (${errText(e)}).`;
  }
}

function spawnMessage(inv: ShellInvocation, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return `Could not start the smoke command: the shell '${inv.program}' was not found (ENOENT).`;
  }
  if (code === 'EACCES') {
    return `Could not start the smoke command: the shell '${inv.program}' is not executable (EACCES).`;
  }
  return `Could not start the smoke command with the shell '${inv.program}' (${errText(e)}).`;
}

function errText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err && typeof err.message === 'string' ? err.message.replace(/\.$/, '') : String(e);
}

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function orphansParen(n: number): string {
  return n > 0 ? ` (${plural(n, 'orphan')})` : '';
}

/** One human sentence for the whole run. */
export function describeRun(spec: SmokeSpec, attempts: AttemptResult[], total: number): string {
  const last = attempts[attempts.length - 1];
  const ofTotal = total > 1 ? ` on attempt ${last.attempt} of ${total}` : '';
  const orphanNote =
    last.orphansKilled === 1
      ? '; 1 leftover process was killed'
      : last.orphansKilled > 1
        ? `; ${last.orphansKilled} leftover processes were killed`
        : '';
  switch (last.reason) {
    case 'exit_zero': {
      const failed = attempts.filter((a) => a.status !== 'PASS').length;
      const flaky = failed > 0 ? `, after ${plural(failed, 'failed attempt')} (flaky)` : '';
      return `The smoke command exited with code 0 after ${seconds(last.durationMs)}${ofTotal}${flaky}${orphanNote}.`;
    }
    case 'exit_nonzero':
      return `The smoke command exited with code ${last.exitCode} after ${seconds(last.durationMs)}${ofTotal}${orphanNote}.`;
    case 'killed_by_signal':
      return `The smoke command was killed by ${last.signal} (exit code ${last.exitCode}) after ${seconds(last.durationMs)}${ofTotal}${orphanNote}.`;
    case 'deadline_exceeded':
      return `The smoke command timed out after ${spec.timeoutSeconds} s${ofTotal}; its process tree was killed${orphansParen(last.orphansKilled)}.`;
    case 'cancelled':
      return last.errorMessage === CANCELLED_BEFORE_START
        ? `The smoke run was cancelled before attempt ${last.attempt} started.`
        : `The smoke command was cancelled after ${seconds(last.durationMs)}${ofTotal}; its process tree was killed${orphansParen(last.orphansKilled)}.`;
    case 'spawn_failed':
    default:
      return last.errorMessage ?? 'The smoke command could not be started.';
  }
}
