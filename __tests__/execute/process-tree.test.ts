// Deadline, cancellation and leftovers: whatever the command started is gone when runSmoke returns, including
// processes that ignore SIGTERM, setsid daemons and double forks; a pipe held open never hangs the run.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ProcessTree, runSmoke } from '../../src/execute/index.js';
import { isGone, isWindows, killAll, makeSpec, readPids, tempDir } from './support/helpers.js';

const itPosix = isWindows ? it.skip : it;
// setsid(1) and /proc (the tracking-id sweep) are Linux things.
const itLinux = process.platform === 'linux' ? it : it.skip;
// Both must keep these guarantees: auto (a cgroup where one can be created) and the plain process group.
const CONTAINMENTS = ['auto', 'process-group'] as const;

let tmp: ReturnType<typeof tempDir>;
let pidFile: string;
beforeEach(() => {
  tmp = tempDir();
  pidFile = join(tmp.dir, 'pids');
});
afterEach(() => {
  killAll(readPids(pidFile));
  tmp.cleanup();
});

async function waitForPids(count: number): Promise<number[]> {
  for (let i = 0; i < 200; i++) {
    const pids = readPids(pidFile);
    if (pids.length >= count) return pids;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`the process tree never wrote ${count} pids`);
}

describe.each(CONTAINMENTS)('deadline (containment %s)', (containment) => {
  itLinux(
    'kills the whole tree: SIGTERM-trapping child, setsid daemon, double forks — zero survivors',
    async () => {
      const P = pidFile;
      const command = [
        `echo $$ >> '${P}'`,
        // 1. a child in our group that ignores SIGTERM
        `bash -c 'trap "" TERM; echo $$ >> "${P}"; exec sleep 300' &`,
        // 2. a setsid daemon (own session and group) that ignores SIGTERM too
        `setsid bash -c 'trap "" TERM; echo $$ >> "${P}"; exec sleep 300' &`,
        // 3. a double-forked setsid escapee
        `( setsid bash -c 'echo $$ >> "${P}"; exec sleep 300' & )`,
        // 4. a plain double fork, reparented away from us but still in our group
        `( ( echo $BASHPID >> '${P}'; exec sleep 300 ) & )`,
        `while [ "$(wc -l < '${P}')" -lt 5 ]; do sleep 0.02; done`,
        'echo ready',
        'sleep 300',
      ].join('\n');
      const run = await runSmoke(
        makeSpec(tmp.dir, { command, timeoutSeconds: 2, killGraceSeconds: 0.5, containment }),
      );
      const pids = readPids(P);
      expect(run.final.stdout.text).toBe('ready\n');
      expect(pids).toHaveLength(5);
      expect(run.status).toBe('TIMEOUT');
      expect(run.reason).toBe('deadline_exceeded');
      expect(run.final.signal).toBe('SIGTERM');
      expect(run.final.exitCode).toBe(143);
      // the two SIGTERM-ignoring processes survived the grace and had to be SIGKILLed
      expect(run.final.orphansKilled).toBeGreaterThanOrEqual(2);
      expect(run.final.killErrors).toEqual([]);
      expect(run.message).toMatch(
        /^The smoke command timed out after 2 s; its process tree was killed \(\d+ orphans\)\.$/,
      );
      expect(pids.filter((pid) => !isGone(pid))).toEqual([]);
    },
  );

  itPosix('a command that exits during the grace keeps its exit code and is still TIMEOUT', async () => {
    const command = "trap 'echo bye; exit 5' TERM\nsleep 300 &\nwait";
    const run = await runSmoke(
      makeSpec(tmp.dir, { command, timeoutSeconds: 1, killGraceSeconds: 5, containment }),
    );
    expect(run.status).toBe('TIMEOUT');
    expect(run.final.exitCode).toBe(5);
    expect(run.final.signal).toBeNull();
    expect(run.final.stdout.text).toBe('bye\n');
  });
});

describe.each(CONTAINMENTS)('leftovers after a normal exit (containment %s)', (containment) => {
  itPosix('a background sleep left behind is killed and counted', async () => {
    const run = await runSmoke(
      makeSpec(tmp.dir, { command: `sleep 30 & echo $! > '${pidFile}'; echo done`, containment }),
    );
    expect(run.status).toBe('PASS');
    expect(run.final.stdout.text).toBe('done\n');
    expect(run.final.orphansKilled).toBe(1);
    expect(run.orphansKilled).toBe(1);
    expect(run.message).toMatch(/; 1 leftover process was killed\.$/);
    const [pid] = readPids(pidFile);
    expect(isGone(pid)).toBe(true);
  });

  itPosix('a double-forked grandchild holding stdout open does not hang the run', async () => {
    const command = `( sleep 30 & echo $! > '${pidFile}' ) ; echo started; exit 0`;
    const run = await runSmoke(makeSpec(tmp.dir, { command, containment }));
    expect(run.status).toBe('PASS');
    expect(run.final.stdout.text).toBe('started\n');
    expect(run.final.orphansKilled).toBe(1);
    expect(isGone(readPids(pidFile)[0])).toBe(true);
  });
});

