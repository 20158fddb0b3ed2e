// The stage runner: a mode's script of stages, early verdicts, cancellation, concurrency. Pure logic (no
// processes): the stages here are small functions.
import { describe, expect, it } from '@jest/globals';
import { InternalFailure, runScript } from '../../src/pipeline/runner.js';
import {
  join,
  next,
  parallel,
  run,
  stage,
  startInBackground,
  stop,
  type Script,
  type Stage,
} from '../../src/pipeline/stage.js';
import { recordingLog } from '../support/logs.js';

const value = <T>(name: string, v: T, facts = {}): Stage<T> =>
  stage(name, async () => next(v, { facts, notes: [{ level: 'info', text: `${name} done` }] }));

function options(signal = new AbortController().signal) {
  const { log, lines } = recordingLog();
  return { opts: { signal, log, initial: { baseBranch: 'main' }, dryRun: false }, lines };
}

describe('runScript', () => {
  it('runs the stages in order, passing values on and assembling the facts in one place', async () => {
    async function* script(): Script<string> {
      const sha = yield* run(value('sha', 'abc', { mergeCommit: 'abc' }));
      const task = yield* run(value('task', `${sha}:task`, { taskId: 'task-1' }));
      return task;
    }
    const { opts, lines } = options();
    const end = await runScript(script(), opts);
    expect(end).toMatchObject({ kind: 'done', value: 'abc:task' });
    expect(end.facts).toMatchObject({ mergeCommit: 'abc', taskId: 'task-1', baseBranch: 'main' });
    expect(lines.map((l) => l.text)).toEqual(['sha done', 'task done']);
  });

  it('ends at the first verdict: later stages never run, the facts so far are kept', async () => {
    let ranAfter = false;
    async function* script(): Script<string> {
      yield* run(value('sha', 'abc', { mergeCommit: 'abc' }));
      yield* run(
        stage('stale', async () => stop('STALE', 'superseded', 'moved on', { facts: { stale: true } })),
      );
      ranAfter = true;
      return 'unreachable';
    }
    const end = await runScript(script(), options().opts);
    expect(end).toMatchObject({ kind: 'stopped', verdict: { status: 'STALE', reason: 'superseded' } });
    expect(end.facts).toMatchObject({ mergeCommit: 'abc', stale: true });
    expect(ranAfter).toBe(false);
  });

  it('turns a stage that throws into ERROR internal_error naming the stage', async () => {
    async function* script(): Script<null> {
      yield* run(
        stage('read the registry', async () => {
          throw new Error('boom');
        }),
      );
      return null;
    }
    const end = await runScript(script(), options().opts);
    expect(end).toMatchObject({
      kind: 'stopped',
      verdict: {
        status: 'ERROR',
        reason: 'internal_error',
        message: expect.stringMatching(/'read the registry': boom/),
      },
    });
  });

  it('stops waiting for a stage when the run is cancelled, and says CANCELLED', async () => {
    const controller = new AbortController();
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    async function* script(): Script<null> {
      yield* run(
        stage('hang', () => {
          started();
          return new Promise(() => {}); // never settles
        }),
      );
      return null;
    }
    const ending = runScript(script(), options(controller.signal).opts);
    await running;
    controller.abort();
    expect(await ending).toMatchObject({
      kind: 'stopped',
      verdict: { status: 'CANCELLED', reason: 'cancelled' },
    });
  });

  it('an abort for an internal failure is ERROR, not CANCELLED', async () => {
    const controller = new AbortController();
    controller.abort(new InternalFailure('a callback threw'));
    async function* script(): Script<null> {
      yield* run(value('never', null));
      return null;
    }
    expect(await runScript(script(), options(controller.signal).opts)).toMatchObject({
      kind: 'stopped',
      verdict: { status: 'ERROR', message: expect.stringMatching(/a callback threw/) },
    });
  });

  it('waits for a stage that owns its cancellation (the smoke kills its tree first)', async () => {
    const controller = new AbortController();
    async function* script(): Script<string> {
      return yield* run(
        stage(
          'smoke',
          (signal) =>
            new Promise((resolve) => {
              signal.addEventListener('abort', () => resolve(next('killed cleanly')));
              controller.abort();
            }),
          { ownsCancellation: true },
        ),
      );
    }
    expect(await runScript(script(), options(controller.signal).opts)).toMatchObject({
      kind: 'done',
      value: 'killed cleanly',
    });
  });

  it("parallel: both run, the first argument's verdict wins, the facts of both are kept", async () => {
    const order: string[] = [];
    const slowStop = stage('freshness', async () => {
      await new Promise((r) => setImmediate(r));
      order.push('freshness');
      return stop('STALE', 'superseded', 'moved on', { facts: { originHead: 'def' } });
    });
    const fastStop = stage('metadata', async () => {
      order.push('metadata');
      return stop('ERROR', 'api_failed', 'no api', { facts: { prNumber: 7 } });
    });
    async function* script(): Script<null> {
      yield* run(parallel(slowStop, fastStop));
      return null;
    }
    const end = await runScript(script(), options().opts);
    expect(order).toEqual(['metadata', 'freshness']);
    expect(end).toMatchObject({ kind: 'stopped', verdict: { status: 'STALE' } });
    expect(end.facts).toMatchObject({ originHead: 'def', prNumber: 7 });
  });

  it('background work counts when it is joined, not before', async () => {
    async function* script(signal: AbortSignal): Script<number> {
      const pending = startInBackground(value('discovery', 42, { prNumber: 42 }), signal);
      yield* run(value('spawn', null));
      return yield* run(join(pending));
    }
    const { opts } = options();
    const end = await runScript(script(opts.signal), opts);
    expect(end).toMatchObject({ kind: 'done', value: 42 });
    expect(end.facts.prNumber).toBe(42);
  });

  it("logs a stage's notes inside its group", async () => {
    async function* script(): Script<null> {
      yield* run(
        stage('resolve', async () => next(null, { notes: [{ level: 'warning', text: 'trailer ignored' }] }), {
          group: 'Resolution',
        }),
      );
      return null;
    }
    const { opts, lines } = options();
    await runScript(script(), opts);
    expect(lines).toEqual([
      { level: 'group', text: 'Resolution' },
      { level: 'warning', text: 'trailer ignored' },
    ]);
  });
});
