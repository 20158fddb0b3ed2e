// The one choke point for every git call (cf. actions/checkout's git-command-manager). It never throws for
// a non-zero exit: callers get the exit code and the output and decide. It only rejects when git itself
// cannot be started, and even that comes back as exitCode -1 with the reason in stderr.
import { spawn } from 'node:child_process';

export interface GitResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** true when stdout went past `maxOutputBytes` and was cut. */
  truncated: boolean;
}

export interface GitRunOptions {
  /** Bytes of stdout kept (default 16 MiB): a registry file or a commit message never needs more. */
  maxOutputBytes?: number;
  /** Kill git after this long (default 120 s): a hung remote must not hang the action. */
  timeoutMs?: number;
}

export interface Git {
  readonly cwd: string;
  run(args: readonly string[], options?: GitRunOptions): Promise<GitResult>;
}

/**
 * The environment every git call gets: never prompt for credentials, never page, never read the user's
 * or system configuration for things that change output, and a fixed locale so messages can be matched.
 */
export function hardenedGitEnv(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...base,
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: base.GIT_ASKPASS ?? '',
    SSH_ASKPASS: base.SSH_ASKPASS ?? '',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    GIT_OPTIONAL_LOCKS: '0',
    LC_ALL: 'C',
    LANG: 'C',
    GCM_INTERACTIVE: 'never',
  };
}

export class GitCli implements Git {
  constructor(
    readonly cwd: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly gitPath = 'git',
  ) {}

  run(args: readonly string[], options: GitRunOptions = {}): Promise<GitResult> {
    const maxOutputBytes = options.maxOutputBytes ?? 16 * 1024 * 1024;
    const timeoutMs = options.timeoutMs ?? 120_000;
    return new Promise((resolve) => {
      let child;
      try {
        child = spawn(this.gitPath, ['-c', 'core.quotepath=off', '-c', 'color.ui=false', ...args], {
          cwd: this.cwd,
          env: hardenedGitEnv(this.env),
          stdio: ['ignore', 'pipe', 'pipe'],
          windowsHide: true,
        });
      } catch (e) {
        resolve({
          exitCode: -1,
          stdout: '',
          stderr: `cannot run git: ${(e as Error).message}`,
          truncated: false,
        });
        return;
      }
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let outBytes = 0;
      let errBytes = 0;
      let truncated = false;
      let timedOut = false;
      child.stdout.on('data', (chunk: Buffer) => {
        if (outBytes >= maxOutputBytes) {
          truncated = true;
          return;
        }
        const keep = chunk.subarray(0, maxOutputBytes - outBytes);
        if (keep.length < chunk.length) truncated = true;
        out.push(keep);
        outBytes += keep.length;
      });
      child.stderr.on('data', (chunk: Buffer) => {
        if (errBytes < 64 * 1024) {
          err.push(chunk);
          errBytes += chunk.length;
        }
      });
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, timeoutMs);
      child.on('error', (e) => {
        clearTimeout(timer);
        resolve({ exitCode: -1, stdout: '', stderr: `cannot run git: ${e.message}`, truncated: false });
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        const stderr = Buffer.concat(err).toString('utf8');
        resolve({
          exitCode: code ?? -1,
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: timedOut
            ? `git ${args[0] ?? ''} timed out after ${timeoutMs} ms\n${stderr}`
            : signal
              ? `git ${args[0] ?? ''} killed by ${signal}\n${stderr}`
              : stderr,
          truncated,
        });
      });
    });
  }
}

/**
 * What git said, in one line for a message: the first `fatal:`/`error:` line (git often ends with advice
 * such as "and the repository exists."), else the last stderr line, else the exit code; no trailing period.
 */
export function gitFailure(result: GitResult): string {
  const lines = result.stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const line = lines.find((l) => /^(fatal|error):/i.test(l)) ?? lines.pop() ?? `exit code ${result.exitCode}`;
  return line.replace(/[.\s]+$/, '');
}
