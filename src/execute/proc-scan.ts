// Reading the process table: which live processes belong to a smoke command. Linux reads /proc directly
// (process group from /proc/<pid>/stat, the tracking id from /proc/<pid>/environ); other POSIX systems ask
// `ps`, which lists processes by group only, so an escapee that called setsid() cannot be found there.
// Zombies count as gone everywhere.
import { execFile } from 'node:child_process';
import { closeSync, openSync, readSync, readdirSync } from 'node:fs';

/** Live processes of a tree: members of its process group, and processes found outside it. */
export interface TreeScan {
  group: number[];
  escaped: number[];
}

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

/** The fields of /proc/<pid>/stat after "(comm)" (comm may hold spaces and parentheses); null when gone. */
function statFields(pid: number | string, procRoot: string): string[] | null {
  const stat = readProcText(`${procRoot}/${pid}/stat`);
  return stat === null ? null : stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

const isDeadState = (state: string): boolean => state === 'Z' || state === 'X' || state === 'x';

/** Start time (clock ticks after boot, /proc/<pid>/stat field 22) of `pid`, or 0 when unknown. */
export function procStartTime(pid: number, procRoot = '/proc'): number {
  return Number(statFields(pid, procRoot)?.[19]) || 0;
}

/** The process group of `pid`, or null when it is gone or a zombie. */
export function liveProcessGroup(pid: number, procRoot = '/proc'): number | null {
  const fields = statFields(pid, procRoot);
  return fields === null || isDeadState(fields[0]) ? null : Number(fields[2]);
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
    // "state ppid pgrp ... starttime(22) ..."
    const fields = statFields(name, procRoot);
    if (fields === null || isDeadState(fields[0])) continue; // gone, not ours to read, or a zombie
    if (Number(fields[2]) === pgid) {
      found.group.push(pid);
      continue;
    }
    if (!needle || Number(fields[19]) < minStartTime) continue;
    if (procFileIncludes(`${procRoot}/${name}/environ`, needle)) found.escaped.push(pid);
  }
  return found;
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
