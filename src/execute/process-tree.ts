// Finding and killing everything a smoke command started.
//
// POSIX: the command runs as the leader of its own process group (pgid == its pid). Killing sends the signal
// to the group, and a sweep finds what escaped the group: on Linux every process whose /proc/<pid>/stat
// says it is in our group or whose /proc/<pid>/environ carries our tracking id (setsid daemons, double
// forks); on other POSIX systems (macOS) `ps` lists processes by group only, so an escapee that called
// setsid() cannot be found there. Zombies count as gone. ESRCH is ignored; EPERM and other errors are
// recorded, never thrown.
//
// Windows: there are no process groups; `taskkill /T /F /PID <pid>` kills the tree while its root is alive.
// Leftovers of a command that already exited cannot be found, so nothing is swept there.
import { execFile } from 'node:child_process';
import { closeSync, openSync, readSync, readdirSync } from 'node:fs';

const SWEEP_ROUNDS = 20;
const POLL_MS = 50;

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

// One scratch buffer for /proc reads: readFileSync on /proc files (size 0 to fstat) is several times slower.
const scratch = Buffer.allocUnsafe(64 * 1024);

/** The start of a small /proc file (stat), as latin1 text; null when it cannot be read. */
function readProcText(path: string): string | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const n = readSync(fd, scratch, 0, 4096, null);
    return scratch.toString('latin1', 0, n);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** Whether the file at `path` contains `needle` (read in chunks; false when unreadable). */
function procFileIncludes(path: string, needle: Buffer): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const keep = needle.length - 1; // overlap carried between chunks
    let have = 0;
    for (;;) {
      const n = readSync(fd, scratch, have, scratch.length - have, null);
      if (n === 0) return false;
      have += n;
      if (scratch.subarray(0, have).includes(needle)) return true;
      if (have > keep) {
        scratch.copyWithin(0, have - keep, have);
        have = keep;
      }
    }
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

/** Start time (clock ticks after boot, /proc/<pid>/stat field 22) of `pid`, or 0 when unknown. */
export function procStartTime(pid: number, procRoot = '/proc'): number {
  const stat = readProcText(`${procRoot}/${pid}/stat`);
  if (stat === null) return 0;
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]) || 0;
}

/**
 * Live processes (not zombies) in process group `pgid` or whose environment holds `needle`, read from
 * /proc. Environments are only read for processes started at or after `minStartTime` (a process carrying
 * our tracking id descends from our command, so it cannot be older). Returns null when /proc cannot be
 * listed.
 */
export function scanProc(
  pgid: number,
  needle: Buffer | null,
  minStartTime = 0,
  procRoot = '/proc',
): TreeScan | null {
  let names: string[];
  try {
    names = readdirSync(procRoot);
  } catch {
    return null;
  }
  const found: TreeScan = { group: [], escaped: [] };
  for (const name of names) {
    const c = name.charCodeAt(0);
    if (c < 48 || c > 57) continue;
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    const stat = readProcText(`${procRoot}/${name}/stat`);
    if (stat === null) continue; // gone, or not ours to read
    // "pid (comm) state ppid pgrp ... starttime(22) ..." — comm may hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const state = fields[0];
    if (state === 'Z' || state === 'X' || state === 'x') continue;
    if (Number(fields[2]) === pgid) {
      found.group.push(pid);
      continue;
    }
    if (!needle || Number(fields[19]) < minStartTime) continue;
    if (procFileIncludes(`${procRoot}/${name}/environ`, needle)) found.escaped.push(pid);
  }
  return found;
}

/** Live processes of a tree: members of its process group, and tracking-id carriers outside it. */
export interface TreeScan {
  group: number[];
  escaped: number[];
}

/** Live processes in group `pgid` according to `ps` (the non-Linux POSIX fallback). */
export function scanPs(pgid: number): Promise<TreeScan> {
  return new Promise((resolve) => {
    execFile(
      'ps',
      ['-A', '-o', 'pid=', '-o', 'pgid=', '-o', 'stat='],
      { timeout: 5000, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout) => {
        if (err && !stdout) {
          resolve({ group: [], escaped: [] });
          return;
        }
        const found: number[] = [];
        for (const line of String(stdout).split('\n')) {
          const [pid, group, stat] = line.trim().split(/\s+/);
          if (!stat || stat.startsWith('Z')) continue;
          if (Number(group) === pgid && Number(pid) !== process.pid) found.push(Number(pid));
        }
        resolve({ group: found, escaped: [] });
      },
    );
  });
}

export class ProcessTree {
  private readonly errors = new Set<string>();
  private readonly orphans = new Set<number>();
  private readonly needle: Buffer;
  private procUsable: boolean;
  private readonly minStartTime: number;

  /**
   * `pid`: the command's process (on POSIX also its process group id). `trackingId`: the value of
   * POST_MERGE_SMOKE_TRACKING_ID in its environment.
   */
  constructor(
    readonly pid: number,
    readonly trackingId: string,
    readonly platform: NodeJS.Platform = process.platform,
  ) {
    // The id alone: it is random, and it also appears in POST_MERGE_SMOKE_OUTER_TRACKING_IDS of nested runs.
    this.needle = Buffer.from(trackingId, 'utf8');
    this.procUsable = platform === 'linux';
    this.minStartTime = this.procUsable ? procStartTime(pid) : 0;
  }

