// The git transport with real git processes: results without throwing, the stdout cap, the deadline and
// the caller's signal killing the whole process group, and a bounded wait for pipes a descendant holds.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gitFailure, GitProcessTransport } from '../../src/adapters/git.js';
import { GitFixture, liveProcessesCarrying } from '../support/git-fixture.js';

let fx: GitFixture;
let marker: string;
let transport: GitProcessTransport;

/** A git alias running `script` in the shell: git waits for it, as it waits for git-remote-http. */
const alias = (script: string) => ['-c', `alias.script=!${script}`, 'script'];

async function waitForFile(path: string): Promise<string> {
  while (!existsSync(path) || readFileSync(path, 'utf8').trim() === '') await sleep(10);
  return readFileSync(path, 'utf8').trim();
}

beforeAll(() => {
  fx = GitFixture.create('main', 'pms-transport-');
});
afterAll(() => fx.cleanup());

beforeEach(() => {
  marker = `PMS_TRANSPORT_${randomUUID().replace(/-/g, '_')}`; // a shell passes on only valid names
  transport = new GitProcessTransport(fx.work, { env: { ...process.env, [marker]: '1' } });
});

afterEach(() => {
  // Whatever a test left (it should be nothing) must not outlive it.
  for (const p of liveProcessesCarrying(marker)) process.kill(p.pid, 'SIGKILL');
});

describe('GitProcessTransport', () => {
  it('returns exit code and output, and a failure line for a failing call, without throwing', async () => {
    const ok = await transport.run(['rev-parse', '--is-inside-work-tree']);
    expect(ok).toMatchObject({
      exitCode: 0,
      stdout: 'true\n',
      timedOut: false,
      aborted: false,
      spawnError: null,
    });
    const bad = await transport.run(['rev-parse', '--verify', 'no-such-ref']);
    expect(bad.exitCode).toBe(128);
    expect(gitFailure(bad)).toBe('fatal: Needed a single revision');
  });

  it('reports a git that cannot be started instead of throwing', async () => {
    const r = await new GitProcessTransport(fx.work, { gitPath: join(fx.root, 'no-git-here') }).run([
      'status',
    ]);
    expect(r).toMatchObject({ exitCode: -1, stdout: '' });
    expect(r.spawnError).toMatch(/ENOENT/);
    expect(gitFailure(r)).toMatch(/^cannot run git: .*ENOENT/);
  });

  it('keeps at most maxOutputBytes of stdout and says it cut', async () => {
    const r = await transport.run(alias('head -c 100000 /dev/zero'), { maxOutputBytes: 1000 });
    expect(r).toMatchObject({ exitCode: 0, truncated: true });
    expect(r.stdout).toHaveLength(1000);
  });

  it('hands its hardened environment and the per-call environment to git, without tracing', async () => {
    const traced = new GitProcessTransport(fx.work, {
      env: { ...process.env, GIT_TRACE: '1', GIT_CURL_VERBOSE: '1' },
    });
    const r = await traced.run(alias('echo "$GIT_TERMINAL_PROMPT $LC_ALL $EXTRA ${GIT_TRACE:-none}"'), {
      env: { EXTRA: 'per-call' },
    });
    expect(r.stdout).toBe('0 C per-call none\n');
    expect(r.stderr).not.toContain('trace:');
  });

  it('kills the whole process group at the deadline, the grandchild holding stderr included', async () => {
    const r = await transport.run(alias('sleep 600 & sleep 600'), { timeoutMs: 300 });
    expect(r).toMatchObject({ timedOut: true, aborted: false, exitCode: -1 });
    expect(gitFailure(r)).toBe('git script timed out after 300 ms');
    expect(liveProcessesCarrying(marker)).toEqual([]);
  });

  it('kills the whole process group when the caller aborts', async () => {
    const pidFile = join(fx.root, `pid-${randomUUID()}`);
    const stop = new AbortController();
    const running = transport.run(alias(`echo $$ > ${pidFile}; sleep 600`), { signal: stop.signal });
    await waitForFile(pidFile);
    stop.abort();
    const r = await running;
    expect(r).toMatchObject({ aborted: true, timedOut: false, exitCode: -1 });
    expect(liveProcessesCarrying(marker)).toEqual([]);
  });

  it('does not start git when the signal has already fired', async () => {
    const stop = new AbortController();
    stop.abort();
    const r = await transport.run(['status'], { signal: stop.signal });
    expect(r).toMatchObject({ aborted: true, spawnError: null, exitCode: -1, stdout: '' });
    expect(gitFailure(r)).toBe('git status was stopped before it finished');
  });

  it('returns although a descendant that left the group holds the pipes after git exited', async () => {
    const pidFile = join(fx.root, `pid-${randomUUID()}`);
    // setsid: a new session, out of reach of the group kill — like a daemon a hook might start.
    const r = await transport.run(alias(`setsid sh -c 'echo $$ > ${pidFile}; exec sleep 600' & exit 0`));
    expect(r).toMatchObject({ exitCode: 0, timedOut: false });
    const escaped = Number(await waitForFile(pidFile));
    expect(liveProcessesCarrying(marker).map((p) => p.pid)).toEqual([escaped]);
  });
});
