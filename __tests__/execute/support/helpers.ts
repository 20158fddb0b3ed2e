// Shared helpers for the engine tests: a throwaway directory per test, a spec with small, fast defaults, and
// a liveness check that counts zombies as dead (an orphan reparented to a non-reaping init stays a zombie).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SmokeSpec } from '../../../src/execute/index.js';

export const isWindows = process.platform === 'win32';

export function tempDir(prefix = 'pms-exec-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function makeSpec(dir: string, overrides: Partial<SmokeSpec> = {}): SmokeSpec {
  return {
    command: 'true',
    shell: isWindows ? 'cmd' : 'bash',
    workingDirectory: dir,
    timeoutSeconds: 20,
    killGraceSeconds: 0.5,
    maxOutputBytes: 65536,
    logMaxBytes: 1_048_576,
    logDir: join(dir, 'logs'),
    env: { ...process.env },
    retries: 0,
    retryOn: 'timeout',
    ...overrides,
  };
}

/** True when `pid` no longer runs: ESRCH, or a zombie (dead, just not reaped yet). */
export function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
  if (process.platform !== 'linux') return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    return state === 'Z' || state === 'X';
  } catch {
    return true;
  }
}

/** Pids written one per line by a test's process tree. */
export function readPids(file: string): number[] {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split(/\s+/)
    .filter((s) => /^\d+$/.test(s))
    .map(Number);
}

/** Best-effort cleanup so a failing test leaves nothing running. */
export function killAll(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }
}
