import { describe, expect, it } from '@jest/globals';
import { SmokeResult } from '../../src/contracts.js';
import { buildOutputs as buildFromSources, resultOutputs, shrinkResult } from '../../src/report/outputs.js';
import { validateResult } from '../../src/report/validate.js';
import { OUTPUT_NAMES } from '../../src/settings/index.js';
import { sampleResult, SAMPLE_SHA } from '../support/sample-result.js';

interface Extra {
  resultPath: string | null;
  packetPath: string | null;
  artifactId: number | null;
  artifactUrl: string | null;
}
const NO_EXTRA: Extra = { resultPath: null, packetPath: null, artifactId: null, artifactUrl: null };

/** The outputs of a `run` whose result is `result`. */
function buildOutputs(result: SmokeResult, extra: Extra, max?: number) {
  const artifact = extra.artifactId === null ? null : { id: extra.artifactId, url: extra.artifactUrl };
  const input = resultOutputs('run', result, {
    resultPath: extra.resultPath,
    packetPath: extra.packetPath,
    artifact,
  });
  return buildFromSources(input, max);
}

describe('buildOutputs', () => {
  it('sets every output, with values from the result and the extras', () => {
    const result = sampleResult({ status: 'FAIL' });
    const out = buildOutputs(result, {
      resultPath: '/tmp/r/smoke-result.json',
      packetPath: '/tmp/r/escalation/escalation-packet.json',
      artifactId: 1234,
      artifactUrl: 'https://github.com/o/r/actions/runs/1/artifacts/1234',
    });
    expect(Object.keys(out).sort()).toEqual([...OUTPUT_NAMES].sort());
    expect(out).toEqual({
      status: 'FAIL',
      result: JSON.stringify(result),
      'result-path': '/tmp/r/smoke-result.json',
      'merge-commit': SAMPLE_SHA,
      'origin-head': SAMPLE_SHA,
      'task-id': 'task-2512',
      'pr-number': '62',
      'exit-code': '3',
      'duration-ms': '12400',
      'continuation-ready': 'false',
      'packet-path': '/tmp/r/escalation/escalation-packet.json',
      'artifact-id': '1234',
      'artifact-url': 'https://github.com/o/r/actions/runs/1/artifacts/1234',
      mode: 'run',
      'green-sha': '',
      matrix: '',
      profiles: '',
      'issue-number': '',
      'main-state': '',
      'red-since': '',
      bypassed: '',
    });
  });

  it("uses '' for everything not applicable (a BLOCKED run that never ran)", () => {
    const result = sampleResult({
      status: 'BLOCKED',
      merge_commit: null,
      origin_head: null,
      origin_head_after: null,
      task_id: null,
      pr_number: null,
    });
    const out = buildOutputs(result, NO_EXTRA);
    for (const name of OUTPUT_NAMES) expect(typeof out[name]).toBe('string');
    expect(out).toMatchObject({
      status: 'BLOCKED',
      'result-path': '',
      'merge-commit': '',
      'origin-head': '',
      'task-id': '',
      'pr-number': '',
      'exit-code': '',
      'duration-ms': '',
      'continuation-ready': 'false',
      'packet-path': '',
      'artifact-id': '',
      'artifact-url': '',
    });
    expect(SmokeResult.parse(JSON.parse(out.result))).toEqual(result);
  });

  it("continuation-ready is 'true' for PASS and SKIPPED", () => {
    expect(buildOutputs(sampleResult(), NO_EXTRA)['continuation-ready']).toBe('true');
    expect(buildOutputs(sampleResult({ status: 'SKIPPED' }), NO_EXTRA)['continuation-ready']).toBe('true');
    expect(buildOutputs(sampleResult({ status: 'STALE' }), NO_EXTRA)['continuation-ready']).toBe('false');
  });

  it('shrinks a huge result to fit the output limit, keeping tails and schema validity', () => {
    const stdout = 'x'.repeat(700_000) + 'THE END OF STDOUT\n';
    const stderr = '"\\\n\u0001'.repeat(200_000) + 'stderr tail ✓'; // expands a lot when JSON-escaped
    const result = sampleResult({
      status: 'FAIL',
      stdout,
      stderr,
      stdout_bytes: Buffer.byteLength(stdout),
      stderr_bytes: Buffer.byteLength(stderr),
    });
    const out = buildOutputs(result, NO_EXTRA);
    expect(Buffer.byteLength(out.result)).toBeLessThanOrEqual(900_000);
    const parsed = SmokeResult.parse(JSON.parse(out.result));
    expect(parsed.stdout!.endsWith('THE END OF STDOUT\n')).toBe(true);
    expect(parsed.stdout!.startsWith('…[')).toBe(true);
    expect(parsed.stdout).toMatch(/^…\[\d+ bytes dropped to fit the job output limit\]…\n/);
    expect(parsed.stderr!.endsWith('stderr tail ✓')).toBe(true);
    expect(parsed.stdout_truncated).toBe(true);
    expect(parsed.stderr_truncated).toBe(true);
    // Byte totals stay the real ones.
    expect(parsed.stdout_bytes).toBe(result.stdout_bytes);
    // The budget is used, not wasted.
    expect(Buffer.byteLength(out.result)).toBeGreaterThan(850_000);
  });

  it('a small stream keeps all of its text while the big one gives way', () => {
    const result = sampleResult({ status: 'FAIL', stdout: 'y'.repeat(2_000_000), stderr: 'short stderr' });
    const shrunk = shrinkResult(result, 100_000);
    expect(shrunk.stderr).toBe('short stderr');
    expect(shrunk.stderr_truncated).toBe(false);
    expect(Buffer.byteLength(JSON.stringify(shrunk))).toBeLessThanOrEqual(100_000);
    expect(() => validateResult(shrunk)).not.toThrow();
  });

  it('when the streams are not enough, a giant command and message keep their heads', () => {
    const result = sampleResult({
      status: 'FAIL',
      smoke_command: 'echo start; ' + 'c'.repeat(300_000),
      message: 'The command failed: ' + 'm'.repeat(300_000),
    });
    const shrunk = shrinkResult(result, 50_000);
    expect(Buffer.byteLength(JSON.stringify(shrunk))).toBeLessThanOrEqual(50_000);
    expect(shrunk.smoke_command!.startsWith('echo start; ')).toBe(true);
    expect(() => validateResult(shrunk)).not.toThrow();
  });

  it('returns the same object when it fits', () => {
    const result = sampleResult();
    expect(shrinkResult(result)).toBe(result);
  });
});

describe('validateResult', () => {
  it('returns a valid result', () => {
    const result = sampleResult();
    expect(validateResult(result)).toEqual(result);
  });

  it('throws one readable line per issue', () => {
    const bad = { ...sampleResult(), status: 'MAYBE', pr_number: -1, merge_commit: 'abc' };
    let message = '';
    try {
      validateResult(bad);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^SmokeResult does not match post-merge-smoke\/smoke-result@2:\n/);
    expect(message).toMatch(/\n {2}- status: /);
    expect(message).toMatch(/\n {2}- pr_number: /);
    expect(message).toMatch(/\n {2}- merge_commit: .*40-hex/);
  });
});
