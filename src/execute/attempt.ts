// One attempt, phase by phase: prepare → contain → spawn → stdio → terminate (first cause wins) → classify.
// Never throws for anything it expects: a command that cannot start is an ERROR result.
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { CgroupVersion } from './cgroup.js';
import { classify, type AttemptEnd } from './classify.js';
import {
  cgroupRequiredProblem,
  decideContainment,
  planContainment,
  type ContainmentPlan,
} from './containment.js';
import { prepareAttempt, type PreparedAttempt } from './prepare.js';
import { ProcessTree } from './process-tree.js';
import { launch, type ExitInfo, type Launch } from './spawn.js';
import { AttemptOutput, attemptLogPaths } from './stdio.js';
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
  /** Internal (tests, bench): the cgroup versions containment may use, in order of preference. */
  cgroupVersions?: readonly CgroupVersion[];
}

const DEFAULT_PIPE_CLOSE_MS = 2000;
const DEFAULT_SHORT_GRACE_MS = 2000;
const DEFAULT_CGROUP_VERSIONS: readonly CgroupVersion[] = [2, 1];

/** When the attempt started, by the wall clock (for the record) and the monotonic clock (for durations). */
interface AttemptClock {
  startedAt: Date;
  t0: number;
}

export async function runAttempt(spec: SmokeSpec, n: number, options: EngineOptions): Promise<AttemptResult> {
  const clock: AttemptClock = { startedAt: new Date(), t0: performance.now() };
  const prepared = prepareAttempt(spec);
  if ('problem' in prepared) return notStarted(n, 'ERROR', 'spawn_failed', prepared.problem, clock.startedAt);
  let result: AttemptResult | null = null;
  try {
    result = await runPrepared(spec, n, options, clock, prepared);
  } finally {
    removeScript(prepared.invocation.scriptPath);
    // Unexpected (runSmoke reports it as an engine error): the raw logs would be left unsealed.
    if (result === null) for (const path of attemptLogPaths(spec.logDir, n)) removeQuietly(path);
  }
  return sealLogs(spec, result);
}

async function runPrepared(
  spec: SmokeSpec,
  n: number,
  options: EngineOptions,
  clock: AttemptClock,
  prepared: PreparedAttempt,
): Promise<AttemptResult> {
  const setting = spec.containment ?? 'auto';
  const versions = options.cgroupVersions ?? DEFAULT_CGROUP_VERSIONS;
  const plan = planContainment(setting, spec.maxProcesses ?? null, versions, prepared.trackingId);
  if ('problem' in plan) return notStarted(n, 'ERROR', 'spawn_failed', plan.problem, clock.startedAt);
  try {
    return await launchAndSupervise(spec, n, options, { clock, prepared, plan });
  } finally {
    await plan.cgroup?.release(); // normally released already; this covers the unexpected
  }
}

/** The script holds the command text (which may hold a secret): it does not outlive its attempt. */
function removeScript(path: string): void {
  removeQuietly(path);
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // nothing more to do; the directory is the caller's to clean
  }
}

/** Hands each finished log to `spec.sealLog`; a log that cannot be sealed is removed (its path: null). */
async function sealLogs(spec: SmokeSpec, result: AttemptResult): Promise<AttemptResult> {
  const seal = spec.sealLog;
  if (!seal) return result;
  const sealed = async (stream: StreamCapture): Promise<StreamCapture> => {
    if (stream.logPath === null) return stream;
    try {
      await seal(stream.logPath);
      return stream;
    } catch {
      removeQuietly(stream.logPath);
      return { ...stream, logPath: null };
    }
  };
  return { ...result, stdout: await sealed(result.stdout), stderr: await sealed(result.stderr) };
}

interface Attempt {
  clock: AttemptClock;
  prepared: PreparedAttempt;
  plan: ContainmentPlan;
}

async function launchAndSupervise(
  spec: SmokeSpec,
  n: number,
  options: EngineOptions,
  attempt: Attempt,
): Promise<AttemptResult> {
  const output = new AttemptOutput(spec, n, spec.echo);
  let launched = await launch(attempt.prepared, attempt.plan.cgroup?.joinFiles ?? null, output);
  if (launched.kind === 'join-failed') {
    // The command never ran: under `auto`, run it in the process group instead; under `cgroup`, stop.
    await attempt.plan.cgroup?.release();
    const fallback = fallBackFromJoin(spec, launched.problem);
    if ('problem' in fallback) return spawnFailed(n, attempt, fallback.problem, output);
    attempt = { ...attempt, plan: fallback };
    launched = await launch(attempt.prepared, null, output);
  }
  if (launched.kind !== 'running') return spawnFailed(n, attempt, spawnFailure(launched), output);
  notifySpawn(spec, launched.child.pid as number, n);
  return superviseRunning(spec, n, options, { ...attempt, ...launched, output });
}

function fallBackFromJoin(spec: SmokeSpec, problem: string): ContainmentPlan | { problem: string } {
  const why = `joining its cgroup failed: ${problem}`;
  if (spec.containment === 'cgroup') return { problem: cgroupRequiredProblem(why) };
  const decision = decideContainment('auto', spec.maxProcesses ?? null, { version: null, problem: why });
  return 'problem' in decision ? decision : { ...decision, cgroup: null };
}

const spawnFailure = (launched: Exclude<Launch, { kind: 'running' }>): string =>
  launched.kind === 'spawn-failed' ? launched.message : launched.problem;

interface Running extends Attempt {
  child: ChildProcess;
  exit: Extract<Launch, { kind: 'running' }>['exit'];
  output: AttemptOutput;
}

/** From the spawn to the result: deadline and cancellation, leftovers, the pipes, the classification. */
async function superviseRunning(
  spec: SmokeSpec,
  n: number,
  options: EngineOptions,
  { clock, prepared, plan, child, exit, output }: Running,
): Promise<AttemptResult> {
  const tree = new ProcessTree(child.pid as number, prepared.trackingId, process.platform, plan.cgroup);
  const limits = terminationLimits(spec, options.shortGraceMs ?? DEFAULT_SHORT_GRACE_MS);
  const termination = new Termination(tree, exit, limits, options.signal);
  termination.arm();
  const outcome = await termination.waitForExit();
  const orphansKilled = await termination.cleanUp();
  await plan.cgroup?.release();
  const pipeMs = options.pipeCloseTimeoutMs ?? DEFAULT_PIPE_CLOSE_MS;
  const pipesClosed = await output.waitClosed(child, pipeMs);

  const end: AttemptEnd = { spawnError: false, cause: termination.cause, ...(outcome ?? NOT_REAPED) };
  const notes = [
    plan.note,
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
    containment: plan.used,
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
    containment: 'process-group',
  };
}

function spawnFailed(n: number, { clock }: Attempt, message: string, output: AttemptOutput): AttemptResult {
  const { status, reason } = classify({ spawnError: true, cause: null, code: null, signal: null });
  return {
    ...notStarted(n, status, reason, message, clock.startedAt),
    ...timesSince(clock),
    ...output.finish(),
  };
}
