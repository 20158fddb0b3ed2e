// Fan-out through the built action (SPEC-v2 §5), as a workflow runs it: a plan job whose `matrix` output
// becomes one run job per profile (`profile: ${{ matrix.profile }}`, `report: false`), every job of the
// same workflow run sharing one loopback artifact service, then a report job that folds the shards.
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SmokeResult } from '../../src/contracts.js';
import { mustParse, parseSha } from '../../src/domain/index.js';
import { FANOUT_PLAN_FILE, foldResults, planArtifactName } from '../../src/fanout/index.js';
import { makeRuntimeToken } from '../support/fake-artifact-service.js';
import { readZip } from '../support/zip.js';
import {
  actionEnv,
  checkedResult,
  createWorld,
  describeRun,
  postedStatuses,
  runAction,
  sq,
  type ActionRun,
  type World,
} from './harness.js';

const REGISTRY = '.github/post-merge-smoke.yml';

let world: World | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

/** Each profile appends its name to a marker file; worker fails. */
function registry(marker: string): string {
  const cmd = (name: string, exit = 0) => `echo ${name} >> ${sq(marker)}; exit ${exit}`;
  return [
    'version: 1',
    'fan-out: paths',
    'profiles:',
    `  api: { command: ${JSON.stringify(cmd('api'))}, paths: ['services/api/**'] }`,
    `  web: { command: ${JSON.stringify(cmd('web'))}, paths: ['web/**', 'packages/ui/**'] }`,
    `  worker: { command: ${JSON.stringify(cmd('worker', 3))}, paths: ['services/worker/**'] }`,
    `  deps: { command: ${JSON.stringify(cmd('deps'))}, always: true }`,
    '',
  ].join('\n');
}

/** A world whose main already has the registry; then the merge under test lands with `files`. */
async function fanOutWorld(files: Record<string, string>): Promise<{ world: World; marker: string }> {
  const w = await createWorld();
  const marker = join(w.scratch, 'ran.txt');
  w.before = w.fixture.commit('Add the smoke registry', { [REGISTRY]: registry(marker) });
  w.mergeCommit = w.fixture.commit('Merge pull request #7 from octo/feature', files);
  w.fixture.push();
  return { world: w, marker };
}

/** One job of the workflow run: its own job id in the runtime token, the same artifact service. */
function job(w: World, name: string, inputs: Record<string, string>): Promise<ActionRun> {
  return runAction(
    actionEnv(w, {
      inputs,
      env: { ACTIONS_RUNTIME_TOKEN: makeRuntimeToken('run-backend-1', `job-${name}`) },
    }),
  );
}

const ranProfiles = (marker: string): string[] => {
  try {
    return readFileSync(marker, 'utf8').trim().split('\n').filter(Boolean);
  } catch {
    return [];
  }
};

