// The built action's lifecycle around the command: cancellation by the runner (SIGINT) and the workspace
// being brought to the merge commit (or refused) before the command runs.
import { afterEach, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git } from '../support/git-fixture.js';
import {
  actionEnv,
  checkedResult,
  createWorld,
  describeRun,
  killAll,
  postedStatuses,
  readPids,
  runAction,
  sq,
  survivors,
  waitFor,
  type World,
} from './harness.js';

let world: World | null = null;
let leftovers: number[] = [];
afterEach(async () => {
  killAll(leftovers);
  leftovers = [];
  await world?.cleanup();
  world = null;
});

describe('the built action: cancellation and the workspace', () => {
  const cancel = process.platform === 'win32' ? it.skip.each : it.each;
  cancel(['SIGINT', 'SIGTERM'] as const)(
    '%s while the command runs → CANCELLED, outputs written, no survivors, exits within seconds',
    async (signal) => {
      world = await createWorld();
      const pidFile = join(world.scratch, 'pids');
      const ready = join(world.scratch, 'ready');
      const P = sq(pidFile);
      const command = [
        `echo $$ >> ${P}`,
        `sleep 60 & echo $! >> ${P}`,
        `setsid sh -c 'echo $$ >> "$0"; exec sleep 60' ${P} &`,
        `touch ${sq(ready)}`,
        'wait',
      ].join('\n');
      let child: ChildProcess | null = null;
      const running = runAction(actionEnv(world, { inputs: { 'smoke-command': command } }), {
        onSpawn: (c) => (child = c),
      });
      let sentAt = 0;
      const interrupt = (async () => {
        await waitFor(
          () => existsSync(ready) && readPids(pidFile).length === 3,
          15_000,
          'the command to start',
        );
        sentAt = Date.now();
        child!.kill(signal);
      })();
      const [run] = await Promise.all([running, interrupt]);
      const exitedAfterMs = Date.now() - sentAt;
      const pids = readPids(pidFile);
      leftovers = pids;

      // The runner follows SIGINT with SIGTERM after 7.5 s: everything must be done before that.
      expect(exitedAfterMs).toBeLessThan(7500);
      expect(run.signal).toBeNull();
      expect([run.exitCode !== 0, describeRun(run)]).toEqual([true, expect.any(String)]);
      const result = checkedResult(run);
      expect(result).toMatchObject({ status: 'CANCELLED', reason: 'cancelled' });
      expect(run.outputs['continuation-ready']).toBe('false');
      expect(run.outputs['packet-path']).toBe('');
      expect(run.summary).toContain('CANCELLED');
      expect(pids).toHaveLength(3);
      expect(await survivors(pids)).toEqual([]);
      expect(postedStatuses(world).map((s) => s.state)).toEqual(['pending', 'error']);
    },
  );

  it('a clean workspace at another commit is checked out at the merge commit before the command runs', async () => {
    // The merge commit is pushed from another clone: the workspace has never seen it and must fetch it.
    world = await createWorld({ pushFromOtherClone: true });
    expect(world.fixture.head()).toBe(world.before);
    const run = await runAction(actionEnv(world, { inputs: { 'smoke-command': 'git rev-parse HEAD' } }));
    expect([run.exitCode, describeRun(run)]).toEqual([0, expect.any(String)]);
    const result = checkedResult(run);
    expect(result.status).toBe('PASS');
    expect(result.stdout).toBe(`${world.mergeCommit}\n`);
    expect(world.fixture.head()).toBe(world.mergeCommit);
  });

  it('a dirty workspace at another commit is never touched → ERROR workspace_mismatch', async () => {
    world = await createWorld({ pushFromOtherClone: true });
    writeFileSync(join(world.fixture.work, 'README.md'), '# local edit\n');
    const marker = join(world.scratch, 'ran');
    const run = await runAction(actionEnv(world, { inputs: { 'smoke-command': `touch ${sq(marker)}` } }));
    expect([run.exitCode, describeRun(run)]).toEqual([1, expect.any(String)]);
    const result = checkedResult(run);
    expect(result).toMatchObject({ status: 'ERROR', reason: 'workspace_mismatch', exit_code: null });
    expect(result.message).toContain(world.mergeCommit);
    expect(result.message).toMatch(/check out/);
    expect(existsSync(marker)).toBe(false);
    // The local change and the old HEAD are left as they were.
    expect(world.fixture.head()).toBe(world.before);
    expect(git(world.fixture.work, 'status', '--porcelain', '--untracked-files=no')).toBe('M README.md');
    expect(run.outputs['packet-path']).not.toBe('');
    expect(postedStatuses(world).map((s) => s.state)).toEqual(['error']);
  });
});
