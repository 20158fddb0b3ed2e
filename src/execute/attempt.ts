// One attempt, phase by phase: prepare → spawn → stdio → terminate (first cause wins) → classify.
// Never throws for anything it expects: a command that cannot start is an ERROR result.
import type { ChildProcess } from 'node:child_process';
import { classify, type AttemptEnd } from './classify.js';
import { prepareAttempt, type PreparedAttempt } from './prepare.js';
import { ProcessTree } from './process-tree.js';
import { spawnMessage, spawnOutcome, startChild, watchExit, type ExitInfo } from './spawn.js';
import { AttemptOutput } from './stdio.js';
import { EXIT_AFTER_KILL_MS, Termination, terminationLimits } from './terminate.js';
import type {
  AttemptResult,
  AttemptStatus,
  EngineReason,
  RunOptions,
  SmokeSpec,
  StreamCapture,
} from './types.js';

export interface EngineOptions extends RunOptions {
  /** After the command exited, how long to wait for stdout/stderr to close before destroying them. */
  pipeCloseTimeoutMs?: number;
  /** Cap on the cancellation grace (SIGTERM → SIGKILL), and on the grace given to leftovers. */
  shortGraceMs?: number;
}

const DEFAULT_PIPE_CLOSE_MS = 2000;
const DEFAULT_SHORT_GRACE_MS = 2000;

/** When the attempt started, by the wall clock (for the record) and the monotonic clock (for durations). */
interface AttemptClock {
  startedAt: Date;
  t0: number;
}

export async function runAttempt(spec: SmokeSpec, n: number, options: EngineOptions): Promise<AttemptResult> {
  const clock: AttemptClock = { startedAt: new Date(), t0: performance.now() };
  const prepared = prepareAttempt(spec);
  if ('problem' in prepared) return notStarted(n, 'ERROR', 'spawn_failed', prepared.problem, clock.startedAt);

  const output = new AttemptOutput(spec, n, spec.echo);
  const child = startChild(prepared);
  if (child instanceof Error) return spawnFailed(n, clock, spawnMessage(prepared.invocation, child), output);
  const exit = watchExit(child);
  output.attach(child);
  const startError = await spawnOutcome(child);
  if (startError) {
    output.discard(child);
    return spawnFailed(n, clock, spawnMessage(prepared.invocation, startError), output);
  }
  notifySpawn(spec, child.pid as number, n);
  return superviseRunning(spec, n, options, { clock, prepared, child, exit, output });
}

interface Running {
  clock: AttemptClock;
  prepared: PreparedAttempt;
  child: ChildProcess;
  exit: ReturnType<typeof watchExit>;
  output: AttemptOutput;
}

/** From the spawn to the result: deadline and cancellation, leftovers, the pipes, the classification. */
async function superviseRunning(
  spec: SmokeSpec,
  n: number,
  options: EngineOptions,
  { clock, prepared, child, exit, output }: Running,
): Promise<AttemptResult> {
  const tree = new ProcessTree(child.pid as number, prepared.trackingId);
  const limits = terminationLimits(spec, options.shortGraceMs ?? DEFAULT_SHORT_GRACE_MS);
  const termination = new Termination(tree, exit, limits, options.signal);
  termination.arm();
  const outcome = await termination.waitForExit();
  const orphansKilled = await termination.cleanUp();
  const pipeMs = options.pipeCloseTimeoutMs ?? DEFAULT_PIPE_CLOSE_MS;
  const pipesClosed = await output.waitClosed(child, pipeMs);

  const end: AttemptEnd = { spawnError: false, cause: termination.cause, ...(outcome ?? NOT_REAPED) };
  const notes = [
    outcome === null ? `The command did not exit within ${EXIT_AFTER_KILL_MS} ms of SIGKILL.` : null,
    killErrorsNote(tree.killErrors),
    pipesClosed
      ? null
      : `The command's output pipes were still open ${pipeMs} ms after it exited (held by a process outside its tree); they were closed.`,
  ].filter((note): note is string => note !== null);
  return {
    attempt: n,
    ...classify(end),
    signal: end.signal,
    ...timesSince(clock),
    ...output.finish(),
    orphansKilled,
    killErrors: tree.killErrors,
    errorMessage: notes.length > 0 ? notes.join(' ') : null,
  };
}

const NOT_REAPED: ExitInfo = { code: null, signal: null };

function killErrorsNote(errors: string[]): string | null {
  if (errors.length === 0) return null;
  return `${errors.length} kill error(s) while cleaning up the process tree: ${errors[0]}`;
}

function notifySpawn(spec: SmokeSpec, pid: number, n: number): void {
  try {
    spec.onSpawn?.(pid, n);
  } catch {
    // the caller's hook must not break the run
  }
}

function timesSince(clock: AttemptClock): Pick<AttemptResult, 'durationMs' | 'startedAt' | 'finishedAt'> {
  return {
    durationMs: Math.round(performance.now() - clock.t0),
    startedAt: clock.startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
  };
}

const emptyStream = (): StreamCapture => ({ text: '', totalBytes: 0, truncated: false, logPath: null });

/** An attempt that never ran: no output, no exit code, `message` says why. */
export function notStarted(
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

function spawnFailed(n: number, clock: AttemptClock, message: string, output: AttemptOutput): AttemptResult {
  const { status, reason } = classify({ spawnError: true, cause: null, code: null, signal: null });
  return {
    ...notStarted(n, status, reason, message, clock.startedAt),
    ...timesSince(clock),
    ...output.finish(),
  };
}
