import { describe, expect, it } from '@jest/globals';
import { CriticalEscalationType, EscalationPacket } from '../../src/contracts.js';
import { buildPacket, idempotencyKey } from '../../src/report/packet.js';
import { sampleResult, SAMPLE_SHA } from '../support/sample-result.js';

const NOW = new Date('2025-01-02T03:05:00.000Z');
const CTX = {
  repository: 'octo/widgets',
  runUrl: 'https://github.com/octo/widgets/actions/runs/4242',
  now: NOW,
};

describe('buildPacket', () => {
  it('is a Critical #7 POST_MERGE_SMOKE_FAILED packet with the evidence of the result', () => {
    const result = sampleResult({ status: 'FAIL', stdout: 'out\n', stderr: 'boom\n' });
    const packet = buildPacket(result, CTX);
    expect(EscalationPacket.parse(packet)).toEqual(packet);
    expect(packet.critical_no).toBe(7);
    expect(packet.critical_no).toBe(CriticalEscalationType.POST_MERGE_SMOKE_FAILED);
    expect(packet.escalation_type).toBe('POST_MERGE_SMOKE_FAILED');
    expect(packet).toMatchObject({
      schema: 'post-merge-smoke/escalation-packet@2',
      idempotency_key: `task-2512::POST_MERGE_SMOKE_FAILED::${SAMPLE_SHA}`,
      merge_commit: SAMPLE_SHA,
      task_id: 'task-2512',
      pr_number: 62,
      repository: 'octo/widgets',
      run_url: 'https://github.com/octo/widgets/actions/runs/4242',
      created_at: '2025-01-02T03:05:00.000Z',
      evidence: {
        status: 'FAIL',
        reason: 'exit_nonzero',
        message: result.message,
        smoke_command: 'npm run smoke:api',
        command_source: 'registry',
        exit_code: 3,
        signal: null,
        duration_ms: 12_400,
        origin_head: SAMPLE_SHA,
        stdout_tail: 'out\n',
        stderr_tail: 'boom\n',
      },
    });
  });

  it('falls back to the run info of the result for repository and run URL', () => {
    const packet = buildPacket(sampleResult({ status: 'ERROR' }), {
      repository: null,
      runUrl: null,
      now: NOW,
    });
    expect(packet.repository).toBe('octo/widgets');
    expect(packet.run_url).toBe('https://github.com/octo/widgets/actions/runs/4242');
    const bare = buildPacket(sampleResult({ status: 'ERROR', run: null }), {
      repository: null,
      runUrl: null,
      now: NOW,
    });
    expect(bare.repository).toBeNull();
    expect(bare.run_url).toBeNull();
  });

  it('uses empty tails when nothing was captured (BLOCKED)', () => {
    const packet = buildPacket(sampleResult({ status: 'BLOCKED' }), CTX);
    expect(packet.evidence.stdout_tail).toBe('');
    expect(packet.evidence.stderr_tail).toBe('');
  });

  it('keeps the last 4 KiB of each stream, cut on a UTF-8 boundary', () => {
    // 'é' is 2 bytes and '✓' 3: a 4096-byte cut lands inside a character unless it is moved.
    const stdout = 'HEAD ' + 'é'.repeat(5000) + ' END';
    const stderr = 'x' + '✓'.repeat(3000);
    const packet = buildPacket(sampleResult({ status: 'FAIL', stdout, stderr }), CTX);
    const out = packet.evidence.stdout_tail;
    const err = packet.evidence.stderr_tail;
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(4096);
    expect(Buffer.byteLength(out)).toBeGreaterThanOrEqual(4094);
    expect(out.endsWith('é END')).toBe(true);
    expect(stdout.endsWith(out)).toBe(true); // a real suffix: no replacement character
    expect(out).not.toContain('\uFFFD');
    expect(Buffer.byteLength(err)).toBe(4095); // 1365 whole ✓
    expect(err).toBe('✓'.repeat(1365));
  });
});

describe('idempotencyKey', () => {
  it.each([
    [
      { task_id: 'task-7', pr_number: 9, merge_commit: SAMPLE_SHA },
      `task-7::POST_MERGE_SMOKE_FAILED::${SAMPLE_SHA}`,
    ],
    [
      { task_id: null, pr_number: 9, merge_commit: SAMPLE_SHA },
      `pr-9::POST_MERGE_SMOKE_FAILED::${SAMPLE_SHA}`,
    ],
    [
      { task_id: null, pr_number: null, merge_commit: SAMPLE_SHA },
      `0123456::POST_MERGE_SMOKE_FAILED::${SAMPLE_SHA}`,
    ],
    [{ task_id: null, pr_number: null, merge_commit: null }, 'unknown::POST_MERGE_SMOKE_FAILED::unknown'],
  ])('%j → %s', (fields, key) => {
    expect(idempotencyKey(fields)).toBe(key);
  });

  it('is the same across re-runs of the same merge', () => {
    const a = buildPacket(sampleResult({ status: 'FAIL' }), CTX);
    const b = buildPacket(
      sampleResult({ status: 'TIMEOUT', run: { ...sampleResult().run!, run_attempt: 2 } }),
      { ...CTX, now: new Date() },
    );
    expect(a.idempotency_key).toBe(b.idempotency_key);
  });
});