describe('fan-out through the built action', () => {
  it('plan → a run job per planned profile, sharing one artifact service → the shards fold into one verdict', async () => {
    const setup = await fanOutWorld({ 'web/index.ts': 'x', 'services/worker/job.ts': 'y' });
    world = setup.world;
    const plan = await job(world, 'plan', { mode: 'plan' });
    expect([plan.exitCode, describeRun(plan)]).toEqual([0, expect.any(String)]);
    expect(plan.outputs).toMatchObject({
      mode: 'plan',
      status: 'PASS',
      matrix: '{"include":[{"profile":"web"},{"profile":"worker"},{"profile":"deps"}]}',
      profiles: 'web,worker,deps',
      result: '',
    });
    // The plan ran nothing, posted no commit status, and handed its plan over as an artifact.
    expect(ranProfiles(setup.marker)).toEqual([]);
    expect(postedStatuses(world)).toEqual([]);
    const planZip = world.artifacts.uploads.get(planArtifactName(mustParse(parseSha, world.mergeCommit), 1));
    expect(planZip).toBeDefined();
    const doc = JSON.parse(readZip(planZip!).get(FANOUT_PLAN_FILE)!.toString('utf8'));
    expect(doc).toMatchObject({ merge_commit: world.mergeCommit, profiles: ['web', 'worker', 'deps'] });

    // The matrix: one run job per row, `profile: ${{ matrix.profile }}`, `report: false`.
    const { include } = JSON.parse(plan.outputs.matrix) as { include: { profile: string }[] };
    const shards: SmokeResult[] = [];
    for (const row of include) {
      const run = await job(world, `run-${row.profile}`, { profile: row.profile, report: 'false' });
      const result = checkedResult(run);
      expect(result).toMatchObject({ profile: row.profile, merge_commit: world.mergeCommit });
      expect([row.profile, run.exitCode]).toEqual([row.profile, row.profile === 'worker' ? 1 : 0]);
      shards.push(result);
    }
    expect(shards.map((s) => [s.profile, s.status, s.exit_code])).toEqual([
      ['web', 'PASS', 0],
      ['worker', 'FAIL', 3],
      ['deps', 'PASS', 0],
    ]);
    // Each planned profile's command ran exactly once, in its own job; api was not planned.
    expect(ranProfiles(setup.marker).sort()).toEqual(['deps', 'web', 'worker']);

    // The fold the report job applies, over the results the run jobs produced.
    const folded = foldResults(doc.profiles, shards);
    expect(folded).toMatchObject({ status: 'FAIL', reason: 'exit_nonzero', profile: 'worker', exit_code: 3 });
    expect(folded.message).toMatch(/^1 of 3 profiles did not pass: worker FAIL \(exit_nonzero\)\./);
    expect(folded.profiles?.map((p) => `${p.profile} ${p.status}`)).toEqual([
      'web PASS',
      'worker FAIL',
      'deps PASS',
    ]);
    // A shard whose job never reported is ERROR missing_shard, whatever the others say.
    expect(foldResults(doc.profiles, [shards[0]!, shards[1]!]).profiles?.[2]).toMatchObject({
      profile: 'deps',
      status: 'ERROR',
      reason: 'missing_shard',
    });
  });

  it('a plan that selects nothing: an empty matrix and profiles, the plan job passes', async () => {
    const setup = await fanOutWorld({ 'docs/readme.md': 'x' });
    world = setup.world;
    // Without deps (always: true), no profile covers docs/.
    world.before = world.fixture.commit('Drop the always profile', {
      [REGISTRY]: registry(setup.marker).replace(/ {2}deps:.*\n/, ''),
    });
    world.mergeCommit = world.fixture.commit('Merge pull request #8: docs', { 'docs/more.md': 'y' });
    world.fixture.push();
    const plan = await job(world, 'plan', { mode: 'plan' });
    expect([plan.exitCode, describeRun(plan)]).toEqual([0, expect.any(String)]);
    expect(plan.outputs).toMatchObject({ status: 'PASS', matrix: '{"include":[]}', profiles: '' });
    expect(plan.summary).toMatch(/Planned no profile/);
  });

  // The report job reads the plan artifact for the planned profiles and folds the run jobs' result artifacts.
  it('a report job folds the shards: one verdict, one commit status, one packet naming the failing profiles', async () => {
    const setup = await fanOutWorld({ 'web/index.ts': 'x', 'services/worker/job.ts': 'y' });
    world = setup.world;
    const plan = await job(world, 'plan', { mode: 'plan' });
    const { include } = JSON.parse(plan.outputs.matrix) as { include: { profile: string }[] };
    // deps's job never reports: its shard is missing.
    for (const row of include.filter((r) => r.profile !== 'deps')) {
      await job(world, `run-${row.profile}`, { profile: row.profile, report: 'false' });
    }
    const before = postedStatuses(world).length;
    const workspace = join(world.scratch, 'report-workspace');
    mkdirSync(workspace, { recursive: true });
    const report = await runAction(
      actionEnv(world, {
        inputs: { mode: 'report' },
        env: {
          ACTIONS_RUNTIME_TOKEN: makeRuntimeToken('run-backend-1', 'job-report'),
          GITHUB_WORKSPACE: workspace,
        },
      }),
    );
    expect([report.exitCode, describeRun(report)]).toEqual([1, expect.any(String)]);
    const result = checkedResult(report);
    expect(result).toMatchObject({
      mode: 'report',
      status: 'ERROR',
      reason: 'missing_shard',
      profile: 'deps',
    });
    expect(result.profiles?.map((p) => `${p.profile} ${p.status} ${p.reason}`)).toEqual([
      'web PASS exit_zero',
      'worker FAIL exit_nonzero',
      'deps ERROR missing_shard',
    ]);
    expect(result.message).toMatch(/worker FAIL \(exit_nonzero\), deps ERROR \(missing_shard\)/);
    const statuses = postedStatuses(world).slice(before);
    expect(statuses.map((s) => [s.sha, s.state])).toEqual([[world.mergeCommit, 'error']]);
    const packetZip = [...world.artifacts.uploads].find(([name]) => name.includes('critical-7'))?.[1];
    const packet = JSON.parse(readZip(packetZip!).get('escalation-packet.json')!.toString('utf8'));
    expect(
      packet.profiles
        .filter((p: { status: string }) => p.status !== 'PASS')
        .map((p: { profile: string }) => p.profile),
    ).toEqual(['worker', 'deps']);
    expect(ranProfiles(setup.marker).sort()).toEqual(['web', 'worker']);
  });
});
