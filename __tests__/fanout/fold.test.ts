// The fold of a fan-out's shard results into one SmokeResult (SPEC-v2 §5): pure, so every rule is checked
// on plain values, and every folded result must pass the SmokeResult schema.
import { describe, expect, it } from '@jest/globals';
import { SmokeResult, type SmokeStatus } from '../../src/contracts.js';
import {
  decidingProfile,
  foldResults,
  foldShards,
  PROFILE_TAIL_BYTES,
  SEVERITY,
} from '../../src/fanout/index.js';
import { STATUS_POLICY } from '../../src/pipeline/index.js';
import { buildPacket } from '../../src/report/index.js';
import { sampleResult, SAMPLE_SHA } from '../support/sample-result.js';

const shard = (profile: string | null, status: SmokeStatus, over: Partial<SmokeResult> = {}) =>
  sampleResult({ profile, status, smoke_command: `make smoke-${profile ?? 'x'}`, ...over });

/** The fold, checked against the schema (a folded result is published like any other). */
function fold(planned: string[], results: SmokeResult[]): SmokeResult {
  const folded = foldResults(planned, results);
  const parsed = SmokeResult.safeParse(folded);
  if (!parsed.success) throw new Error(`not a valid SmokeResult: ${parsed.error.message}`);
  return folded;
}

describe('foldResults: which status decides', () => {
  it('follows ERROR > TIMEOUT > FAIL > BLOCKED > PASS > SKIPPED (SPEC-v2 §5)', () => {
    const order: SmokeStatus[] = ['ERROR', 'TIMEOUT', 'FAIL', 'BLOCKED', 'PASS', 'SKIPPED'];
    expect(SEVERITY.filter((s) => order.includes(s))).toEqual(order);
    // Every pair: the worse one decides, whichever comes first.
    for (const [i, worse] of order.entries()) {
      for (const better of order.slice(i + 1)) {
        for (const pair of [
          [shard('a', worse), shard('b', better)],
          [shard('a', better), shard('b', worse)],
        ]) {
          expect(fold(['a', 'b'], pair).status).toBe(worse);
        }
      }
    }
  });

  it('ranks a shard without a verdict (CANCELLED, STALE) above PASS: that profile went untested', () => {
    expect(fold(['a', 'b'], [shard('a', 'PASS'), shard('b', 'STALE')]).status).toBe('STALE');
    expect(fold(['a', 'b'], [shard('a', 'STALE'), shard('b', 'CANCELLED')]).status).toBe('CANCELLED');
    expect(fold(['a', 'b'], [shard('a', 'CANCELLED'), shard('b', 'BLOCKED')]).status).toBe('BLOCKED');
    expect(fold(['a', 'b'], [shard('a', 'STALE'), shard('b', 'FAIL')]).status).toBe('FAIL');
  });

  it('among equals the first in plan order decides, whatever order the results came in', () => {
    const folded = fold(['web', 'api'], [shard('api', 'FAIL'), shard('web', 'FAIL')]);
    expect(folded.profile).toBe('web');
    expect(folded.smoke_command).toBe('make smoke-web');
  });
});

describe('foldResults: missing and unexpected shards', () => {
  it('a planned profile without a result is ERROR missing_shard, and decides over FAIL', () => {
    const folded = fold(['api', 'web', 'worker'], [shard('api', 'PASS'), shard('worker', 'FAIL')]);
    expect(folded.status).toBe('ERROR');
    expect(folded.reason).toBe('missing_shard');
    expect(folded.profile).toBe('web');
    expect(folded.profiles).toEqual([
      expect.objectContaining({ profile: 'api', status: 'PASS', reason: 'exit_zero' }),
      {
        profile: 'web',
        status: 'ERROR',
        reason: 'missing_shard',
        exit_code: null,
        duration_ms: null,
        stdout_tail: '',
        stderr_tail: '',
      },
      expect.objectContaining({ profile: 'worker', status: 'FAIL', reason: 'exit_nonzero', exit_code: 3 }),
    ]);
    expect(folded.message).toMatch(
      /^2 of 3 profiles did not pass: web ERROR \(missing_shard\), worker FAIL \(exit_nonzero\)\. web: profile web was planned, but no result of its run job arrived/,
    );
    // The missing shard has no evidence; the commit's facts still come from the shards that reported.
    expect(folded.smoke_command).toBeNull();
    expect(folded.exit_code).toBeNull();
    expect(folded.merge_commit).toBe(SAMPLE_SHA);
  });

  it('no result at all: every planned profile is missing', () => {
    const folded = fold(['api', 'web'], []);
    expect(folded.status).toBe('ERROR');
    expect(folded.profiles?.map((p) => p.reason)).toEqual(['missing_shard', 'missing_shard']);
    expect(folded.merge_commit).toBeNull();
    expect(folded.merge_queue_continuation_ready).toBe(false);
  });

  it('a result for a profile the plan did not name still counts (after the planned ones)', () => {
    const folded = fold(['api'], [shard('api', 'PASS'), shard('extra', 'FAIL')]);
    expect(folded.status).toBe('FAIL');
    expect(folded.profiles?.map((p) => p.profile)).toEqual(['api', 'extra']);
  });

  it('two results for one profile: the worse counts; a profile planned twice is one shard', () => {
    const folded = fold(
      ['api', 'api'],
      [shard('api', 'PASS'), shard('api', 'TIMEOUT'), shard('api', 'PASS')],
    );
    expect(folded.profiles).toHaveLength(1);
    expect(folded.status).toBe('TIMEOUT');
  });

  it('a run that named no profile is the shard `default`', () => {
    const folded = fold(['default'], [shard(null, 'PASS', { command_source: 'input' })]);
    expect(folded.status).toBe('PASS');
    expect(folded.profiles?.map((p) => p.profile)).toEqual(['default']);
    expect(folded.profile).toBeNull();
  });

  it('nothing planned and nothing received: SKIPPED no_profile_matched, main may go on', () => {
    const folded = fold([], []);
    expect(folded).toMatchObject({
      status: 'SKIPPED',
      reason: 'no_profile_matched',
      profiles: [],
      profile: null,
      merge_queue_continuation_ready: true,
      continuation: { allow_continuation: true },
    });
    expect(folded.message).toMatch(/No profile was planned for this commit/);
    expect(STATUS_POLICY[folded.status].commitState).toBe('success');
  });
});

