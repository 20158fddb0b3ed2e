// Main health through the built action, as the runner runs it: one job that smokes and reports, and the
// two-job setup where the run job's token may only read (the loopback refuses its writes) and a report job,
// which never runs repository code, does every write.
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitCli } from '../../src/adapters/git.js';
import type { EscalationPacket } from '../../src/contracts.js';
import { serveMainHealth, type MainHealthState } from '../../src/replay/health-routes.js';
import { makeRuntimeToken } from '../support/fake-artifact-service.js';
import { git } from '../support/git-fixture.js';
import { readZip } from '../support/zip.js';
import {
  actionEnv,
  checkedResult,
  createWorld,
  describeRun,
  readPids,
  runAction,
  sq,
  TEST_TOKEN,
  type World,
} from './harness.js';

const RUN_TOKEN = 'ghs_' + 'runJobReadOnlyToken0123456789abcdefgh'.slice(0, 36);
const HEALTH = { 'green-ref': 'green', 'escalation-issue': 'true' };

let world: World | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

async function healthWorld(commitMessage: string): Promise<{ world: World; state: MainHealthState }> {
  const w = await createWorld({ commitMessage });
  const state = serveMainHealth(w.github, new GitCli(w.fixture.origin), 'octo/repo');
  state.readOnlyTokens.add(RUN_TOKEN);
  return { world: w, state };
}

/** Lands another merge on main; the next runs are about it. */
function land(w: World, message: string): void {
  w.before = w.mergeCommit;
  w.mergeCommit = w.fixture.commit(message, { [`${w.before.slice(0, 7)}.txt`]: message });
  w.fixture.push();
}

const writes = (w: World, token: string) =>
  w.github.requests.filter(
    (r) => r.method !== 'GET' && r.path !== '/graphql' && r.headers.authorization === `token ${token}`,
  );

/** The run job: smokes with a read-only token and hands its result over. */
function runJob(w: World, command: string) {
  return runAction(
    actionEnv(w, {
      token: RUN_TOKEN,
      inputs: { report: 'false', 'smoke-command': command, ...HEALTH },
      env: { ACTIONS_RUNTIME_TOKEN: makeRuntimeToken('run-backend-1', 'job-run') },
    }),
  );
}

/** The report job: no checkout (an empty workspace), a write token; the smoke command is not its to run. */
function reportJob(w: World, command: string) {
  const empty = join(w.scratch, 'report-workspace');
  mkdirSync(empty, { recursive: true });
  return runAction(
    actionEnv(w, {
      inputs: { mode: 'report', 'smoke-command': command, ...HEALTH },
      env: {
        ACTIONS_RUNTIME_TOKEN: makeRuntimeToken('run-backend-1', 'job-report'),
        GITHUB_WORKSPACE: empty,
      },
    }),
  );
}

/**
 * A malicious smoke: it reads the action's token from its parent's environment (the scrubbed environment it
 * was given is no boundary) and posts a commit status with it, context `forged`.
 */
function stealToken(state: string): string {
  return [
    `tok=$(tr '\\0' '\\n' < /proc/$PPID/environ | sed -n 's/^INPUT_GITHUB-TOKEN=//p')`,
    `node -e 'fetch(process.env.GITHUB_API_URL + "/repos/octo/repo/statuses/" + process.env.SMOKE_MERGE_COMMIT, ` +
      `{ method: "POST", headers: { authorization: "token " + process.argv[1] }, ` +
      `body: JSON.stringify({ state: "${state}", context: "forged" }) })` +
      `.then((r) => console.log("stolen token: HTTP " + r.status))' "$tok"`,
  ].join('\n');
}

