// The one choke point for every git process (cf. actions/checkout's git-command-manager): spawned in its own
// process group with stdin closed and a hardened environment, bounded by a deadline and an AbortSignal.
// At the deadline the whole group is killed — git and its helpers (`git-remote-http` holds git's stderr open,
// so waiting for 'close' alone can last forever) — and the pipes get a bounded wait, never an endless one.
// It never throws: callers get the exit code, the output, and why it ended.
import { spawn, type ChildProcess } from 'node:child_process';

export interface GitRunOptions {
  /** Kill the process group after this long (default 30 s). */
  timeoutMs?: number;
  /** Bytes of stdout kept (default 16 MiB); the rest is read and dropped, and `truncated` is set. */
  maxOutputBytes?: number;
  /** Aborting kills the process group at once. */
  signal?: AbortSignal;
  /** Extra environment for this one process (e.g. credentials as GIT_CONFIG_* entries). Never logged. */
  env?: Readonly<Record<string, string>>;
}

export interface GitRunResult {
  /** git's exit code; -1 when it was killed or could not be started. */
  exitCode: number;
  /** The signal that ended git, if any. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout went past `maxOutputBytes` and was cut. */
  truncated: boolean;
  /** The deadline passed while git ran: the process group was killed. */
  timedOut: boolean;
  /** The caller's signal fired while git ran: the process group was killed. */
  aborted: boolean;
  /** git could not be started (the reason), else null. */
  spawnError: string | null;
  /** The git command that ran (`ls-remote`), for messages. Arguments and environment are left out. */
  verb: string;
  /** The deadline that applied, in ms (for messages). */
  timeoutMs: number;
}

export interface GitTransport {
  readonly cwd: string;
  run(args: readonly string[], options?: GitRunOptions): Promise<GitRunResult>;
}

export const DEFAULT_GIT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_OUTPUT_BYTES = 16 * 1024 * 1024;
const MAX_STDERR_BYTES = 64 * 1024;
/** How long the pipes may stay open after git ended (descendants holding them) before we stop listening. */
const PIPE_GRACE_MS = 1_000;
/** How long a killed git may take to be reaped before we stop waiting (a process stuck in the kernel). */
const EXIT_GRACE_MS = 2_000;

/** Variables that would make git print request headers (credentials) or traces into what we capture. */
const TRACE_VARIABLES = /^(GIT_TRACE.*|GIT_CURL_VERBOSE|GIT_TRACE2.*|GIT_REDACT_COOKIES)$/;

/**
 * The environment every git call gets: never prompt for credentials, never page, a fixed locale so that
 * messages can be matched, and no tracing that could copy headers into the output we keep.
 */
export function hardenedGitEnv(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(base)) if (!TRACE_VARIABLES.test(name)) env[name] = value;
  return {
    ...env,
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

export interface GitProcessTransportOptions {
  env?: NodeJS.ProcessEnv;
  gitPath?: string;
}

export class GitProcessTransport implements GitTransport {
  private readonly env: NodeJS.ProcessEnv;
  private readonly gitPath: string;

  constructor(
    readonly cwd: string,
    options: GitProcessTransportOptions = {},
  ) {
    this.env = options.env ?? process.env;
    this.gitPath = options.gitPath ?? 'git';
  }

  async run(args: readonly string[], options: GitRunOptions = {}): Promise<GitRunResult> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_GIT_TIMEOUT_MS;
    const base = { verb: verbOf(args), timeoutMs };
    if (options.signal?.aborted) return { ...notRun(null), ...base, aborted: true };
    let child: ChildProcess;
    try {
      child = spawn(this.gitPath, ['-c', 'core.quotepath=off', '-c', 'color.ui=false', ...args], {
        cwd: this.cwd,
        env: { ...hardenedGitEnv(this.env), ...options.env },
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group (POSIX): the deadline kills git and every helper it started.
        detached: process.platform !== 'win32',
        windowsHide: true,
      });
    } catch (e) {
      return { ...notRun((e as Error).message), ...base };
    }
    const output = captureOutput(child, options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES);
    const ended = await superviseChild(child, timeoutMs, options.signal);
    await drainPipes(child, output.closed);
    return {
      ...base,
      exitCode: ended.code ?? -1,
      signal: ended.signal,
      stdout: output.stdout(),
      stderr: output.stderr(),
      truncated: output.truncated(),
      timedOut: ended.cause === 'timeout',
      aborted: ended.cause === 'aborted',
      spawnError: ended.spawnError,
    };
  }
}

