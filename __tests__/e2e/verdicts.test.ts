// The built action, end to end, for each verdict: PASS, FAIL, TIMEOUT, STALE, BLOCKED, SKIPPED.
import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EscalationPacket, SmokeResult } from '../../src/contracts.js';
import { readZip } from '../support/zip.js';
import {
  actionEnv,
  checkedResult,
  commandView,
  createWorld,
  describeRun,
  killAll,
  postedStatuses,
  readPids,
  REPOSITORY,
  RUN_ID,
  runAction,
  sq,
  STACK_TRACE,
  survivors,
  type World,
} from './harness.js';

const posix = process.platform === 'win32' ? it.skip : it;

let world: World | null = null;
let leftovers: number[] = [];
afterEach(async () => {
  killAll(leftovers);
  leftovers = [];
  await world?.cleanup();
  world = null;
});

const runUrl = (attempt = 1) => `https://github.com/${REPOSITORY}/actions/runs/${RUN_ID}/attempts/${attempt}`;

describe('the built action (dist/index.js) as the runner runs it', () => {
  it('PASS: exit 0, outputs, pending then success status, summary, no artifact', async () => {
    world = await createWorld();
    const run = await runAction(actionEnv(world, { inputs: { 'smoke-command': 'echo ok' } }));
    expect([run.exitCode, describeRun(run)]).toEqual([0, expect.any(String)]);
    const result = checkedResult(run);
    expect(run.outputs.status).toBe('PASS');
    expect(run.outputs['continuation-ready']).toBe('true');
    expect(run.outputs['exit-code']).toBe('0');
    expect(run.outputs['merge-commit']).toBe(world.mergeCommit);
    expect(run.outputs['origin-head']).toBe(world.mergeCommit);
    expect(run.outputs['packet-path']).toBe('');
    expect(run.outputs['artifact-id']).toBe('');
    expect(run.outputs['artifact-url']).toBe('');
    expect(result).toMatchObject({
      reason: 'exit_zero',
      command_source: 'input',
      smoke_command: 'echo ok',
      stdout: 'ok\n',
      origin_head_after: world.mergeCommit,
      run: { repository: REPOSITORY, run_id: RUN_ID, run_attempt: 1, url: runUrl() },
      reporting: { commit_status: 'posted', summary: 'written' },
    });
    expect(result.reporting.artifact).toMatch(/^skipped/);

    const statuses = postedStatuses(world);
    expect(statuses.map((s) => s.state)).toEqual(['pending', 'success']);
    for (const s of statuses) {
      expect(s.sha).toBe(world.mergeCommit);
      expect(s.context).toBe('post-merge-smoke');
      expect(s.description.length).toBeLessThanOrEqual(140);
      expect(s.description.length).toBeGreaterThan(0);
      expect(s.target_url).toBe(runUrl());
    }
    // The token went in the Authorization header, as the runner's token would.
    expect(statuses[0].raw.headers.authorization).toMatch(/^(token|bearer) /i);

    expect(run.summary).toContain('PASS');
    expect(world.artifacts.creates).toHaveLength(0);
    expect(world.artifacts.uploads.size).toBe(0);
    // The command's output was echoed live, fenced from workflow-command processing.
    const view = commandView(run.stdout);
    expect(view.balanced).toBe(true);
    expect(view.fenced).toContain('ok');
  });

  it('FAIL: exit 1, Critical #7 packet uploaded as an artifact with result and logs, failure status', async () => {
    world = await createWorld();
    const before = Date.now();
    const run = await runAction(
      actionEnv(world, {
        inputs: {
          'smoke-command': 'echo to-stdout; echo to-stderr >&2; exit 3',
          'artifact-retention-days': '3',
        },
        runAttempt: 2,
      }),
    );
    expect([run.exitCode, describeRun(run)]).toEqual([1, expect.any(String)]);
    const result = checkedResult(run);
    expect(result).toMatchObject({ status: 'FAIL', reason: 'exit_nonzero', exit_code: 3 });
    expect(run.outputs['continuation-ready']).toBe('false');
    expect(run.outputs['exit-code']).toBe('3');
    expect(result.reporting.artifact).toMatch(/^uploaded/);

    const sha7 = world.mergeCommit.slice(0, 7);
    const name = `post-merge-smoke-critical-7-${sha7}-attempt-2`;
    expect(world.artifacts.creates.map((c) => c.name)).toEqual([name]);
    // Retention: expires_at about three days from now.
    const expiresAt = Date.parse(world.artifacts.creates[0].expiresAt ?? '');
    const threeDays = 3 * 24 * 3600 * 1000;
    expect(expiresAt).toBeGreaterThanOrEqual(before + threeDays - 60_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + threeDays + 60_000);

    const id = world.artifacts.ids.get(name);
    expect(run.outputs['artifact-id']).toBe(String(id));
    expect(run.outputs['artifact-url']).toBe(
      `https://github.com/${REPOSITORY}/actions/runs/${RUN_ID}/artifacts/${id}`,
    );
    expect(run.outputs['packet-path']).not.toBe('');
    expect(existsSync(run.outputs['packet-path'])).toBe(true);

    const zip = readZip(world.artifacts.uploads.get(name)!);
    expect([...zip.keys()].sort()).toEqual([
      'escalation-packet.json',
      'smoke-result.json',
      'stderr.log',
      'stdout.log',
    ]);
    const packet = EscalationPacket.parse(JSON.parse(zip.get('escalation-packet.json')!.toString('utf8')));
    expect(packet).toMatchObject({
      critical_no: 7,
      escalation_type: 'POST_MERGE_SMOKE_FAILED',
      merge_commit: world.mergeCommit,
      idempotency_key: `${sha7}::POST_MERGE_SMOKE_FAILED::${world.mergeCommit}`,
      repository: REPOSITORY,
      run_url: runUrl(2),
      evidence: { status: 'FAIL', exit_code: 3 },
    });
    expect(packet.evidence.stdout_tail).toContain('to-stdout');
    expect(packet.evidence.stderr_tail).toContain('to-stderr');
    // The packet on disk is the uploaded one.
    expect(JSON.parse(readFileSync(run.outputs['packet-path'], 'utf8'))).toEqual(packet);
    const zipped = SmokeResult.parse(JSON.parse(zip.get('smoke-result.json')!.toString('utf8')));
    expect(zipped).toMatchObject({ status: 'FAIL', merge_commit: world.mergeCommit });
    expect(zip.get('stdout.log')!.toString('utf8')).toContain('to-stdout');
    expect(zip.get('stderr.log')!.toString('utf8')).toContain('to-stderr');

    // The annotation is issued where the runner interprets it (outside the fence).
    const view = commandView(run.stdout);
    expect(
      view.interpreted.some((l) => l.startsWith('::error title=Critical #7 POST_MERGE_SMOKE_FAILED::')),
    ).toBe(true);
    expect(postedStatuses(world).map((s) => s.state)).toEqual(['pending', 'failure']);
    expect(postedStatuses(world)[1].description.length).toBeLessThanOrEqual(140);
    expect(run.summary).toContain('FAIL');
  });

  posix('TIMEOUT: the whole process tree, setsid escapee and TERM-trapper included, is gone', async () => {
    world = await createWorld();
    const pidFile = join(world.scratch, 'pids');
    const P = sq(pidFile);
    const command = [
      `echo $$ >> ${P}`,
      `sleep 60 & echo $! >> ${P}`,
      `setsid sh -c 'echo $$ >> "$0"; exec sleep 60' ${P} &`,
      `bash -c 'trap "" TERM; echo $$ >> "$0"; while :; do sleep 0.2; done' ${P} &`,
      'sleep 60',
    ].join('\n');
    const run = await runAction(
      actionEnv(world, {
        inputs: { 'smoke-command': command, 'timeout-seconds': '1', 'kill-grace-seconds': '1' },
      }),
    );
    const pids = readPids(pidFile);
    leftovers = pids;
    expect([run.exitCode, describeRun(run)]).toEqual([1, expect.any(String)]);
    const result = checkedResult(run);
    expect(result).toMatchObject({ status: 'TIMEOUT', reason: 'deadline_exceeded', timeout_seconds: 1 });
    expect(pids).toHaveLength(4);
    expect(await survivors(pids)).toEqual([]);
    expect(postedStatuses(world).map((s) => s.state)).toEqual(['pending', 'failure']);
    expect(result.reporting.artifact).toMatch(/^uploaded/);
  });

  posix(
    'STALE: main moved on after the merge commit → skipped without running, no final status',
    async () => {
      world = await createWorld();
      const other = world.fixture.clone('someone-else');
      const newer = world.fixture.commit('a newer merge', { 'newer.txt': 'x\n' }, other);
      world.fixture.push('HEAD:main', other);
      const marker = join(world.scratch, 'ran');
      const inputs = { 'smoke-command': `touch ${sq(marker)}` };

      const run = await runAction(actionEnv(world, { inputs }));
      expect([run.exitCode, describeRun(run)]).toEqual([0, expect.any(String)]);
      const result = checkedResult(run);
      expect(result).toMatchObject({
        status: 'STALE',
        reason: 'superseded',
        stale: true,
        origin_head: newer,
        merge_commit: world.mergeCommit,
        exit_code: null,
      });
      expect(run.outputs['continuation-ready']).toBe('false');
      expect(run.outputs['exit-code']).toBe('');
      expect(run.outputs['packet-path']).toBe('');
      expect(existsSync(marker)).toBe(false);
      expect(postedStatuses(world)).toEqual([]);
      expect(world.artifacts.creates).toHaveLength(0);

      const failing = await runAction(actionEnv(world, { inputs: { ...inputs, 'on-stale': 'fail' } }));
      expect([failing.exitCode, describeRun(failing)]).toEqual([1, expect.any(String)]);
      expect(checkedResult(failing)).toMatchObject({ status: 'STALE', reason: 'superseded' });
      expect(existsSync(marker)).toBe(false);
      expect(postedStatuses(world)).toEqual([]);
    },
  );

  it('BLOCKED no_command: no command anywhere and dry-run false → packet, error status, exit 1', async () => {
    world = await createWorld();
    const run = await runAction(actionEnv(world));
    expect([run.exitCode, describeRun(run)]).toEqual([1, expect.any(String)]);
    const result = checkedResult(run);
    expect(result).toMatchObject({
      status: 'BLOCKED',
      reason: 'no_command',
      merge_commit: world.mergeCommit,
    });
    expect(run.outputs['continuation-ready']).toBe('false');
    expect(run.outputs['exit-code']).toBe('');
    expect(run.outputs['packet-path']).not.toBe('');
    expect(run.outputs['artifact-id']).not.toBe('');
    expect(world.artifacts.uploads.size).toBe(1);
    expect(postedStatuses(world).map((s) => s.state)).toEqual(['error']);
    expect(commandView(run.stdout).interpreted.some((l) => l.startsWith('::error title=Critical #7'))).toBe(
      true,
    );
  });

  it('BLOCKED invalid_input: timeout-seconds: abc names the input, no stack trace', async () => {
    world = await createWorld();
    const marker = join(world.scratch, 'ran');
    const run = await runAction(
      actionEnv(world, { inputs: { 'smoke-command': `touch ${sq(marker)}`, 'timeout-seconds': 'abc' } }),
    );
    expect([run.exitCode, describeRun(run)]).toEqual([1, expect.any(String)]);
    const result = checkedResult(run);
    expect(result).toMatchObject({ status: 'BLOCKED', reason: 'invalid_input' });
    expect(result.message).toContain('timeout-seconds');
    expect(result.message).toContain('abc');
    expect(existsSync(marker)).toBe(false);
    expect(run.stdout).not.toMatch(STACK_TRACE);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.outputs['packet-path']).not.toBe('');
    expect(run.summary).toContain('BLOCKED');
  });

  it('SKIPPED: no command and dry-run true → exit 0, continuation ready', async () => {
    world = await createWorld();
    const run = await runAction(actionEnv(world, { inputs: { 'dry-run': 'true' } }));
    expect([run.exitCode, describeRun(run)]).toEqual([0, expect.any(String)]);
    const result = checkedResult(run);
    expect(result).toMatchObject({ status: 'SKIPPED', reason: 'no_command', dry_run: true });
    expect(run.outputs['continuation-ready']).toBe('true');
    expect(run.outputs['packet-path']).toBe('');
    expect(world.artifacts.creates).toHaveLength(0);
    expect(postedStatuses(world).map((s) => s.state)).toEqual(['success']);
  });
});
