// Retries: only the statuses retry-on names, one AttemptResult each, flaky when a pass follows a failure.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSmoke, shouldRetry } from '../../src/execute/index.js';
import { isWindows, makeSpec, tempDir } from './support/helpers.js';

const itPosix = isWindows ? it.skip : it;

let tmp: ReturnType<typeof tempDir>;
let marker: string;
beforeEach(() => {
  tmp = tempDir();
  marker = join(tmp.dir, 'marker');
});
afterEach(() => tmp.cleanup());

describe('shouldRetry', () => {
  it('matches retry-on', () => {
    expect(shouldRetry('TIMEOUT', 'timeout')).toBe(true);
    expect(shouldRetry('FAIL', 'timeout')).toBe(false);
    expect(shouldRetry('FAIL', 'fail')).toBe(true);
    expect(shouldRetry('TIMEOUT', 'fail')).toBe(false);
    expect(shouldRetry('FAIL', 'any')).toBe(true);
    expect(shouldRetry('TIMEOUT', 'any')).toBe(true);
    for (const s of ['PASS', 'ERROR', 'CANCELLED'] as const) expect(shouldRetry(s, 'any')).toBe(false);
  });
});

describe('retries', () => {
  itPosix('a timeout, then a pass, is PASS and flaky', async () => {
    const command = `if [ ! -f '${marker}' ]; then touch '${marker}'; echo slow; sleep 30; fi\necho fast`;
    const seen: string[] = [];
    const run = await runSmoke(
      makeSpec(tmp.dir, {
        command,
        timeoutSeconds: 1,
        killGraceSeconds: 0.2,
        retries: 2,
        retryOn: 'timeout',
        onAttempt: (n, of) => seen.push(`${n}/${of}`),
      }),
    );
    expect(run.attempts.map((a) => a.status)).toEqual(['TIMEOUT', 'PASS']);
    expect(run.status).toBe('PASS');
    expect(run.reason).toBe('exit_zero');
    expect(run.flaky).toBe(true);
    expect(seen).toEqual(['1/3', '2/3']);
    expect(run.final.attempt).toBe(2);
    expect(run.final.stdout.text).toBe('fast\n');
    expect(run.durationMs).toBe(run.attempts[0].durationMs + run.attempts[1].durationMs);
    expect(run.message).toMatch(
      /^The smoke command exited with code 0 after .+ on attempt 2 of 3, after 1 failed attempt \(flaky\)\.$/,
    );
    // each attempt has its own logs
    expect(readFileSync(run.attempts[0].stdout.logPath!, 'utf8')).toBe('slow\n');
    expect(readFileSync(run.attempts[1].stdout.logPath!, 'utf8')).toBe('fast\n');
  });

  itPosix('retry-on fail retries a failure', async () => {
    const command = `if [ ! -f '${marker}' ]; then touch '${marker}'; exit 2; fi`;
    const run = await runSmoke(makeSpec(tmp.dir, { command, retries: 1, retryOn: 'fail' }));
    expect(run.attempts.map((a) => [a.status, a.exitCode])).toEqual([
      ['FAIL', 2],
      ['PASS', 0],
    ]);
    expect(run.flaky).toBe(true);
  });

  itPosix('retry-on timeout does not retry a failure', async () => {
    const run = await runSmoke(makeSpec(tmp.dir, { command: 'exit 1', retries: 3, retryOn: 'timeout' }));
    expect(run.attempts).toHaveLength(1);
    expect(run.status).toBe('FAIL');
    expect(run.flaky).toBe(false);
  });

  itPosix('the final status is the last attempt when retries run out', async () => {
    const run = await runSmoke(makeSpec(tmp.dir, { command: 'exit 7', retries: 2, retryOn: 'any' }));
    expect(run.attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
    expect(run.status).toBe('FAIL');
    expect(run.final.exitCode).toBe(7);
    expect(run.flaky).toBe(false);
    expect(run.message).toMatch(/^The smoke command exited with code 7 after .+ on attempt 3 of 3\.$/);
  });
});
