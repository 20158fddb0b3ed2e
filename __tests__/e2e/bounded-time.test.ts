// The built action reaches its verdict whatever the API or the inputs do: a rate limit that resets in an
// hour stops the run at once (no retry before Retry-After), a refused connection is an ERROR, a hostile
// redact pattern cannot hold the event loop past the smoke's own deadline. (How long each case takes is a
// benchmark figure: bench/latency.mjs.)
import { afterEach, describe, expect, it } from '@jest/globals';
import { closedPortUrl } from '../support/fake-github.js';
import { actionEnv, checkedResult, createWorld, describeRun, runAction, type World } from './harness.js';

const posix = process.platform === 'win32' ? it.skip : it;

let world: World | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

describe('the built action under a hostile API or hostile inputs', () => {
  it('every answer 429 with Retry-After: 3600 → ERROR at once, naming the rate limit and its reset', async () => {
    world = await createWorld();
    world.github.on('GET', /.*/, {
      status: 429,
      headers: { 'retry-after': '3600' },
      body: { message: 'API rate limit exceeded' },
    });
    const run = await runAction(actionEnv(world, { inputs: { 'smoke-command': 'echo never' } }));
    expect([run.exitCode, describeRun(run)]).toEqual([1, expect.any(String)]);
    const result = checkedResult(run);
    expect(result.status).toBe('ERROR');
    expect(result.message).toMatch(
      /rate limit is exhausted \(HTTP 429\); it resets at \S+Z \(in about 60 min\)/,
    );
    // No request was tried again before Retry-After: one per endpoint the run needed.
    const gets = world.github.requests.filter((r) => r.method === 'GET');
    expect(new Set(gets.map((r) => r.path)).size).toBe(gets.length);
    expect(result.exit_code).toBeNull(); // nothing ran
  });

  it('an API that refuses every connection → ERROR, nothing run', async () => {
    world = await createWorld();
    const run = await runAction(
      actionEnv(world, {
        inputs: { 'smoke-command': 'echo never' },
        env: { GITHUB_API_URL: await closedPortUrl() },
      }),
    );
    const result = checkedResult(run);
    expect(result.status).toBe('ERROR');
    expect(['head_unreachable', 'api_failed']).toContain(result.reason);
    expect(result.message).toMatch(/ECONNREFUSED/);
    expect(result.stdout).toBeNull();
  });

  posix('redact-patterns (a+)+$ on a 100 KB line of a: the smoke deadline still holds', async () => {
    world = await createWorld();
    const run = await runAction(
      actionEnv(world, {
        inputs: {
          'smoke-command': "head -c 100000 /dev/zero | tr '\\0' a; echo; sleep 60",
          'redact-patterns': '(a+)+$',
          'timeout-seconds': '5',
          'kill-grace-seconds': '1',
        },
      }),
      { timeoutMs: 30_000 },
    );
    const result = checkedResult(run);
    // One assertion, so a failure under load shows the whole story (status, bytes read, message).
    expect([result.status, result.stdout_bytes, result.message]).toEqual([
      'TIMEOUT',
      100_001,
      expect.stringMatching(/timed out|deadline/i),
    ]);
    // In the job log the line ends where the pattern's `$` does: the live echo redacted it whole.
    expect(/a{1000}/.test(run.stdout)).toBe(false);
  });
});
