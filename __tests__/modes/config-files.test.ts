// Reading a configuration for `validate`: which task files the template reaches, from a commit's tree or
// the working tree of a real repository; files that are not files are problems, not crashes.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitCli } from '../../src/adapters/git.js';
import type { Sha } from '../../src/domain/index.js';
import {
  commitTree,
  readConfigStage,
  taskPathMatches,
  templateDir,
  worktreeTree,
  type ConfigFiles,
  type ConfigTree,
} from '../../src/modes/stages/config-files.js';
import { localContext, parseSettings } from '../../src/settings/index.js';
import { git, GitFixture } from '../support/git-fixture.js';

describe('the task-path template', () => {
  it('lists the folder before the first {task_id}', () => {
    expect(templateDir('memory/tasks/{task_id}.md')).toBe('memory/tasks');
    expect(templateDir('tasks/{task_id}/README.md')).toBe('tasks');
    expect(templateDir('{task_id}.md')).toBe('');
    expect(templateDir('docs/task-{task_id}.md')).toBe('docs');
  });

  it('matches paths whose id is one segment, the same wherever {task_id} appears', () => {
    const paths = [
      't/task-1.md',
      't/a/task-2.md',
      't/task-3.md.bak',
      'x/task-4.md',
      't/task-5/task-5.md',
      't/task-6/task-7.md',
    ];
    expect(taskPathMatches('t/{task_id}.md', paths)).toEqual([{ path: 't/task-1.md', id: 'task-1' }]);
    expect(taskPathMatches('t/{task_id}/{task_id}.md', paths)).toEqual([
      { path: 't/task-5/task-5.md', id: 'task-5' },
    ]);
  });
});

describe('reading the configuration', () => {
  let fx: GitFixture;
  let sha: Sha;
  beforeAll(() => {
    fx = GitFixture.create();
    const smoke = '```yaml\nsmoke_command: make\n```\n';
    sha = fx.commit('config', {
      '.github/post-merge-smoke.yml': 'version: 1\n',
      'memory/tasks/task-1.md': `# one\n${smoke}`,
      'memory/tasks/README.md': '# the tasks\n',
      'memory/tasks/notes.md': `# meant as a task\n${smoke}`,
      'memory/tasks/task-2.md/keep': '',
      'other/task-3.md': smoke,
    }) as Sha;
    symlinkSync('task-1.md', join(fx.work, 'memory/tasks/task-9.md'));
    git(fx.work, 'add', '-A');
    git(fx.work, 'commit', '-q', '-m', 'a link');
    sha = fx.head() as Sha;
  });
  afterAll(() => fx.cleanup());

  async function read(tree: ConfigTree, registryPath = '.github/post-merge-smoke.yml'): Promise<ConfigFiles> {
    const inputs: Record<string, string> = {
      'task-path': 'memory/tasks/{task_id}.md',
      'registry-path': registryPath,
    };
    const { settings } = parseSettings((n) => inputs[n], localContext(fx.work));
    const step = await readConfigStage(settings, tree).run(new AbortController().signal);
    if (step.kind !== 'next') throw new Error(JSON.stringify(step));
    return step.value;
  }

  it("reads a commit's tree: task files a run reads, and other files only when they try to define a smoke", async () => {
    const files = await read(commitTree(new GitCli(fx.work), sha));
    expect(files.registry).toEqual({ path: '.github/post-merge-smoke.yml', text: 'version: 1\n' });
    expect(files.taskFiles.map((f) => f.path)).toEqual(['memory/tasks/notes.md', 'memory/tasks/task-1.md']);
    expect(files.ignored).toEqual(['memory/tasks/README.md']);
    expect(files.problems).toEqual([
      {
        file: 'memory/tasks/task-9.md',
        line: null,
        column: null,
        message: `is a symbolic link in the merge commit ${sha.slice(0, 12)}; point the input at the file itself.`,
      },
    ]);
  });

  it('reads the working tree, uncommitted and untracked files included, ignored ones not', async () => {
    writeFileSync(join(fx.work, 'memory/tasks/task-5.md'), '# new\n');
    writeFileSync(join(fx.work, '.gitignore'), 'memory/tasks/task-6.md\n');
    writeFileSync(join(fx.work, 'memory/tasks/task-6.md'), '# ignored\n');
    mkdirSync(join(fx.work, 'reg.yml'));
    const files = await read(worktreeTree(new GitCli(fx.work)), 'reg.yml');
    expect(files.taskFiles.map((f) => f.path)).toEqual([
      'memory/tasks/notes.md',
      'memory/tasks/task-1.md',
      'memory/tasks/task-5.md',
    ]);
    expect(files.registry).toEqual({ path: 'reg.yml', text: null });
    expect(files.problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      'reg.yml: is a directory, not a file.',
      'memory/tasks/task-9.md: is a symbolic link; point the input at the file itself.',
    ]);
  });
});
