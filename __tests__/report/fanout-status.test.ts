// The one commit status and the job summary of a fan-out (SPEC-v2 §5): they name the profiles that did not pass.
import { describe, expect, it } from '@jest/globals';
import type { SmokeResult, SmokeStatus } from '../../src/contracts.js';
import { foldResults } from '../../src/fanout/index.js';
import { commitStatusFor, renderSummary } from '../../src/report/index.js';
import { sampleResult } from '../support/sample-result.js';

const shard = (profile: string, status: SmokeStatus, over: Partial<SmokeResult> = {}) =>
  sampleResult({ profile, status, ...over });
const description = (r: SmokeResult) => commitStatusFor(r)!.description;

describe('commit status of a folded result', () => {
  it('names the profiles that did not pass, after the status', () => {
    const folded = foldResults(
      ['api', 'web', 'worker'],
      [shard('api', 'PASS'), shard('web', 'FAIL'), shard('worker', 'FAIL')],
    );
    expect(commitStatusFor(folded)).toEqual({
      state: 'failure',
      description: 'FAIL in web, worker: exit 3 after 12.4 s (task-2512)',
    });
    const timeout = foldResults(['api'], [shard('api', 'TIMEOUT')]);
    expect(description(timeout)).toBe(
      'TIMEOUT in api: no result within 600 s, process tree killed (task-2512)',
    );
  });

  it('counts beyond three, and stays within 140 characters', () => {
    const names = Array.from({ length: 9 }, (_, i) => `profile-with-a-long-name-${i}`);
    const folded = foldResults(
      names,
      names.map((n) => shard(n, 'FAIL')),
    );
    const d = description(folded);
    expect(d).toMatch(/^FAIL in profile-with-a-long-name-0, profile-with-a-long-name-1, .* \(task-2512\)$/);
    expect(d.length).toBeLessThanOrEqual(140);
    const four = foldResults(
      ['a', 'b', 'c', 'd'],
      ['a', 'b', 'c', 'd'].map((n) => shard(n, 'FAIL')),
    );
    expect(description(four)).toBe('FAIL in a, b, c +1: exit 3 after 12.4 s (task-2512)');
  });

  it('a passing fan-out says how many profiles passed; one that planned nothing says why it is green', () => {
    const passed = foldResults(['api', 'web'], [shard('api', 'PASS'), shard('web', 'PASS')]);
    expect(description(passed)).toBe('PASS, 2 profiles in 12.4 s (task-2512)');
    const nothing = foldResults([], []);
    expect(commitStatusFor(nothing)).toEqual({
      state: 'success',
      description: "skipped: no profile's paths match the files this commit changed",
    });
  });

  it('a missing shard is an error whose description carries the folded message', () => {
    const folded = foldResults(['api', 'web'], [shard('api', 'PASS')]);
    expect(commitStatusFor(folded)).toMatchObject({ state: 'error' });
    expect(description(folded)).toMatch(/^ERROR \(missing_shard\): 1 of 2 profiles did not pass: web ERROR/);
  });

  it('a single run is described as before', () => {
    expect(description(sampleResult({ status: 'FAIL' }))).toBe('FAIL: exit 3 after 12.4 s (task-2512)');
  });
});

describe('job summary of a folded result', () => {
  const ctx = {
    serverUrl: 'https://github.com',
    repository: 'octo/widgets',
    artifactUrl: null,
    packetPath: null,
  };

  it('lists every profile, and the output tails of those that did not pass, escaped', () => {
    const folded = foldResults(
      ['api', 'web'],
      [
        shard('api', 'PASS', { stdout: 'api ok\n' }),
        shard('web', 'FAIL', { stdout: 'web <b>broke</b>\n', stderr: '| table breaker\n' }),
      ],
    );
    const md = renderSummary(folded, ctx);
    expect(md).toContain('### Profiles (2)');
    expect(md).toContain('| <code>api</code> | ✅ PASS | <code>exit&#95;zero</code> | 0 | 12.4 s |');
    expect(md).toContain('| <code>web</code> | ❌ FAIL | <code>exit&#95;nonzero</code> | 3 | 12.4 s |');
    expect(md).toContain('<summary>web: stdout (last lines)</summary>');
    expect(md).toContain('web &lt;b&gt;broke&lt;/b&gt;');
    expect(md).not.toContain('api: stdout (last lines)');
    expect(md).not.toContain('<b>broke');
  });

  it('a single run has no profiles section', () => {
    expect(renderSummary(sampleResult({ status: 'FAIL' }), ctx)).not.toContain('### Profiles');
  });
});
