// The built action when the infrastructure around it fails: the API is unreachable, the artifact service is
// down, commit statuses answer 403. Every reporting step is isolated; outputs and the summary are always written.
import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EscalationPacket } from '../../src/contracts.js';
import { closedPortUrl } from '../support/fake-github.js';
import { SilentServer } from '../support/silent-server.js';
import {
  actionEnv,
  checkedResult,
  commandView,
  createWorld,
  describeRun,
  postedStatuses,
  REPOSITORY,
  runAction,
  STACK_TRACE,
  type World,
} from './harness.js';

let world: World | null = null;
let silent: SilentServer | null = null;
afterEach(async () => {
  await world?.cleanup();
  await silent?.stop();
  world = null;
  silent = null;
});

describe('the built action when its surroundings fail', () => {
  it('ERROR head_unreachable: the GitHub API is a closed port; outputs, summary and packet still written', async () => {
    world = await createWorld();
    const closed = await closedPortUrl();
    const run = await runAction(
      actionEnv(world, {
        inputs: { 'smoke-command': 'echo should-not-run' },
        env: { GITHUB_API_URL: closed, GITHUB_GRAPHQL_URL: `${closed}/graphql` },
      }),
    );
    expect([run.exitCode, describeRun(run)]).toEqual([1, expect.any(String)]);
    const result = checkedResult(run);
    // The freshness gate cannot read the head after its retries: ERROR head_unreachable, before anything ran.
    expect(result).toMatchObject({
      status: 'ERROR',
      reason: 'head_unreachable',
      merge_commit: world.mergeCommit,
      origin_head: null,
      exit_code: null,
      smoke_command: null,
    });
    expect(result.message).toMatch(/Could not read the head of branch 'main'/);
    expect(run.outputs['continuation-ready']).toBe('false');
    expect(run.outputs['origin-head']).toBe('');
    expect(run.stdout).not.toContain('should-not-run');
    // The status could not be posted either: recorded, not fatal.
    expect(result.reporting.commit_status).toMatch(/^failed: /);
    expect(result.reporting.summary).toBe('written');
    expect(run.summary).toContain('ERROR');
    expect(result.reporting.artifact).toMatch(/^uploaded/);
    expect(run.outputs['artifact-id']).not.toBe('');
    expect(existsSync(run.outputs['packet-path'])).toBe(true);
    expect(world.github.requests).toHaveLength(0);
  });

  it('artifact service down (connection refused): the packet stays on disk and the failure is recorded', async () => {
    world = await createWorld();
    const dead = await closedPortUrl();
    const run = await runAction(
      actionEnv(world, {
        inputs: { 'smoke-command': 'echo boom >&2; exit 2' },
        env: { ACTIONS_RESULTS_URL: `${dead}/` },
      }),
    );
    expect([run.exitCode, describeRun(run)]).toEqual([1, expect.any(String)]);
    const result = checkedResult(run);
    expect(result).toMatchObject({ status: 'FAIL', exit_code: 2 });
    expect(result.reporting.artifact).toMatch(/^failed:/);
    expect(result.reporting.summary).toBe('written');
    expect(result.reporting.commit_status).toBe('posted');
    expect(run.summary).toContain('FAIL');
    expect(run.outputs['artifact-id']).toBe('');
    expect(run.outputs['artifact-url']).toBe('');
    const packetPath = run.outputs['packet-path'];
    expect(packetPath).not.toBe('');
    expect(existsSync(packetPath)).toBe(true);
    const packet = EscalationPacket.parse(JSON.parse(readFileSync(packetPath, 'utf8')));
    expect(packet).toMatchObject({
      escalation_type: 'POST_MERGE_SMOKE_FAILED',
      merge_commit: world.mergeCommit,
      evidence: { status: 'FAIL', exit_code: 2 },
    });
    expect(packet.evidence.stderr_tail).toContain('boom');
    // …and the packet is printed to the log, where the runner does not take it for commands.
    expect(run.stdout).toContain(packet.idempotency_key);
    expect(postedStatuses(world).map((s) => s.state)).toEqual(['pending', 'failure']);
    expect(commandView(run.stdout).interpreted.some((l) => l.startsWith('::error title=Critical #7'))).toBe(
      true,
    );
  });

  it('RUNNER_TEMP unusable and the summary file missing: every output is still set, each failure recorded', async () => {
    world = await createWorld();
    const notADirectory = join(world.scratch, 'not-a-directory');
    writeFileSync(notADirectory, 'a file where RUNNER_TEMP should be\n');
    const env = actionEnv(world, { inputs: { 'smoke-command': 'echo hi' } });
    env.RUNNER_TEMP = notADirectory;
    env.GITHUB_STEP_SUMMARY = join(world.scratch, 'missing-dir', 'summary.md');
    const run = await runAction(env);
    expect([run.exitCode, describeRun(run)]).toEqual([1, expect.any(String)]);
    const result = checkedResult(run, { resultFile: false });
    // The engine cannot write the command's script file: ERROR spawn_failed, nothing ran.
    expect(result).toMatchObject({ status: 'ERROR', reason: 'spawn_failed', exit_code: null });
    expect(result.reporting.artifact).toMatch(/^failed: ENOTDIR/);
    expect(result.reporting.summary).toMatch(/^failed: /);
    expect(result.reporting.commit_status).toBe('posted');
    expect(run.outputs['packet-path']).toBe('');
    // The packet could not be written, so it went to the log instead: nothing is lost.
    expect(run.stdout).toContain('Critical #7 escalation packet:');
    expect(run.stdout).toContain('"escalation_type": "POST_MERGE_SMOKE_FAILED"');
    expect(run.stdout).not.toMatch(STACK_TRACE);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(postedStatuses(world).map((s) => s.state)).toEqual(['pending', 'error']);
  });

  it('commit statuses answer 403: recorded as failed, the artifact is still uploaded', async () => {
    world = await createWorld();
    world.github.on('POST', /\/statuses\/[0-9a-f]{40}$/, {
      status: 403,
      body: {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/commits/statuses',
      },
    });
    const run = await runAction(actionEnv(world, { inputs: { 'smoke-command': 'exit 1' } }));
    expect([run.exitCode, describeRun(run)]).toEqual([1, expect.any(String)]);
    const result = checkedResult(run);
    expect(result.status).toBe('FAIL');
    expect(result.reporting.commit_status).toMatch(/^failed: HTTP 403/);
    expect(result.reporting.artifact).toMatch(/^uploaded/);
    expect(result.reporting.summary).toBe('written');
    expect(world.artifacts.uploads.size).toBe(1);
    expect(run.outputs['artifact-id']).toBe(String([...world.artifacts.ids.values()][0]));
    expect(run.outputs['artifact-url']).toContain(`https://github.com/${REPOSITORY}/actions/runs/`);
    // Both the pending and the final status were attempted.
    expect(postedStatuses(world).map((s) => s.state)).toEqual(['pending', 'failure']);
  });

  it('an empty event file: no crash while the modules load; the push runs from GITHUB_SHA and reports', async () => {
    world = await createWorld();
    const env = actionEnv(world, { inputs: { 'smoke-command': 'echo ran' } });
    writeFileSync(env.GITHUB_EVENT_PATH, '');
    const run = await runAction(env);
    expect([run.exitCode, describeRun(run)]).toEqual([0, expect.any(String)]);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect([run.outputs.status, checkedResult(run).merge_commit]).toEqual(['PASS', world.mergeCommit]);
  });

  it('$GITHUB_OUTPUT cannot be written: a passing smoke still fails the job, with one error that says why', async () => {
    world = await createWorld();
    const env = actionEnv(world, { inputs: { 'smoke-command': 'true' } });
    env.GITHUB_OUTPUT = join(world.runnerDir, 'a-directory');
    mkdirSync(env.GITHUB_OUTPUT);
    const run = await runAction(env);
    expect([run.exitCode, describeRun(run)]).toEqual([1, expect.any(String)]);
    const lost = run.stdout
      .split('\n')
      .filter((l) => l.startsWith('::error title=post-merge-smoke outputs lost::'));
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatch(/\(21 lost: /);
    // The verdict itself is still where it can be read.
    const resultFile = join(env.RUNNER_TEMP, 'post-merge-smoke', 'smoke-result.json');
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as { status: string };
    expect([result.status, run.summary]).toEqual(['PASS', expect.stringContaining('PASS')]);
  });

  // The @actions/artifact client alone waits 3 min per attempt, 5 attempts, on a service that never answers.
  it('artifact service silent: the upload gives up at its deadline; verdict, outputs, summary and result file come', async () => {
    world = await createWorld();
    silent = new SilentServer();
    const url = await silent.start();
    const run = await runAction(
      actionEnv(world, {
        inputs: { 'smoke-command': 'echo boom >&2; exit 3' },
        // 60 s in a real run (REPORTING_MS.artifactUpload); the same rule, shortened for the suite.
        env: { ACTIONS_RESULTS_URL: `${url}/`, POST_MERGE_SMOKE_ARTIFACT_MS: '3000' },
      }),
      { timeoutMs: 60_000 },
    );
    expect([run.exitCode, describeRun(run)]).toEqual([1, expect.any(String)]);
    const result = checkedResult(run);
    expect(result).toMatchObject({ status: 'FAIL', exit_code: 3 });
    expect(result.reporting.artifact).toBe('failed: artifact upload failed: no answer within 3000 ms');
    expect(result.reporting).toMatchObject({ commit_status: 'posted', summary: 'written' });
    expect(silent.connections).toBeGreaterThan(0);
    expect(run.summary).toContain('FAIL');
    expect(existsSync(run.outputs['packet-path'])).toBe(true);
    expect(postedStatuses(world).map((s) => s.state)).toEqual(['pending', 'failure']);
  });

  it("SIGTERM while the upload waits on a silent service: reported within the runner's 7.5 s, not minutes", async () => {
    world = await createWorld();
    silent = new SilentServer();
    const url = await silent.start();
    let signalledAt = 0;
    const run = await runAction(
      actionEnv(world, {
        inputs: { 'smoke-command': 'exit 3' },
        env: { ACTIONS_RESULTS_URL: `${url}/` },
      }),
      {
        timeoutMs: 60_000,
        onStdout: (_chunk, soFar, child) => {
          // The client's debug line: the upload's first request is on its way to the silent service.
          if (signalledAt === 0 && /\[Request\] CreateArtifact/.test(soFar)) {
            signalledAt = Date.now();
            child.kill('SIGTERM');
          }
        },
      },
    );
    const afterSignalMs = Date.now() - signalledAt;
    expect([signalledAt > 0, run.exitCode, describeRun(run)]).toEqual([true, 1, expect.any(String)]);
    expect(run.stdout).toContain('Received SIGTERM: cancelling the smoke and reporting CANCELLED.');
    const result = checkedResult(run);
    // The verdict stands (the smoke had ended); the upload in flight was cut short.
    expect(result.status).toBe('FAIL');
    expect(result.reporting.artifact).toMatch(/^failed: the run was cancelled: gave up after the 3000 ms/);
    expect(result.reporting).toMatchObject({ commit_status: 'posted', summary: 'written' });
    expect(run.summary).toContain('FAIL');
    // The runner sends SIGKILL 7.5 s after SIGINT (SIGTERM at most as long): everything was written by then.
    expect(afterSignalMs).toBeLessThan(7_500);
  });
});
