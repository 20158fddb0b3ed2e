// Termination: the first cause wins. A late abort during the deadline's grace stays TIMEOUT; a deadline
// passing during a cancellation stays CANCELLED; neither kills twice. The decision alone (a fake tree), then
// real process trees. And the onSpawn hook, which lets callers wait for the spawn instead of sleeping.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSmoke, Termination, type TreeKiller } from '../../src/execute/index.js';
import { isWindows, makeSpec, readPids, tempDir } from './support/helpers.js';

const itPosix = isWindows ? it.skip : it;

/** A process tree whose kill we finish by hand, recording the grace of every terminate call. */
function fakeTree() {
  const graces: number[] = [];
  let finishKill = (): void => {};
  let terminateCalled = (): void => {};
  const called = new Promise<void>((resolve) => (terminateCalled = resolve));
  const tree: TreeKiller = {
    orphansKilled: 2,
    terminate: (graceMs) => {
      graces.push(graceMs);
      terminateCalled();
      return new Promise<void>((resolve) => (finishKill = resolve));
    },
    cleanupLeftovers: async () => 7,
  };
  return { tree, graces, called, finishKill: () => finishKill() };
}

/** An exit we trigger by hand. */
function fakeExit() {
  let running = true;
  let exit = (): void => {};
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    exit = () => {
      running = false;
      resolve({ code: null, signal: 'SIGKILL' });
    };
  });
  return { watch: { exited, alive: () => running }, exit: () => exit() };
}

/** Lets every timer due now (scheduled before this call) fire first. */
const timersDueNow = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('Termination (the decision)', () => {
  it('a late abort after the deadline fired changes nothing', async () => {
    const { tree, graces, called, finishKill } = fakeTree();
    const { watch, exit } = fakeExit();
    const controller = new AbortController();
    const t = new Termination(
      tree,
      watch,
      { timeoutMs: 0, graceMs: 1000, shortGraceMs: 100 },
      controller.signal,
    );
    t.arm();
    await called;
    controller.abort();
    expect(t.cause).toBe('timeout');
    exit();
    finishKill();
    expect(await t.waitForExit()).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await t.cleanUp()).toBe(2);
    expect(graces).toEqual([1000]);
  });

  it('a deadline passing during a cancellation changes nothing', async () => {
    const { tree, graces, finishKill } = fakeTree();
    const { watch, exit } = fakeExit();
    const controller = new AbortController();
    controller.abort();
    const t = new Termination(
      tree,
      watch,
      { timeoutMs: 0, graceMs: 1000, shortGraceMs: 100 },
      controller.signal,
    );
    t.arm();
    await timersDueNow();
    expect(t.cause).toBe('cancel');
    expect(graces).toEqual([100]);
    exit();
    finishKill();
    await t.waitForExit();
    expect(await t.cleanUp()).toBe(2);
  });

  it('after the command exited by itself, neither cause fires and leftovers are cleaned up', async () => {
    const { tree, graces } = fakeTree();
    const { watch, exit } = fakeExit();
    const controller = new AbortController();
    const t = new Termination(
      tree,
      watch,
      { timeoutMs: 0, graceMs: 1000, shortGraceMs: 100 },
      controller.signal,
    );
    exit();
    t.arm();
    controller.abort();
    await timersDueNow();
    await t.waitForExit();
    expect(t.cause).toBeNull();
    expect(graces).toEqual([]);
    expect(await t.cleanUp()).toBe(7);
  });
});

describe('first cause wins, with real processes', () => {
  let tmp: ReturnType<typeof tempDir>;
  let termFile: string;
  let pidFile: string;
  beforeEach(() => {
    tmp = tempDir();
    termFile = join(tmp.dir, 'terms');
    pidFile = join(tmp.dir, 'pid');
  });
  afterEach(() => tmp.cleanup());

  /** Notes every SIGTERM it gets (one line each) and keeps running: only SIGKILL ends it. */
  const termCounter = (): string =>
    [
      `trap 'echo term >> "${termFile}"' TERM`,
      `echo $$ > '${pidFile}'`,
      'while :; do sleep 0.05 || true; done',
    ].join('\n');

  /** Runs `spec` in the background, so a test can act while it runs. */
  function start(spec: ReturnType<typeof makeSpec>, options: Parameters<typeof runSmoke>[1]) {
    const state = { settled: false };
    const running = runSmoke(spec, options).finally(() => (state.settled = true));
    return { running, state };
  }

  itPosix('cancelled, then the deadline passes during the grace: CANCELLED, one SIGTERM', async () => {
    const controller = new AbortController();
    // The deadline (1.5 s) falls inside the cancellation's grace (2.5 s after the abort).
    const spec = makeSpec(tmp.dir, { command: termCounter(), timeoutSeconds: 1.5, killGraceSeconds: 30 });
    const { running, state } = start(spec, { signal: controller.signal, shortGraceMs: 2500 });
    await waitFor(() => readPids(pidFile).length === 1 || state.settled, Boolean);
    controller.abort();
    const run = await running;
    expect([run.status, run.reason, run.final.signal, run.final.exitCode]).toEqual([
      'CANCELLED',
      'cancelled',
      'SIGKILL',
      137,
    ]);
    expect(readFileSync(termFile, 'utf8')).toBe('term\n');
  });

  itPosix('the deadline fired, a late abort during its grace: TIMEOUT, one SIGTERM', async () => {
    const controller = new AbortController();
    const spec = makeSpec(tmp.dir, { command: termCounter(), timeoutSeconds: 1, killGraceSeconds: 2 });
    const { running, state } = start(spec, { signal: controller.signal, shortGraceMs: 100 });
    // The trap's line is the deadline's SIGTERM arriving: abort then, during the grace.
    await waitFor(() => existsSync(termFile) || state.settled, Boolean);
    expect(state.settled).toBe(false);
    controller.abort();
    const run = await running;
    expect([run.status, run.reason, run.final.signal, run.final.exitCode]).toEqual([
      'TIMEOUT',
      'deadline_exceeded',
      'SIGKILL',
      137,
    ]);
    expect(readFileSync(termFile, 'utf8')).toBe('term\n');
  });
});

describe('onSpawn', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  itPosix("gets each attempt's pid once it runs", async () => {
    const spawned: Array<[number, number]> = [];
    const run = await runSmoke(
      makeSpec(tmp.dir, {
        command: 'echo $$; exit 1',
        retries: 1,
        retryOn: 'fail',
        onSpawn: (pid, attempt) => spawned.push([pid, attempt]),
      }),
    );
    expect(spawned.map(([, attempt]) => attempt)).toEqual([1, 2]);
    expect(run.attempts.map((a) => a.stdout.text)).toEqual(spawned.map(([pid]) => `${pid}\n`));
  });

  it('a throwing hook does not break the run, and a spawn failure never calls it', async () => {
    const calls: number[] = [];
    const ok = await runSmoke(
      makeSpec(tmp.dir, {
        onSpawn: (pid) => {
          calls.push(pid);
          throw new Error('hook broke');
        },
      }),
    );
    expect(ok.status).toBe('PASS');
    expect(calls).toHaveLength(1);
    const failed = await runSmoke(
      makeSpec(tmp.dir, { shell: '/nonexistent/shell {0}', onSpawn: (pid) => calls.push(pid) }),
    );
    expect(failed.status).toBe('ERROR');
    expect(calls).toHaveLength(1);
  });
});

/** Polls `read` until `done` holds (bounded: 10 s), and returns the last value read. */
async function waitFor<T>(read: () => T, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const value = read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the awaited event never happened');
}
