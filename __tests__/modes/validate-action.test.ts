// `mode: validate` in the BUILT action (dist/index.js), as a pull_request check: the checked-out merge commit
// of the pull request (not on main) is validated without running anything; every problem is an annotation on
// its file and line, the summary lists them, every output is set, and the check fails while one is left.
import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  actionEnv,
  createWorld,
  describeRun,
  postedStatuses,
  runAction,
  type World,
} from '../e2e/harness.js';
import { OUTPUT_NAMES } from '../../src/settings/index.js';
import { git } from '../support/git-fixture.js';

let world: World | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

const registry = (timeoutKey: string, profile: string) =>
  [
    'version: 1',
    'defaults:',
    `  ${timeoutKey}: 600`,
    'profiles:',
    '  api:',
    '    command: touch ran-the-smoke',
    'tasks:',
    `  task-1: ${profile}`,
    '',
  ].join('\n');

/** The pull request's merge commit, as actions/checkout leaves it for a pull_request event: not on main. */
function pullRequestMerge(w: World, files: Record<string, string>): string {
  const sha = w.fixture.commit('Merge pull request #5 into main', files);
  git(w.fixture.work, 'push', '-q', 'origin', 'HEAD:refs/pull/5/merge');
  return sha;
}

function validateEnv(w: World, sha: string) {
  return actionEnv(w, {
    eventName: 'pull_request',
    inputs: { mode: 'validate', 'task-path': 'memory/tasks/{task_id}.md' },
    env: { GITHUB_SHA: sha, GITHUB_REF: 'refs/pull/5/merge' },
  });
}

describe('mode: validate', () => {
  it('annotates every problem on its file and line, lists them in the summary and fails the check', async () => {
    world = await createWorld();
    const sha = pullRequestMerge(world, {
      '.github/post-merge-smoke.yml': registry('timeout_seconds', 'apii'),
      'memory/tasks/task-2.md': '# task-2\n\n```yaml\nsmoke-command: make\n```\n',
    });
    const run = await runAction(validateEnv(world, sha));
    expect([run.exitCode, describeRun(run)]).toEqual([1, expect.any(String)]);
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(errors).toEqual([
      expect.stringMatching(
        /^::error title=Invalid post-merge-smoke configuration,file=\.github\/post-merge-smoke\.yml,line=3,col=3::unknown key 'timeout_seconds' in 'defaults'.* Did you mean 'timeout-seconds'\?$/,
      ),
      expect.stringMatching(
        /^::error title=.*,file=\.github\/post-merge-smoke\.yml,line=8::task 'task-1' names profile 'apii', .* Did you mean 'api'\?$/,
      ),
      expect.stringMatching(
        /^::error title=.*,file=memory\/tasks\/task-2\.md,line=4,col=1::'smoke-command' is not a smoke key/,
      ),
    ]);
    expect(Object.keys(run.outputs).sort()).toEqual([...OUTPUT_NAMES].sort());
    expect(run.outputs).toMatchObject({ mode: 'validate', status: 'BLOCKED', result: '', 'packet-path': '' });
    expect(run.summary).toMatch(/post-merge-smoke validate: BLOCKED \(invalid_config\)/);
    expect(run.summary).toContain('| <code>memory/tasks/task-2.md</code> | 4 |');
    expect(run.stdout).toMatch(
      /post-merge-smoke: BLOCKED \(invalid_config\): The configuration has problems: commit [0-9a-f]{12}: .*3 problem\(s\)\./,
    );
    // Nothing ran, nothing was escalated, no commit status.
    expect(existsSync(join(world.fixture.work, 'ran-the-smoke'))).toBe(false);
    expect(postedStatuses(world)).toEqual([]);
    expect(world.artifacts.uploads.size).toBe(0);
  });

  it('passes on a valid configuration', async () => {
    world = await createWorld();
    const sha = pullRequestMerge(world, {
      '.github/post-merge-smoke.yml': registry('timeout-seconds', 'api'),
    });
    const run = await runAction(validateEnv(world, sha));
    expect([run.exitCode, describeRun(run)]).toEqual([0, expect.any(String)]);
    expect(run.stdout).not.toMatch(/^::error /m);
    expect(run.outputs).toMatchObject({ mode: 'validate', status: 'PASS' });
    expect(run.summary).toMatch(/✅ post-merge-smoke validate: PASS \(valid_config\)/);
  });
});