/** The subcommand among git's own options (`-c k=v`, `-C dir`, `--literal-pathspecs`). */
function verbOf(args: readonly string[]): string {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-c' || args[i] === '-C') i++;
    else if (!args[i]!.startsWith('-')) return args[i]!;
  }
  return '';
}

/** A result for a git that never ran: it could not be started (`reason`), or was stopped first (null). */
function notRun(reason: string | null): Omit<GitRunResult, 'verb' | 'timeoutMs'> {
  return {
    exitCode: -1,
    signal: null,
    stdout: '',
    stderr: '',
    truncated: false,
    timedOut: false,
    aborted: false,
    spawnError: reason,
  };
}

interface Captured {
  stdout(): string;
  stderr(): string;
  truncated(): boolean;
  /** Resolves when both pipes have closed. */
  closed: Promise<void>;
}

function captureOutput(child: ChildProcess, maxOutputBytes: number): Captured {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let outBytes = 0;
  let errBytes = 0;
  let truncated = false;
  child.stdout!.on('data', (chunk: Buffer) => {
    const keep = chunk.subarray(0, Math.max(0, maxOutputBytes - outBytes));
    if (keep.length < chunk.length) truncated = true;
    if (keep.length > 0) out.push(keep);
    outBytes += keep.length;
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    if (errBytes >= MAX_STDERR_BYTES) return;
    err.push(chunk);
    errBytes += chunk.length;
  });
  const closed = Promise.all([streamClosed(child.stdout!), streamClosed(child.stderr!)]).then(() => {});
  return {
    stdout: () => Buffer.concat(out).toString('utf8'),
    stderr: () => Buffer.concat(err).toString('utf8'),
    truncated: () => truncated,
    closed,
  };
}

function streamClosed(stream: NodeJS.ReadableStream): Promise<void> {
  return new Promise((resolve) => {
    stream.once('close', resolve);
    stream.once('error', () => resolve());
  });
}

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The first cause that ended git from outside, if any. */
  cause: 'timeout' | 'aborted' | null;
  spawnError: string | null;
}

/** Waits for git to exit; at the deadline or on abort, kills its process group (the first cause wins). */
async function superviseChild(child: ChildProcess, timeoutMs: number, signal?: AbortSignal): Promise<Ended> {
  let cause: Ended['cause'] = null;
  const exited = new Promise<Omit<Ended, 'cause'>>((resolve) => {
    child.once('exit', (code, sig) => resolve({ code, signal: sig, spawnError: null }));
    child.once('error', (e) => resolve({ code: null, signal: null, spawnError: e.message }));
  });
  let stopNow: () => void = () => {};
  const stopped = new Promise<void>((resolve) => (stopNow = resolve));
  const stop = (why: 'timeout' | 'aborted') => {
    cause ??= why;
    killGroup(child);
    stopNow();
  };
  const timer = setTimeout(() => stop('timeout'), timeoutMs);
  const onAbort = () => stop('aborted');
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const first = await Promise.race([exited, stopped.then(() => null)]);
    if (first) return { ...first, cause };
    // Killed: the exit comes promptly unless the process is stuck in the kernel; do not wait for that.
    let reaped: Omit<Ended, 'cause'> = { code: null, signal: 'SIGKILL', spawnError: null };
    await settlesWithin(
      exited.then((e) => (reaped = e)),
      EXIT_GRACE_MS,
    );
    return { ...reaped, cause };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * After git ended, its pipes close when the last holder exits. A descendant may still hold them: give it a
 * moment, then kill what is left of the group, and stop listening either way.
 */
async function drainPipes(child: ChildProcess, closed: Promise<void>): Promise<void> {
  if (await settlesWithin(closed, PIPE_GRACE_MS)) return;
  killGroup(child);
  if (await settlesWithin(closed, PIPE_GRACE_MS)) return;
  child.stdout?.destroy();
  child.stderr?.destroy();
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    if (process.platform === 'win32') child.kill('SIGKILL');
    else process.kill(-child.pid, 'SIGKILL');
  } catch {
    // ESRCH: the group is gone already.
  }
}

/** Whether `work` settles within `ms`; the timer is cleared either way, so it never holds the process. */
async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true as const), late]);
  } finally {
    clearTimeout(timer);
  }
}
