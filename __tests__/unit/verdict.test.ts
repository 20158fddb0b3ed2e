import { describe, expect, it } from '@jest/globals';
import { SMOKE_STATUSES, SmokeResult, type SmokeStatus } from '../../src/contracts.js';
import { buildResult, emptyFacts } from '../../src/pipeline/facts.js';
import { continuationFor, jobFails, packetDue } from '../../src/pipeline/policy.js';

// SPEC §2, one row per status: job fails? packet? continuation-ready?
const TABLE: Record<SmokeStatus, [boolean, boolean, boolean]> = {
  PASS: [false, false, true],
  FAIL: [true, true, false],
  TIMEOUT: [true, true, false],
  SKIPPED: [false, false, true],
  BLOCKED: [true, true, false],
  STALE: [false, false, false],
  ERROR: [true, true, false],
  CANCELLED: [true, false, false],
};

describe('the SPEC §2 status table', () => {
  it.each(SMOKE_STATUSES)('%s', (status) => {
    const [fails, packet, continues] = TABLE[status];
    expect(jobFails(status, 'skip')).toBe(fails);
    expect(packetDue(status)).toBe(packet);
    expect(continuationFor(status).allow_continuation).toBe(continues);
  });

  it('STALE fails the job only with on-stale: fail', () => {
    expect(jobFails('STALE', 'skip')).toBe(false);
    expect(jobFails('STALE', 'run')).toBe(false);
    expect(jobFails('STALE', 'fail')).toBe(true);
  });
});

describe('buildResult', () => {
  it('fills every field (null where unknown) and passes the schema', () => {
    const facts = emptyFacts(true);
    const result = buildResult(facts, { status: 'SKIPPED', reason: 'no_command', message: 'nothing to run' });
    expect(SmokeResult.parse(result)).toEqual(result);
    expect(result).toMatchObject({
      merge_commit: null,
      exit_code: null,
      stdout: null,
      attempts: [],
      dry_run: true,
      merge_queue_continuation_ready: true,
      continuation: { allow_continuation: true },
    });
  });

  it('rejects a reason that does not belong to the status', () => {
    const result = buildResult(emptyFacts(false), { status: 'PASS', reason: 'exit_nonzero', message: 'x' });
    expect(() => SmokeResult.parse(result)).toThrow(/does not belong to status PASS/);
  });

  it('carries execution facts and the merge commit unchanged', () => {
    const facts = emptyFacts(false);
    facts.mergeCommit = 'c'.repeat(40);
    facts.execution = {
      exitCode: 3,
      signal: null,
      durationMs: 1200,
      startedAt: '2026-05-09T01:00:00.000Z',
      finishedAt: '2026-05-09T01:00:01.200Z',
      stdout: 'out',
      stderr: 'err',
      stdoutBytes: 3,
      stderrBytes: 3,
      stdoutTruncated: false,
      stderrTruncated: false,
      attempts: [{ exit_code: 3, signal: null, status: 'FAIL', duration_ms: 1200 }],
      flaky: false,
      orphansKilled: 0,
      containment: 'process-group',
    };
    const result = SmokeResult.parse(
      buildResult(facts, { status: 'FAIL', reason: 'exit_nonzero', message: 'm' }),
    );
    expect(result.merge_commit).toBe('c'.repeat(40));
    expect(result.exit_code).toBe(3);
    expect(result.merge_queue_continuation_ready).toBe(false);
  });
});