  /** Kill troubles (EPERM and the like), one sentence each. */
  get killErrors(): string[] {
    return [...this.errors];
  }

  /** Processes other than the command itself that were still alive when they were killed. */
  get orphansKilled(): number {
    return this.orphans.size;
  }

  /** Live processes of our group or carrying our tracking id (the command itself included while alive). */
  async findAlive(): Promise<number[]> {
    const { group, escaped } = await this.scan();
    return [...group, ...escaped];
  }

  private async scan(): Promise<TreeScan> {
    if (this.platform === 'win32') return { group: [], escaped: [] };
    if (this.procUsable) {
      const found = scanProc(this.pid, this.needle, this.minStartTime);
      if (found) return found;
      this.procUsable = false;
    }
    return scanPs(this.pid);
  }

  /** Sends `signal` to the group (POSIX). ESRCH is fine; anything else is recorded. */
  signalGroup(signal: NodeJS.Signals): void {
    // Never kill(0) / kill(-1): a bogus pid must not turn into "our own group" or "everything".
    if (this.platform === 'win32' || !(this.pid > 1)) return;
    this.send(-this.pid, signal, `process group ${this.pid}`);
  }

  signalProcess(pid: number, signal: NodeJS.Signals): void {
    if (!(pid > 0) || pid === process.pid) return;
    this.send(pid, signal, `process ${pid}`);
  }

  /**
   * Deadline or cancellation: SIGTERM to the group and to tracked escapees, wait up to `graceMs` (less
   * once everything is gone), then SIGKILL and sweep. Windows: taskkill /T /F.
   */
  async terminate(graceMs: number, mainAlive: () => boolean): Promise<void> {
    if (this.platform === 'win32') {
      await this.taskkill();
      return;
    }
    // Group members get the group signal only: a second SIGTERM would run a shell's TERM trap twice.
    const { escaped } = await this.scan();
    this.signalGroup('SIGTERM');
    for (const pid of escaped) this.signalProcess(pid, 'SIGTERM');
    await this.waitGone(graceMs, mainAlive);
    await this.killAll();
  }

  /**
   * The command ended by itself: whatever of its group / tracking id is still alive is an orphan. SIGTERM,
   * up to `graceMs` for them to go, then SIGKILL and sweep. Returns the number of orphans.
   */
  async cleanupLeftovers(graceMs: number): Promise<number> {
    if (this.platform === 'win32') return 0;
    const { group, escaped } = await this.scan();
    const left = [...group, ...escaped].filter((pid) => pid !== this.pid);
    if (left.length === 0) return 0;
    for (const pid of left) this.orphans.add(pid);
    this.signalGroup('SIGTERM');
    for (const pid of escaped) this.signalProcess(pid, 'SIGTERM');
    await this.waitGone(graceMs, () => false);
    await this.killAll();
    return this.orphans.size;
  }

  /** SIGKILL to the group and every tracked process, repeated until none is left (bounded rounds). */
  async killAll(): Promise<void> {
    if (this.platform === 'win32') return;
    for (let round = 0; round < SWEEP_ROUNDS; round++) {
      const alive = await this.findAlive();
      if (round > 0 && alive.length === 0) return;
      for (const pid of alive) {
        if (pid !== this.pid) this.orphans.add(pid);
        this.signalProcess(pid, 'SIGKILL');
      }
      this.signalGroup('SIGKILL');
      if (alive.length === 0) return;
      await sleep(round < 3 ? 10 : POLL_MS);
    }
    const still = await this.findAlive();
    if (still.length > 0) {
      this.errors.add(
        `${still.length} process(es) survived ${SWEEP_ROUNDS} SIGKILL rounds: ${still.slice(0, 10).join(', ')}.`,
      );
    }
  }

  private async waitGone(graceMs: number, mainAlive: () => boolean): Promise<void> {
    const until = Date.now() + graceMs;
    while (Date.now() < until) {
      if (!mainAlive() && (await this.findAlive()).length === 0) return;
      await sleep(Math.min(POLL_MS, until - Date.now()));
    }
  }

  private send(target: number, signal: NodeJS.Signals, what: string): void {
    try {
      process.kill(target, signal);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ESRCH') return;
      this.errors.add(`${code ?? 'error'} sending ${signal} to ${what}: ${(e as Error).message}`);
    }
  }

  private taskkill(): Promise<void> {
    return new Promise((resolve) => {
      execFile(
        'taskkill',
        ['/T', '/F', '/PID', String(this.pid)],
        { timeout: 15000, windowsHide: true },
        (err, _stdout, stderr) => {
          // 128: the process is already gone — nothing to report.
          if (err && (err as { code?: unknown }).code !== 128) {
            this.errors.add(
              `taskkill /T /F /PID ${this.pid} failed: ${String(stderr).trim() || err.message}`,
            );
          }
          resolve();
        },
      );
    });
  }
}
