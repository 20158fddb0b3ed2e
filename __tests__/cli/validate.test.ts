// `post-merge-smoke validate` as a user runs it, against a real repository: every problem with its file and
// line, readable and as JSON; a commit's tree or the working tree; exit 0 valid, 1 invalid, 2 usage.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitFixture } from '../support/git-fixture.js';
import { cli, lastLine, writtenInto } from './support.js';

const TASKS = ['--task-path', 'memory/tasks/{task_id}.md'];

const BROKEN_REGISTRY = `version: 1
defaults:
  timeout_seconds: 600
profiles:
  api:
    command: npm run smoke:api
tasks:
  task-1: api
  task-2: apii
default: api
`;

const GOOD_REGISTRY = BROKEN_REGISTRY.replace('timeout_seconds', 'timeout-seconds').replace('apii', 'api');

describe('post-merge-smoke validate', () => {
  let fx: GitFixture;
  let good: string;
  beforeAll(() => {
    fx = GitFixture.create();
    good = fx.commit('a sound configuration', {
      '.github/post-merge-smoke.yml': GOOD_REGISTRY,
      'memory/tasks/task-1.md': '# task-1\n\n```yaml\nsmoke_command: make smoke\n```\n',
      'memory/tasks/README.md': '# Tasks\n',
    });
    fx.commit('the mistakes of issue 11', {
      '.github/post-merge-smoke.yml': BROKEN_REGISTRY,
      'memory/tasks/task-3.md': '# task-3\n\n```yaml\nsmoke-command: make smoke\n```\n',
    });
  });
  afterAll(() => fx.cleanup());

  it('reports every problem of HEAD with file, line and a did-you-mean; exit 1', () => {
    const r = cli(['validate', ...TASKS], fx.work);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      ".github/post-merge-smoke.yml:3:3: unknown key 'timeout_seconds' in 'defaults'; accepted keys: timeout-seconds, shell, working-directory.",
      "    Did you mean 'timeout-seconds'?",
      ".github/post-merge-smoke.yml:9: task 'task-2' names profile 'apii', which .github/post-merge-smoke.yml does not define; known profiles: api.",
      "    Did you mean 'api'?",
      "memory/tasks/task-3.md:4:1: 'smoke-command' is not a smoke key (smoke_command, smoke_profile, post_merge_smoke), so it would be ignored.",
      "    Did you mean 'smoke_command'?",
      '',
      expect.stringMatching(
        /^✘ the configuration has problems: commit [0-9a-f]{12}: registry \.github\/post-merge-smoke\.yml: 1 profile\(s\), 2 task mapping\(s\), default api; 2 task file\(s\), 1 with a smoke definition \(1 other file\(s\) there define no smoke\); 3 problem\(s\)\.$/,
      ),
      '  skipped (no task id a run selects, no smoke definition): memory/tasks/README.md',
      '',
    ]);
    expect(r.stderr).toBe('');
  });

  it('prints the problems as JSON', () => {
    const r = cli(['validate', ...TASKS, '--json'], fx.work);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      valid: false,
      source: { kind: 'commit', ref: 'HEAD', commit: fx.head() },
      task_path: 'memory/tasks/{task_id}.md',
      checked: { registry: true, profiles: 1, task_mappings: 2, task_files: 2 },
      ignored_files: ['memory/tasks/README.md'],
    });
    expect(doc.problems[0]).toEqual({
      file: '.github/post-merge-smoke.yml',
      line: 3,
      column: 3,
      message:
        "unknown key 'timeout_seconds' in 'defaults'; accepted keys: timeout-seconds, shell, working-directory.",
      hint: "Did you mean 'timeout-seconds'?",
    });
  });

  it('checks another commit with --ref, and the files on disk with --worktree', () => {
    const old = cli(['validate', ...TASKS, '--ref', good], fx.work);
    expect([old.code, lastLine(old.stdout)]).toEqual([0, expect.stringMatching(/^ {2}skipped/)]);
    expect(old.stdout).toMatch(/^✔ the configuration is valid: commit [0-9a-f]{12}: .*no problems\.$/m);

    writeFileSync(join(fx.work, '.github/post-merge-smoke.yml'), GOOD_REGISTRY);
    rmSync(join(fx.work, 'memory/tasks/task-3.md'));
    const disk = cli(['validate', ...TASKS, '--worktree'], fx.work);
    expect(disk.code).toBe(0);
    expect(disk.stdout).toMatch(/^✔ the configuration is valid: the working tree: /m);
    // HEAD is still broken: the tree of a commit is what --ref reads, not the disk.
    expect(cli(['validate', ...TASKS], fx.work).code).toBe(1);
    fx.commit('fixed', {});
  });

  it('an explicitly named registry that does not exist is a problem; the default one is not', () => {
    const named = cli(['validate', '--registry-path', 'ci/smoke.yml'], fx.work);
    expect(named.code).toBe(1);
    expect(named.stdout).toMatch(
      /^ci\/smoke\.yml: does not exist in commit [0-9a-f]{12}, but --registry-path names it\.$/m,
    );
    const empty = GitFixture.create();
    try {
      expect(cli(['validate'], empty.work).code).toBe(0);
    } finally {
      empty.cleanup();
    }
  });

  it.each([
    [
      ['--ref', 'no-such-ref'],
      "--ref 'no-such-ref' is not a commit of this repository (fetch it first, or give a SHA, a branch or a tag)",
    ],
    [
      ['--task-path', 'tasks/x.md'],
      "--task-path is 'tasks/x.md'; it must contain the placeholder {task_id}, e.g. memory/tasks/{task_id}.md.",
    ],
    [['--task-id-pattern', '(?=x)'], /^--task-id-pattern is '\(\?=x\)'; it /],
    [['--worktree', '--ref', 'HEAD'], '--worktree and --ref exclude each other'],
    [['--apply'], "unknown option '--apply': it is an option of 'post-merge-smoke run'"],
  ])('usage error, exit 2: %j', (flags, message) => {
    const r = cli(['validate', ...flags], fx.work);
    expect(r.code).toBe(2);
    const last = lastLine(r.stderr).replace(/^post-merge-smoke validate: /, '');
    if (typeof message === 'string') expect(last).toBe(message);
    else expect(last).toMatch(message);
  });

  it('writes nothing into the repository', () => {
    cli(['validate', ...TASKS], fx.work);
    cli(['validate', ...TASKS, '--worktree', '--json'], fx.work);
    expect(writtenInto(fx.work)).toBe('');
  });
});