describe('leftovers in a process group only', () => {
  itLinux('a pipe held by a process outside the tree is closed after a bounded wait', async () => {
    // env -i drops the tracking id and setsid leaves the group: nothing can find this one, so only the
    // bounded pipe wait saves the run.
    const command = [
      `env -i "$(command -v setsid)" "$(command -v sleep)" 30 & echo $! > '${pidFile}'`,
      // wait until it has become `sleep` (new session, empty environment) before exiting
      'while [ "$(cat /proc/$!/comm)" != sleep ]; do sleep 0.02; done',
      'echo out',
    ].join('\n');
    // In a cgroup it would be found and killed (containment.test.ts): this is the process group's limit.
    const spec = makeSpec(tmp.dir, { command, containment: 'process-group' });
    const run = await runSmoke(spec, { pipeCloseTimeoutMs: 300 });
    expect(run.status).toBe('PASS');
    expect(run.final.stdout.text).toBe('out\n');
    expect(run.final.errorMessage).toMatch(/output pipes were still open 300 ms after it exited/);
    expect(isGone(readPids(pidFile)[0])).toBe(false); // untracked: the test cleans it up
  });
});

describe('kill errors', () => {
  // Signalling another user's process fails with EPERM; as root it succeeds, so there is nothing to see.
  const itNonRoot = isWindows || process.getuid?.() === 0 ? it.skip : it;
  itNonRoot('EPERM is recorded, never thrown', () => {
    const tree = new ProcessTree(process.pid + 1_000_000, 'x');
    expect(() => tree.signalProcess(1, 'SIGCONT')).not.toThrow(); // harmless even if it were allowed
    expect(tree.killErrors).toEqual([expect.stringMatching(/^EPERM sending SIGCONT to process 1:/)]);
  });

  it('ESRCH is ignored', () => {
    const tree = new ProcessTree(2 ** 22 + 12345, 'x');
    tree.signalProcess(2 ** 22 + 12345, 'SIGKILL');
    tree.signalGroup('SIGKILL');
    expect(tree.killErrors).toEqual([]);
  });
});

describe.each(CONTAINMENTS)('cancellation (containment %s)', (containment) => {
  itPosix('aborting mid-run kills the tree and yields CANCELLED without retrying', async () => {
    const controller = new AbortController();
    const command = [
      `echo $$ >> '${pidFile}'`,
      `bash -c 'trap "" TERM; echo $$ >> "${pidFile}"; exec sleep 300' &`,
      'sleep 300',
    ].join('\n');
    const attempts: number[] = [];
    const running = runSmoke(
      makeSpec(tmp.dir, {
        command,
        containment,
        timeoutSeconds: 60,
        killGraceSeconds: 30,
        retries: 2,
        retryOn: 'any',
        onAttempt: (n) => attempts.push(n),
      }),
      { signal: controller.signal, shortGraceMs: 300 },
    );
    const pids = await waitForPids(2);
    controller.abort();
    const run = await running;
    expect(run.status).toBe('CANCELLED');
    expect(run.reason).toBe('cancelled');
    expect(run.attempts).toHaveLength(1);
    expect(attempts).toEqual([1]);
    expect(run.final.orphansKilled).toBeGreaterThanOrEqual(1);
    expect(run.message).toMatch(/^The smoke command was cancelled after .+; its process tree was killed/);
    expect(pids.filter((pid) => !isGone(pid))).toEqual([]);
  });

  it('an already aborted signal yields CANCELLED without spawning', async () => {
    const controller = new AbortController();
    controller.abort();
    const spec = makeSpec(tmp.dir, { command: `echo ran > '${join(tmp.dir, 'ran')}'`, containment });
    const run = await runSmoke(spec, { signal: controller.signal });
    expect(run.status).toBe('CANCELLED');
    expect(run.reason).toBe('cancelled');
    expect(run.final.exitCode).toBeNull();
    expect(run.message).toBe('The smoke run was cancelled before attempt 1 started.');
    expect(existsSync(join(tmp.dir, 'ran'))).toBe(false);
    expect(existsSync(spec.logDir)).toBe(false);
  });
});