describe('foldResults: the folded result', () => {
  const api = shard('api', 'PASS', {
    started_at: '2025-01-02T03:04:05.000Z',
    finished_at: '2025-01-02T03:04:07.000Z',
    duration_ms: 2000,
    orphans_killed: 1,
  });
  const web = shard('web', 'FAIL', {
    started_at: '2025-01-02T03:04:06.000Z',
    finished_at: '2025-01-02T03:04:10.500Z',
    duration_ms: 4500,
    exit_code: 7,
    stdout: 'web smoke\nassertion failed\n',
    stderr: 'boom\n',
    attempts: [{ exit_code: 7, signal: null, status: 'FAIL', duration_ms: 4500 }],
    timeout_seconds: 120,
    orphans_killed: 2,
    containment: 'process-group',
  });

  it('carries the deciding shard as evidence: status, reason, exit code, output, command, attempts', () => {
    const folded = fold(['api', 'web'], [api, web]);
    expect(folded).toMatchObject({
      status: 'FAIL',
      reason: 'exit_nonzero',
      profile: 'web',
      exit_code: 7,
      smoke_command: 'make smoke-web',
      stdout: 'web smoke\nassertion failed\n',
      stderr: 'boom\n',
      timeout_seconds: 120,
      containment: 'process-group',
      attempts: [{ exit_code: 7, signal: null, status: 'FAIL', duration_ms: 4500 }],
    });
    expect(folded.message).toBe(
      '1 of 2 profiles did not pass: web FAIL (exit_nonzero). web: The smoke run ended with fail.',
    );
  });

  it('spans the fan-out in time: the first start, the last end, the wall time between them', () => {
    const folded = fold(['api', 'web'], [api, web]);
    expect(folded.started_at).toBe('2025-01-02T03:04:05.000Z');
    expect(folded.finished_at).toBe('2025-01-02T03:04:10.500Z');
    expect(folded.duration_ms).toBe(5500);
    expect(folded.profiles?.map((p) => p.duration_ms)).toEqual([2000, 4500]);
  });

  it('sums leftovers killed; stale, dry-run and flaky hold when any shard says so', () => {
    const folded = fold(['api', 'web'], [api, web]);
    expect(folded.orphans_killed).toBe(3);
    expect(folded).toMatchObject({ stale: false, dry_run: false, flaky: false });
    const flaky = fold(['api', 'web'], [api, shard('web', 'PASS', { flaky: true, stale: true })]);
    expect(flaky).toMatchObject({ status: 'PASS', flaky: true, stale: true });
  });

  it('takes the continuation from the policy table, and leaves what the caller owns undone', () => {
    for (const status of ['PASS', 'FAIL', 'ERROR', 'SKIPPED'] as const) {
      const folded = fold(['a'], [shard('a', status)]);
      expect(folded.continuation).toEqual(STATUS_POLICY[status].continuation);
      expect(folded.merge_queue_continuation_ready).toBe(
        STATUS_POLICY[status].continuation.allow_continuation,
      );
    }
    const folded = fold(['api', 'web'], [api, web]);
    expect(folded).toMatchObject({ mode: 'report', run: null, green_sha: null, issue_number: null });
    expect(Object.values(folded.reporting)).toEqual(Array(6).fill('pending'));
  });

  it('keeps the facts of the commit from the shards', () => {
    const queued = shard('web', 'PASS', {
      event: 'merge_group',
      queue: { head_ref: 'refs/heads/gh-readonly-queue/main/pr-62-' + SAMPLE_SHA, base_sha: SAMPLE_SHA },
    });
    const folded = fold(['api', 'web'], [api, queued]);
    expect(folded).toMatchObject({
      merge_commit: SAMPLE_SHA,
      base_branch: 'main',
      task_id: 'task-2512',
      pr_number: 62,
      event: 'push',
      queue: queued.queue,
    });
  });

  it('names every failing profile, and counts beyond twenty', () => {
    const names = Array.from({ length: 25 }, (_, i) => `p${i}`);
    const folded = fold(
      names,
      names.map((n) => shard(n, 'FAIL')),
    );
    expect(folded.message).toMatch(
      /^25 of 25 profiles did not pass: p0 FAIL \(exit_nonzero\), .*p19 FAIL \(exit_nonzero\) and 5 more\. p0: /,
    );
    const passed = fold(['api', 'docs'], [shard('api', 'PASS'), shard('docs', 'SKIPPED')]);
    expect(passed.status).toBe('PASS');
    expect(passed.message).toMatch(/^2 profiles, none failed: api PASS, docs SKIPPED\. api: /);
  });

  it('keeps the last KiB of each stream per profile, cut on a character boundary', () => {
    const long = 'é'.repeat(2000) + 'END\n';
    const folded = fold(['a'], [shard('a', 'FAIL', { stdout: long, stderr: 'short\n' })]);
    const tail = folded.profiles![0]!.stdout_tail;
    expect(Buffer.byteLength(tail)).toBeLessThanOrEqual(PROFILE_TAIL_BYTES);
    expect(tail.endsWith('éEND\n')).toBe(true);
    expect(long.endsWith(tail)).toBe(true);
    expect(folded.profiles![0]!.stderr_tail).toBe('short\n');
  });

  it('gives a packet that names the failing profiles', () => {
    const folded = fold(['api', 'web', 'worker'], [api, web]);
    const packet = buildPacket(folded, { repository: 'octo/widgets', runUrl: null, now: new Date(0) });
    expect(packet.profiles?.filter((p) => p.status !== 'PASS').map((p) => p.profile)).toEqual([
      'web',
      'worker',
    ]);
    expect(packet.evidence.message).toMatch(/web FAIL \(exit_nonzero\), worker ERROR \(missing_shard\)/);
    // The missing shard decides (ERROR), so it has no output to show; each profile's own tail travels along.
    expect(packet.evidence.stdout_tail).toBe('');
    expect(packet.profiles?.[1]).toMatchObject({
      profile: 'web',
      stdout_tail: 'web smoke\nassertion failed\n',
    });
  });

  it('a fold of a fold is the same verdict (a report may receive an already folded result)', () => {
    const once = fold(['api', 'web'], [api, web]);
    const twice = fold(['web'], [once]);
    expect(twice.status).toBe(once.status);
    expect(twice.exit_code).toBe(once.exit_code);
  });
});

