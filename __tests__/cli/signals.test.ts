// The CLI never leaves a smoke behind (issue 11, point 5): a signal that ends a session or a job, or a
// reader that goes away (`… --apply | head -1`), cancels the run and the smoke's whole tree is killed.
// Real processes: the smoke writes its own pid and a child's; the test waits for those files, acts, and
// checks that every pid is gone once the CLI has exited.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { killAll, readPids, sq, survivors, waitFor } from '../e2e/harness.js';
import { GitFixture } from '../support/git-fixture.js';
import { CLI } from './support.js';

const posix = process.platform === 'win32' ? describe.skip : describe;

interface Started {
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  child: ReturnType<typeof spawn>;
  pids: number[];
}

posix('the CLI kills the smoke tree when it has to stop', () => {
  let fx: GitFixture;
  let leftovers: number[] = [];
  let n = 0;
  beforeAll(() => {
    fx = GitFixture.create();
    fx.commit('a commit', {});
    fx.push();
  });
  afterEach(() => killAll(leftovers));
  afterAll(() => fx.cleanup());

  /** Starts `run --apply` with a smoke that forks a child and keeps printing; resolves once both pids are known. */
  async function start(extra: string[] = []): Promise<Started> {
    const dir = join(fx.root, `pids-${n++}`);
    mkdirSync(dir);
    const smoke =
      `echo $$ > ${sq(join(dir, 'smoke'))}; sleep 300 & echo $! > ${sq(join(dir, 'child'))}; ` +
      'while :; do echo tick; sleep 0.1; done';
    const args = [
      'run',
      '--apply',
      '--no-audit',
      '--kill-grace-seconds',
      '2',
      '--smoke-command',
      smoke,
      ...extra,
    ];
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: fx.work,
      env: { ...process.env, GH_TOKEN: '', GITHUB_TOKEN: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const exited = new Promise<Awaited<Started['exited']>>((resolve) =>
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
    );
    const pidsOf = () => [...readPids(join(dir, 'smoke')), ...readPids(join(dir, 'child'))];
    await waitFor(() => pidsOf().length === 2, 30_000, 'the smoke and its child to write their pids');
    leftovers = pidsOf();
    return { exited, child, pids: pidsOf() };
  }

  it.each(['SIGHUP', 'SIGQUIT', 'SIGTERM', 'SIGINT'] as const)('%s', async (signal) => {
    const { exited, child, pids } = await start();
    child.kill(signal);
    const end = await exited;
    expect(end.signal).toBeNull(); // the CLI handled the signal and exited on its own
    expect(end.code).toBe(1);
    expect(end.stdout).toMatch(/^CANCELLED {2}cancelled/m);
    expect(await survivors(pids)).toEqual([]);
  });

  it('stdout closed by its reader (`| head -1`)', async () => {
    const { exited, child, pids } = await start();
    child.stdout!.destroy();
    const end = await exited;
    expect(end.code).toBe(1);
    expect(end.stderr).not.toMatch(/EPIPE|internal error/);
    expect(await survivors(pids)).toEqual([]);
  });

  it('stderr closed by its reader (with --json the smoke output goes there)', async () => {
    const { exited, child, pids } = await start(['--json']);
    child.stderr!.destroy();
    const end = await exited;
    expect(end.code).toBe(1);
    expect(JSON.parse(end.stdout)).toMatchObject({ status: 'CANCELLED' });
    expect(await survivors(pids)).toEqual([]);
  });
});
