// The built action resolving its command from trusted metadata: the merged PR found through the API, the task
// id in its title, the registry read from the merge commit's tree (never the working copy).
import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pullPayload } from '../support/fake-github.js';
import {
  actionEnv,
  checkedResult,
  createWorld,
  describeRun,
  postedStatuses,
  REPOSITORY,
  runAction,
  type World,
} from './harness.js';

const posix = process.platform === 'win32' ? it.skip : it;

let world: World | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

const REGISTRY = [
  'version: 1',
  'defaults: { timeout-seconds: 120 }',
  'profiles:',
  '  api:',
  '    command: echo "task=$SMOKE_TASK_ID pr=$SMOKE_PR_NUMBER"; pwd',
  '    working-directory: services/api',
  '    timeout-seconds: 45',
  'tasks:',
  '  task-2512: api',
  '',
].join('\n');

describe('the built action resolving the command from trusted metadata', () => {
  posix('PR from the API → task id from its title → registry profile from the merged tree', async () => {
    world = await createWorld({
      commitMessage: 'Widgets API (squashed)',
      files: { '.github/post-merge-smoke.yml': REGISTRY, 'services/api/.keep': '' },
      mergedByGitHub: true,
    });
    const sha = world.mergeCommit;
    const pull = pullPayload({
      number: 12,
      title: 'task-2512: widgets API',
      mergedAt: '2026-05-09T02:00:00Z',
      mergeCommitSha: sha,
      repository: REPOSITORY,
    });
    // Eventually consistent right after a merge: empty first, then the PR.
    world.github.sequence('GET', new RegExp(`/commits/${sha}/pulls$`), [{ body: [] }, { body: [pull] }]);
    // The working copy's registry is NOT what runs: only the merge commit's tree is trusted.
    writeFileSync(
      join(world.fixture.work, '.github', 'post-merge-smoke.yml'),
      REGISTRY.replace('echo "task=', 'touch hacked; echo "task='),
    );
    world.fixture.commit('local, unpushed change to the registry');
    const local = world.fixture.head();

    const run = await runAction(actionEnv(world));
    expect([run.exitCode, describeRun(run)]).toEqual([0, expect.any(String)]);
    const result = checkedResult(run);
    expect(result).toMatchObject({
      status: 'PASS',
      command_source: 'registry',
      profile: 'api',
      task_id: 'task-2512',
      pr_number: 12,
      timeout_seconds: 45,
      merge_commit: sha,
    });
    expect(result.stdout).toBe(`task=task-2512 pr=12\n${join(world.fixture.work, 'services', 'api')}\n`);
    expect(existsSync(join(world.fixture.work, 'services', 'api', 'hacked'))).toBe(false);
    expect(run.outputs['task-id']).toBe('task-2512');
    expect(run.outputs['pr-number']).toBe('12');
    // The workspace was at a newer local commit with a clean tree: it was moved to the merge commit.
    expect(local).not.toBe(sha);
    expect(world.fixture.head()).toBe(sha);
    const statuses = postedStatuses(world);
    expect(statuses.map((s) => s.state)).toEqual(['pending', 'success']);
    for (const s of statuses) expect(s.description).toContain('(task-2512)');
  });
});