describe('foldShards: results under the names their jobs ran as', () => {
  it('keys each result by the name given, not by what the result says (a report job knows the artifact)', () => {
    // The default shard's job named no profile; its run resolved profile api through the registry default.
    const folded = foldShards(
      ['default', 'web'],
      [
        { profile: 'default', result: shard('api', 'FAIL') },
        { profile: 'web', result: shard('web', 'PASS') },
      ],
    );
    expect(SmokeResult.safeParse(folded).success).toBe(true);
    expect(folded.profiles?.map((p) => `${p.profile} ${p.status}`)).toEqual(['default FAIL', 'web PASS']);
    expect(decidingProfile(folded)).toBe('default');
    expect(folded.profile).toBe('api'); // the deciding result's own profile, as it ran
  });

  it('a shard known to be missing carries its reason into the message; it counts even when unplanned', () => {
    const folded = foldShards(
      ['web'],
      [{ profile: 'web', result: shard('web', 'PASS') }],
      [{ profile: 'api', why: 'it is about fedcba9, not 0123456' }],
    );
    expect(folded).toMatchObject({ status: 'ERROR', reason: 'missing_shard', profile: 'api' });
    expect(folded.message).toBe(
      '1 of 2 profiles did not pass: api ERROR (missing_shard). api: no usable result: it is about fedcba9, not 0123456',
    );
    expect(decidingProfile(folded)).toBe('api');
    // A result for the same shard wins over its being reported missing.
    const both = foldShards(
      ['web'],
      [{ profile: 'web', result: shard('web', 'PASS') }],
      [{ profile: 'web', why: 'an older attempt could not be read' }],
    );
    expect(both.status).toBe('PASS');
  });

  it('decidingProfile: the first of the worst, null for an empty fold', () => {
    const folded = foldResults(['a', 'b', 'c'], [shard('a', 'PASS'), shard('b', 'FAIL'), shard('c', 'FAIL')]);
    expect(decidingProfile(folded)).toBe('b');
    expect(decidingProfile(foldResults([], []))).toBeNull();
  });
});
