// Starting the command: one detached process (its own process group on POSIX), stdin closed, stdout and
// stderr piped; then the wait for 'spawn' or 'error'. In a cgroup, the command first joins it (containment.ts)
// and reports on a fourth pipe before it execs.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import { findProgram, joiningInvocation, joinSucceeded } from './containment.js';
import { errText } from './error-text.js';
import type { PreparedAttempt } from './prepare.js';
import type { ShellInvocation } from './shell.js';
import type { AttemptOutput } from './stdio.js';
import { within } from './timing.js';

/** The join script is a few shell builtins; this only bounds a machine that has stopped. */
const JOIN_TIMEOUT_MS = 10_000;
/** A failed join script exits at once; how long we wait for that before killing it. */
const FAILED_JOIN_EXIT_MS = 2000;

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The command's exit, listened for from the moment it was spawned. */
export interface ExitWatch {
  exited: Promise<ExitInfo>;
  alive: () => boolean;
}

export type Launch =
  | { kind: 'running'; child: ChildProcess; exit: ExitWatch }
  | { kind: 'spawn-failed'; message: string }
  /** The command could not join its cgroup (it never ran); the words the join script wrote. */
  | { kind: 'join-failed'; problem: string };

/**
 * Spawns the prepared command with `output` attached and waits until it runs. `joinFiles`: the cgroup.procs
 * files it must join first, or null.
 */
export async function launch(
  prepared: PreparedAttempt,
  joinFiles: string[] | null,
  output: AttemptOutput,
): Promise<Launch> {
  const { invocation } = prepared;
  const unrunnable = joinFiles && findProgram(invocation.file, prepared.env, prepared.cwd);
  if (unrunnable) return { kind: 'spawn-failed', message: spawnMessage(invocation, unrunnable) };
  const child = startChild(prepared, joinFiles && joiningInvocation(invocation, joinFiles));
  if (child instanceof Error) return { kind: 'spawn-failed', message: spawnMessage(invocation, child) };
  const exit = watchExit(child);
  output.attach(child);
  const startError = await spawnOutcome(child);
  if (startError) {
    output.discard(child);
    return { kind: 'spawn-failed', message: spawnMessage(invocation, startError) };
  }
  const joinProblem = joinFiles && (await joinReport(child));
  if (joinProblem) {
    output.discard(child);
    await stopFailedJoin(child, exit);
    return { kind: 'join-failed', problem: joinProblem };
  }
  return { kind: 'running', child, exit };
}

/** null when the join script reported success on fd 3, else its words. */
async function joinReport(child: ChildProcess): Promise<string | null> {
  const fd3 = child.stdio[3] as Readable;
  const chunks: Buffer[] = [];
  fd3.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => {
    fd3.once('close', resolve);
    fd3.once('error', () => resolve());
  });
  const done = (await within(ended, JOIN_TIMEOUT_MS)).done;
  fd3.destroy();
  const text = Buffer.concat(chunks).toString('utf8');
  if (joinSucceeded(text)) return null;
  if (!done) return `joining the cgroup did not finish within ${JOIN_TIMEOUT_MS} ms`;
  return text.trim().replace(/\s+/g, ' ') || 'joining the cgroup failed without a message';
}

async function stopFailedJoin(child: ChildProcess, exit: ExitWatch): Promise<void> {
  if ((await within(exit.exited, FAILED_JOIN_EXIT_MS)).done) return;
  try {
    process.kill(-(child.pid as number), 'SIGKILL');
  } catch {
    // gone already
  }
  await within(exit.exited, FAILED_JOIN_EXIT_MS);
}

/** The child process, or the error spawn threw synchronously. `joining`: the join-script invocation. */
function startChild(prepared: PreparedAttempt, joining: ShellInvocation | null): ChildProcess | Error {
  const invocation = joining ?? prepared.invocation;
  try {
    return spawn(invocation.file, invocation.args, {
      cwd: prepared.cwd,
      env: prepared.env,
      stdio: joining ? ['ignore', 'pipe', 'pipe', 'pipe'] : ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
      windowsHide: true,
      windowsVerbatimArguments: invocation.windowsVerbatimArguments,
    });
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

/** Call before anything else can happen to the child, so its exit is never missed. */
function watchExit(child: ChildProcess): ExitWatch {
  let running = true;
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('exit', (code, signal) => {
      running = false;
      resolve({ code, signal });
    });
  });
  return { exited, alive: () => running };
}

/** null once the process runs, or the error that kept it from starting. */
async function spawnOutcome(child: ChildProcess): Promise<Error | null> {
  const started = await new Promise<Error | null>((resolve) => {
    child.once('spawn', () => resolve(null));
    child.once('error', (e) => resolve(e));
  });
  child.on('error', () => {
    // later errors (e.g. a failed kill) are handled where we kill; never an unhandled 'error'
  });
  return started;
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
