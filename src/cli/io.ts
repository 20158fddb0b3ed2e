// What every command of the CLI shares: the process's streams and signal, the exit codes, the repository
// it works in, and the terminal's sinks.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { GitCli } from '../adapters/index.js';
import { terminalSinks, type Redactor, type Sinks } from '../sinks/index.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Cancels a running command (the CLI wires signals and a closed stdout/stderr to it). */
  signal: AbortSignal;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** Prints `<who>: <message>` on stderr and gives the usage exit code. */
export function usageFailure(io: CliIo, who: string, message: string, hint: string | null = null): number {
  io.stderr(`${who}: ${message}\n${hint ? `hint: ${hint}\n` : ''}`);
  return EXIT_USAGE;
}

export type Found<T> = { ok: true; value: T } | { ok: false; message: string };

/** The top of the repository that `dir` (default: the current directory) is in. */
export async function repositoryRoot(io: CliIo, dir: string | null): Promise<Found<string>> {
  const start = resolve(io.cwd, dir ?? '.');
  if (!existsSync(start) || !statSync(start).isDirectory()) {
    return { ok: false, message: `--dir ${dir}: no such directory` };
  }
  const top = await new GitCli(start, io.env).run(['rev-parse', '--show-toplevel'], { timeoutMs: 30_000 });
  if (top.exitCode !== 0) {
    const where = dir === null ? 'the current directory' : `--dir ${dir}`;
    return { ok: false, message: `${where} (${start}) is not inside a git repository` };
  }
  return { ok: true, value: resolve(top.stdout.trim()) };
}

/** The log on stderr; the smoke's live output on stdout, or on stderr when stdout carries JSON. */
export function cliSinks(io: CliIo, redactor: Redactor, json: boolean): Sinks {
  const terminal = { stdout: io.stdout, stderr: io.stderr, debug: Boolean(io.env.POST_MERGE_SMOKE_DEBUG) };
  return terminalSinks(redactor, terminal, json ? io.stderr : io.stdout);
}
