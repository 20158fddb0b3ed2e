// The step's runner files while the smoke runs. The smoke is not given the file commands, but it runs as
// this user and can read their paths in /proc/<pid>/environ of this process: then it could set this step's
// outputs and the environment and PATH of later steps, or open an HTML comment in the summary that hides the
// action's own section. So the action keeps each file as it was before the smoke and puts it back after,
// and hands what the smoke added to the summary over, to be written after the action's own section.
import { closeSync, constants, fstatSync, openSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { FILE_COMMAND_VARIABLES, SUMMARY_VARIABLE } from '../domain/index.js';
import type { StepFilesChange, StepFilesGuard } from '../sinks/index.js';

/**
 * At most this much of the smoke's summary is kept: GitHub drops a step's summary over 1 MiB whole, and the
 * action's own section must fit beside it.
 */
export const MAX_SMOKE_SUMMARY_BYTES = 768 * 1024;
/** Before the smoke the action has written little to these files; a larger one is left unguarded. */
const MAX_GUARDED_BYTES = 1024 * 1024;

/** A file's first bytes and its size; size -1: it is not a regular file (a FIFO, a device…). */
interface Snapshot {
  bytes: Buffer;
  size: number;
}

interface Kept {
  variable: string;
  path: string;
  before: Snapshot;
}

// O_NONBLOCK: a FIFO put in a file's place must not block the event loop; O_NOFOLLOW: nor redirect us.
const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW;

/** The file's first `limit` bytes and its size; null when it does not exist. */
function snapshot(path: string, limit: number): Snapshot | null {
  let fd: number;
  try {
    fd = openSync(path, READ_FLAGS);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return { bytes: Buffer.alloc(0), size: -1 }; // a symlink (ELOOP) or unreadable: not the runner's file
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { bytes: Buffer.alloc(0), size: -1 };
    const bytes = Buffer.alloc(Math.min(stat.size, limit));
    const read = bytes.length === 0 ? 0 : readSync(fd, bytes, 0, bytes.length, 0);
    return { bytes: bytes.subarray(0, read), size: stat.size };
  } finally {
    closeSync(fd);
  }
}

const same = (a: Snapshot, b: Snapshot | null): boolean =>
  b !== null && a.size === b.size && a.bytes.equals(b.bytes);

/** Puts the file back as a regular file with its old content (a symlink or FIFO in its place is removed). */
function putBack(k: Kept): void {
  rmSync(k.path, { force: true });
  writeFileSync(k.path, k.before.bytes, { flag: 'wx', mode: 0o644 });
}

/** What the smoke added after the summary's old content (all of it, if it rewrote the file), capped. */
function summaryAddition(k: Kept, now: Snapshot | null): StepFilesChange['summary'] {
  if (now === null || now.size < 0) return null;
  const appended = now.bytes.subarray(0, k.before.bytes.length).equals(k.before.bytes);
  const added = appended ? now.bytes.subarray(k.before.bytes.length) : now.bytes;
  const size = appended ? now.size - k.before.size : now.size;
  return { text: added.toString('utf8'), cut: size > added.length, rewritten: !appended };
}

function restore(kept: readonly Kept[]): StepFilesChange {
  const change: StepFilesChange = { changed: [], summary: null, failures: [] };
  for (const k of kept) {
    const isSummary = k.variable === SUMMARY_VARIABLE;
    const now = snapshot(k.path, k.before.bytes.length + (isSummary ? MAX_SMOKE_SUMMARY_BYTES : 1));
    if (same(k.before, now)) continue;
    if (isSummary) change.summary = summaryAddition(k, now);
    else change.changed.push(k.variable);
    try {
      putBack(k);
    } catch (e) {
      change.failures.push(`${k.variable}: ${(e as Error).message}`);
    }
  }
  return change;
}

/** Keeps the step's runner files named in `env` as they are now; `restore()` puts them back. */
export function guardStepFiles(env: NodeJS.ProcessEnv): StepFilesGuard {
  const kept: Kept[] = [];
  for (const variable of [...FILE_COMMAND_VARIABLES, SUMMARY_VARIABLE]) {
    const path = env[variable];
    if (!path) continue;
    const before = snapshot(path, MAX_GUARDED_BYTES + 1);
    // Absent, not a regular file, or more than the action writes: not a file the action can put back.
    if (before === null || before.size < 0 || before.size > MAX_GUARDED_BYTES) continue;
    kept.push({ variable, path, before });
  }
  return { restore: () => restore(kept) };
}
