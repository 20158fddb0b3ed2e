// Aborting a running smoke: a cancellation is CANCELLED; an abort for an internal failure (an uncaught
// exception in the action) is ERROR internal_error with a packet. Either way the tree is killed and the
// result is published. Real git, real processes.
import { afterEach, describe, expect, it } from '@jest/globals';
import { InternalFailure } from '../../src/pipeline/runner.js';
import { runLocal, type LocalRun } from '../support/local-run.js';

const itPosix = process.platform === 'win32' ? it.skip : it;
const runs: LocalRun[] = [];
afterEach(() => {
  for (const r of runs.splice(0)) r.fixture.cleanup();
});

/** Aborts once the smoke has started (its first line is out), never after a fixed time. */
async function abortedRun(reason?: unknown) {
  const controller = new AbortController();
  const run = await runLocal(
    { 'smoke-command': 'echo started; sleep 30 & sleep 30', 'kill-grace-seconds': '1' },
    { signal: controller.signal, onLive: (text) => text.includes('started') && controller.abort(reason) },
  );
  runs.push(run);
  return run;
}

describe('aborting the pipeline', () => {
  itPosix('a cancellation gives CANCELLED, no packet, the job fails', async () => {
    const r = await abortedRun();
    expect(r.result.status).toBe('CANCELLED');
    expect(r.result.reason).toBe('cancelled');
    expect(r.packet).toBeNull();
    expect(r.failed).toBe(true);
    expect(r.outputs.status).toBe('CANCELLED');
  });

  itPosix('an internal failure gives ERROR internal_error with a Critical #7 packet', async () => {
    const r = await abortedRun(new InternalFailure('a stream callback threw'));
    expect(r.result.status).toBe('ERROR');
    expect(r.result.reason).toBe('internal_error');
    expect(r.result.message).toMatch(/failed unexpectedly: a stream callback threw; the smoke was stopped/);
    expect(r.result.attempts.map((a) => a.status)).toEqual(['CANCELLED']);
    expect(r.packet?.evidence).toMatchObject({ status: 'ERROR', reason: 'internal_error' });
    expect(r.outputs.status).toBe('ERROR');
  });
});