describe('the built action: main health', () => {
  it('two jobs: the run job writes nothing, the report job reports a red streak and its recovery', async () => {
    const h = await healthWorld('Break the widget (#5)');
    world = h.world;
    const marker = join(world.scratch, 'smoke-ran');
    const failing = `echo $$ >> ${sq(marker)}\n${stealToken('success')}\necho 'widget answers 500' >&2; exit 4`;

    const run = await runJob(world, failing);
    expect([run.exitCode, describeRun(run)]).toEqual([1, expect.any(String)]);
    const handed = checkedResult(run);
    const name = `post-merge-smoke-result-default-${world.mergeCommit.slice(0, 7)}-attempt-1`;
    expect(handed).toMatchObject({ mode: 'run', status: 'FAIL', exit_code: 4 });
    expect(handed.reporting).toMatchObject({
      commit_status: 'skipped: report is false (the report job reports)',
      artifact: 'skipped: report is false (the report job reports)',
      green_ref: 'skipped: report is false (the report job reports)',
      escalation_issue: 'skipped: report is false (the report job reports)',
      result_artifact: expect.stringMatching(new RegExp(`^uploaded: ${name} \\(id \\d+\\)$`)),
    });
    // The action wrote nothing; the smoke did get the token — and the API refused its write.
    expect(writes(world, RUN_TOKEN).map((r) => r.headers['user-agent'])).toEqual([
      expect.not.stringContaining('post-merge-smoke'),
    ]);
    expect(handed.stdout).toContain('stolen token: HTTP 403');
    expect(h.state.statuses).toEqual([]);
    expect([...world.artifacts.uploads.keys()]).toEqual([name]);
    const handover = readZip(world.artifacts.uploads.get(name)!);
    expect([...handover.keys()].sort()).toEqual(['smoke-result.json', 'stderr.log', 'stdout.log']);
    expect(handover.get('stderr.log')!.toString()).toContain('widget answers 500');

    const report = await reportJob(world, failing);
    expect([report.exitCode, describeRun(report)]).toEqual([1, expect.any(String)]);
    const red = checkedResult(report);
    expect(red).toMatchObject({
      mode: 'report',
      status: 'FAIL',
      exit_code: 4,
      issue_number: 1,
      green_sha: null,
    });
    expect(red.reporting).toMatchObject({
      commit_status: 'posted',
      artifact: expect.stringMatching(/^uploaded: post-merge-smoke-critical-7-/),
      green_ref: 'unchanged: FAIL is not a fresh PASS (the branch does not exist yet)',
      escalation_issue: 'opened #1',
      result_artifact: `read: ${name}`,
    });
    expect(readPids(marker)).toHaveLength(1); // the report job ran nothing
    expect(report.outputs['issue-number']).toBe('1');
    expect(h.state.statuses.map((s) => [s.sha, s.state, s.token])).toEqual([
      [world.mergeCommit, 'failure', TEST_TOKEN],
    ]);
    const packetZip = readZip(world.artifacts.uploads.get(red.reporting.artifact.split(' ')[1]!)!);
    const packet = JSON.parse(packetZip.get('escalation-packet.json')!.toString()) as EscalationPacket;
    expect(packet.suspects.map((s) => s.sha)).toEqual([world.mergeCommit, world.before]);
    expect(packet.suspects[0]).toMatchObject({ subject: 'Break the widget (#5)', pr_number: 5 });
    expect(packetZip.get('stderr.log')!.toString()).toContain('widget answers 500');
    expect(h.state.issues[0]).toMatchObject({ number: 1, state: 'open', labels: ['post-merge-smoke'] });
    expect(report.summary).toContain('Suspects');

    // The fix lands: the run job passes, the report job creates the green ref and closes the issue.
    land(world, 'Fix the widget (#6)');
    const passed = await runJob(world, 'true');
    expect([passed.exitCode, describeRun(passed)]).toEqual([0, expect.any(String)]);
    const green = await reportJob(world, 'true');
    expect([green.exitCode, describeRun(green)]).toEqual([0, expect.any(String)]);
    const result = checkedResult(green);
    expect(result).toMatchObject({
      mode: 'report',
      status: 'PASS',
      green_sha: world.mergeCommit,
      issue_number: null,
    });
    expect(result.reporting).toMatchObject({
      green_ref: `created at ${world.mergeCommit}`,
      escalation_issue: 'closed #1',
    });
    expect(green.outputs).toMatchObject({
      'green-sha': world.mergeCommit,
      'issue-number': '',
      mode: 'report',
    });
    expect(git(world.fixture.origin, 'rev-parse', 'refs/heads/green')).toBe(world.mergeCommit);
    expect(h.state.issues[0]!.state).toBe('closed');
    expect(h.state.issues[0]!.comments.at(-1)).toContain(world.mergeCommit.slice(0, 7));
    expect(green.summary).toMatch(/Green ref.*green.*at <a href="[^"]+"><code>[0-9a-f]{7}<\/code><\/a>/);
    expect(h.state.statuses.every((s) => s.token === TEST_TOKEN)).toBe(true);
  });

  it('one job keeps working: it smokes and does the main-health reporting itself', async () => {
    const h = await healthWorld('Add the widget (#7)');
    world = h.world;
    const command = stealToken('success');
    const run = await runAction(actionEnv(world, { inputs: { 'smoke-command': command, ...HEALTH } }));
    expect([run.exitCode, describeRun(run)]).toEqual([0, expect.any(String)]);
    // What the README says: in one job the smoke can reach the job's token, and write with it.
    expect(run.stdout).toContain('stolen token: HTTP 201');
    const result = checkedResult(run);
    expect(result).toMatchObject({ mode: 'run', status: 'PASS', green_sha: world.mergeCommit });
    expect(result.reporting).toMatchObject({
      green_ref: `created at ${world.mergeCommit}`,
      escalation_issue: 'unchanged: main is green and no issue is open',
      result_artifact: 'skipped: report is true (this job reports)',
    });
    expect(run.outputs['green-sha']).toBe(world.mergeCommit);
    expect(h.state.statuses.map((s) => [s.context, s.state])).toEqual([
      ['post-merge-smoke', 'pending'],
      ['forged', 'success'],
      ['post-merge-smoke', 'success'],
    ]);
    expect(world.artifacts.uploads.size).toBe(0);
  });

  it('a report job without a result to fold reports ERROR missing_shard on the commit', async () => {
    const h = await healthWorld('Add the widget (#8)');
    world = h.world;
    const report = await reportJob(world, 'true');
    expect([report.exitCode, describeRun(report)]).toEqual([1, expect.any(String)]);
    const result = checkedResult(report);
    expect(result).toMatchObject({
      mode: 'report',
      status: 'ERROR',
      reason: 'missing_shard',
      merge_commit: world.mergeCommit,
    });
    expect(result.message).toContain(
      `post-merge-smoke-result-<profile>-${world.mergeCommit.slice(0, 7)}-attempt-1`,
    );
    expect(h.state.statuses.map((s) => s.state)).toEqual(['error']);
    expect(h.state.issues).toHaveLength(1);
    expect(readFileSync(join(world.runnerDir, 'step-summary.md'), 'utf8')).toMatch(
      /No result artifact post-merge-smoke-result-/,
    );
  });

  it('a silent statuses endpoint costs only the commit status: the suspects and the issue still happen', async () => {
    const h = await healthWorld('Break the widget (#5)');
    world = h.world;
    world.github.on('POST', /\/statuses\/[0-9a-f]{40}$/, () => new Promise(() => {}));
    const run = await runAction(actionEnv(world, { inputs: { 'smoke-command': 'exit 3', ...HEALTH } }), {
      timeoutMs: 90_000,
    });
    expect([run.exitCode, describeRun(run)]).toEqual([1, expect.any(String)]);
    const result = checkedResult(run);
    expect(result.status).toBe('FAIL');
    expect(result.reporting.commit_status).toMatch(/^failed: no answer/);
    // Each step has its own API budget: the ones after the silent status did send their requests.
    expect(result.reporting.escalation_issue).toBe('opened #1');
    expect(result.reporting.green_ref).not.toMatch(/no time left/);
    expect(h.state.issues).toHaveLength(1);
    expect(world.github.requestsTo('POST', /\/issues$/)).toHaveLength(1);
    expect(world.github.requestsTo('POST', /^\/graphql$/).length).toBeGreaterThan(0);
    expect(result.reporting.artifact).toMatch(/^uploaded/);
  }, 120_000);
});
