// Starting the command: one detached process (its own process group on POSIX), stdin closed, stdout and
// stderr piped; then the wait for 'spawn' or 'error'.
import { spawn, type ChildProcess } from 'node:child_process';
import { errText } from './error-text.js';
import type { PreparedAttempt } from './prepare.js';
import type { ShellInvocation } from './shell.js';

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The command's exit, listened for from the moment it was spawned. */
export interface ExitWatch {
  exited: Promise<ExitInfo>;
  alive: () => boolean;
}

/** The child process, or the error spawn threw synchronously. */
export function startChild(prepared: PreparedAttempt): ChildProcess | Error {
  const { invocation } = prepared;
  try {
    return spawn(invocation.file, invocation.args, {
      cwd: prepared.cwd,
      env: prepared.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
      windowsHide: true,
      windowsVerbatimArguments: invocation.windowsVerbatimArguments,
    });
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

/** Call before anything else can happen to the child, so its exit is never missed. */
export function watchExit(child: ChildProcess): ExitWatch {
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
export async function spawnOutcome(child: ChildProcess): Promise<Error | null> {
  const started = await new Promise<Error | null>((resolve) => {
    child.once('spawn', () => resolve(null));
    child.once('error', (e) => resolve(e));
  });
  child.on('error', () => {
    // later errors (e.g. a failed kill) are handled where we kill; never an unhandled 'error'
  });
  return started;
}

export function spawnMessage(inv: ShellInvocation, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return `Could not start the smoke command: the shell '${inv.program}' was not found (ENOENT).`;
  }
  if (code === 'EACCES') {
    return `Could not start the smoke command: the shell '${inv.program}' is not executable (EACCES).`;
  }
  return `Could not start the smoke command with the shell '${inv.program}' (${errText(e)}).`;
}
