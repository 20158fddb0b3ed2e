// The twelve regression cases of task-2512 (seeds/000, "필수 회귀 테스트 12건"), by name, against the real
// pipeline: real git (bare origin + clone), real child processes, the packet read back from disk.
import { afterEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CriticalEscalationType, EscalationPacket, SmokeResult } from '../../src/contracts.js';
import { replayFixture } from '../../src/replay/replay.js';
import { runLocal, type LocalRun } from '../support/local-run.js';
import { silentLog } from '../support/logs.js';

const posix = process.platform !== 'win32';
const itPosix = posix ? it : it.skip;
const runs: LocalRun[] = [];
const local = async (...args: Parameters<typeof runLocal>) => {
  const run = await runLocal(...args);
  runs.push(run);
  return run;
};
afterEach(() => {
  for (const r of runs.splice(0)) r.fixture.cleanup();
});

describe('task-2512 regression', () => {
  it('1. PASS smoke: exit code 0 gives status PASS', async () => {
    const r = await local({ 'smoke-command': 'echo smoke ok' });
    expect(r.result.status).toBe('PASS');
    expect(r.result.reason).toBe('exit_zero');
    expect(r.result.exit_code).toBe(0);
    expect(r.result.stdout).toBe('smoke ok\n');
    expect(r.packet).toBeNull();
    expect(r.failed).toBe(false);
  });

  it('2. FAIL smoke: a non-zero exit gives FAIL and a Critical #7 packet', async () => {
    const r = await local({ 'smoke-command': 'echo broken >&2; exit 3' });
    expect(r.result.status).toBe('FAIL');
    expect(r.result.exit_code).toBe(3);
    expect(r.packet?.evidence).toMatchObject({ status: 'FAIL', exit_code: 3, stderr_tail: 'broken\n' });
    expect(r.failed).toBe(true);
  });

  itPosix('3. timeout smoke: the deadline gives TIMEOUT and a Critical #7 packet', async () => {
    const r = await local({
      'smoke-command': 'sleep 30',
      'timeout-seconds': '0.5',
      'kill-grace-seconds': '0.5',
    });
    expect(r.result.status).toBe('TIMEOUT');
    expect(r.result.reason).toBe('deadline_exceeded');
    expect(r.result.signal).toBe('SIGTERM');
    expect(r.packet?.evidence.status).toBe('TIMEOUT');
  });

  it('4. missing smoke command with dry_run=True gives SKIPPED', async () => {
    const r = await local({ 'dry-run': 'true' });
    expect(r.result.status).toBe('SKIPPED');
    expect(r.result.reason).toBe('no_command');
    expect(r.result.smoke_command).toBeNull();
    expect(r.packet).toBeNull();
    expect(r.failed).toBe(false);
  });

  it('5. missing smoke command with dry_run=False gives BLOCKED and escalates', async () => {
    const r = await local({ 'dry-run': 'false' });
    expect(r.result.status).toBe('BLOCKED');
    expect(r.result.reason).toBe('no_command');
    expect(r.packet?.evidence.status).toBe('BLOCKED');
    expect(r.failed).toBe(true);
  });

  it('6. stdout capture keeps the head and the tail', async () => {
    // 1000 numbered lines of 20 bytes: 20000 bytes, far over a 1 KiB cap.
    const r = await local({
      'smoke-command': `node -e "for (let i = 0; i < 1000; i++) console.log('line ' + String(i).padStart(14, '0'))"`,
      'max-output-bytes': '1024',
    });
    const out = r.result.stdout!;
    expect(r.result.stdout_bytes).toBe(20000);
    expect(r.result.stdout_truncated).toBe(true);
    expect(out.startsWith('line 00000000000000\nline 00000000000001\n')).toBe(true);
    expect(out.endsWith('line 00000000000999\n')).toBe(true);
    expect(out).toMatch(/…\[18976 bytes truncated\]…/);
    expect(Buffer.byteLength(out.replace(/…\[\d+ bytes truncated\]…/, ''))).toBe(1024);
  });

  it('7. stderr capture respects the size cap and stays apart from stdout', async () => {
    const r = await local({
      'smoke-command': `node -e "process.stderr.write('E'.repeat(100000)); process.stdout.write('only stdout')"`,
      'max-output-bytes': '4096',
    });
    expect(r.result.stderr_bytes).toBe(100000);
    expect(r.result.stderr_truncated).toBe(true);
    expect(Buffer.byteLength(r.result.stderr!)).toBeLessThan(4096 + 64);
    expect(r.result.stderr).not.toContain('only stdout');
    expect(r.result.stdout).toBe('only stdout');
    expect(r.result.stdout_truncated).toBe(false);
  });

  it('8. JSON serialization: the SmokeResult round-trips through JSON and the schema', async () => {
    const r = await local({ 'smoke-command': 'echo "quotes \\" and ünïcödé ✓"' });
    const json = JSON.stringify(r.result);
    expect(SmokeResult.parse(JSON.parse(json))).toEqual(r.result);
    expect(JSON.parse(readFileSync(r.resultPath!, 'utf8'))).toEqual(r.result);
    expect(JSON.parse(r.outputs.result!)).toEqual(r.result);
  });

  it('9. the Critical #7 packet is exactly POST_MERGE_SMOKE_FAILED (7)', async () => {
    const r = await local({ 'smoke-command': 'exit 1' });
    const packet = EscalationPacket.parse(r.packet);
    expect(packet.escalation_type).toBe('POST_MERGE_SMOKE_FAILED');
    expect(packet.critical_no).toBe(7);
    expect(CriticalEscalationType.POST_MERGE_SMOKE_FAILED).toBe(7);
    expect(CriticalEscalationType[packet.critical_no]).toBe(packet.escalation_type);
  });

  it('10. merge_commit propagation: the input SHA reaches the result and the packet unchanged', async () => {
    const r = await local({ 'smoke-command': 'exit 1' });
    expect(r.result.merge_commit).toBe(r.sha);
    expect(r.packet!.merge_commit).toBe(r.sha);
    expect(r.packet!.idempotency_key).toBe(`task-2512::POST_MERGE_SMOKE_FAILED::${r.sha}`);
    expect(r.outputs['merge-commit']).toBe(r.sha);
  });

  it.each(['task-2506', 'task-2507', 'task-2509', 'task-2511'])(
    '11. replay smoke fixture %s reproduces its PASS',
    async (name) => {
      const outcome = await replayFixture(join(process.cwd(), 'fixtures', 'replay', name), {
        writeLive: () => {},
        log: silentLog(),
      });
      expect(outcome.differences).toEqual([]);
      expect(outcome.result?.status).toBe('PASS');
    },
  );

  it('12. merge_queue continuation: true on PASS (and policy-allowed SKIPPED), false on failures', async () => {
    const pass = await local({ 'smoke-command': 'true' });
    expect(pass.result.continuation).toEqual({
      allow_continuation: true,
      reason: 'smoke passed on the merge commit',
    });
    expect(pass.result.merge_queue_continuation_ready).toBe(true);
    expect(pass.outputs['continuation-ready']).toBe('true');
    const skipped = await local({ 'dry-run': 'true' });
    expect(skipped.result.merge_queue_continuation_ready).toBe(true);
    for (const inputs of [{ 'smoke-command': 'false' }, { 'dry-run': 'false' }]) {
      const r = await local(inputs);
      expect(r.result.continuation.allow_continuation).toBe(false);
      expect(r.outputs['continuation-ready']).toBe('false');
    }
  });
});
