import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliGitRepository } from '../../src/adapters/git.js';
import { ConfigError } from '../../src/resolve/config-error.js';
import { resolveCommand } from '../../src/resolve/resolve-command.js';
import { GitTreeReader } from '../../src/resolve/tree-reader.js';
import { TreeReadError } from '../../src/resolve/types.js';
import { DEFAULT_REGISTRY_PATH, DEFAULT_TASK_ID_PATTERN } from '../../src/settings/index.js';
import { git, GitFixture } from '../support/git-fixture.js';
import { pattern } from '../support/pattern.js';

const REGISTRY_V1 = 'version: 1\nprofiles:\n  api: { command: committed command }\ndefault: api\n';
const SEED_STYLE = readFileSync(join(process.cwd(), '__tests__/resolve/fixtures/task-2512.md'), 'utf8');

describe('GitTreeReader (real git repository)', () => {
  let f: GitFixture;
  let sha: string;
  let reader: GitTreeReader;

  beforeAll(() => {
    f = GitFixture.create('main', 'pms-resolve-');
    sha = f.commit('task-2512: runner (#63)', {
      [DEFAULT_REGISTRY_PATH]: REGISTRY_V1,
      'memory/tasks/task-2512.md': SEED_STYLE,
      'weird/a*b [x].md': 'literal name\n',
      'big.yml': `a: "${'x'.repeat(4096)}"\n`,
    });
    symlinkSync('.github/post-merge-smoke.yml', join(f.work, 'link.yml'));
    f.commit('add a symlink');
    // The working copy now differs from the merge commit: uncommitted edits, a later commit, a new file.
    writeFileSync(
      join(f.work, DEFAULT_REGISTRY_PATH),
      'version: 1\nprofiles:\n  api: { command: rm -rf / }\n',
    );
    writeFileSync(join(f.work, 'untracked.yml'), 'x: 1\n');
    reader = new GitTreeReader(new CliGitRepository(f.work), sha, { maxBytes: 1024 });
  });

  afterAll(() => f.cleanup());

  it("reads the file from the commit's tree, not the working copy", async () => {
    expect(await reader.read(DEFAULT_REGISTRY_PATH)).toBe(REGISTRY_V1);
    expect(readFileSync(join(f.work, DEFAULT_REGISTRY_PATH), 'utf8')).toContain('rm -rf');
  });

  it('returns null for a path that is not in the tree', async () => {
    expect(await reader.read('memory/tasks/task-9999.md')).toBeNull();
    expect(await reader.read('untracked.yml')).toBeNull();
    expect(await reader.read('link.yml')).toBeNull(); // committed after the merge commit
  });

  it('matches the exact path, not a pathspec', async () => {
    expect(await reader.read('weird/a*b [x].md')).toBe('literal name\n');
    expect(await reader.read('weird/a?b [x].md')).toBeNull();
  });

  it('refuses a directory as invalid config', async () => {
    const err = await reader.read('memory/tasks').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toMatch(/^memory\/tasks: is a directory in the merge commit/);
  });

  it('refuses a symlink as invalid config', async () => {
    const later = new GitTreeReader(new CliGitRepository(f.work), f.head(), { maxBytes: 1024 });
    const err = await later.read('link.yml').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).detail).toMatch(/symbolic link/);
  });

  it('refuses a file over the size cap', async () => {
    const err = await reader.read('big.yml').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toMatch(
      /^big\.yml: file too large: 4\d\d\d bytes, the limit is 1024\./,
    );
  });

  it('throws TreeReadError when git fails (unknown commit)', async () => {
    const bad = new GitTreeReader(new CliGitRepository(f.work), 'f'.repeat(40));
    const err = await bad.read(DEFAULT_REGISTRY_PATH).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TreeReadError);
    expect((err as Error).message).toMatch(/git ls-tree failed/);
  });

  it('refuses paths that are not normalised repository paths', async () => {
    for (const p of ['../x', '/etc/passwd', 'a/./b', 'a//b', 'a\\b', '']) {
      await expect(reader.read(p)).rejects.toBeInstanceOf(TreeReadError);
    }
    expect(() => new GitTreeReader(new CliGitRepository(f.work), '--output=/tmp/x')).toThrow(TreeReadError);
  });

  it('feeds resolveCommand end to end: the seed-style task file from the tree wins', async () => {
    const outcome = await resolveCommand({
      smokeCommand: null,
      profile: null,
      taskId: null,
      taskIdPattern: pattern(DEFAULT_TASK_ID_PATTERN),
      registryPath: DEFAULT_REGISTRY_PATH,
      taskPath: 'memory/tasks/{task_id}.md',
      prBodyCommand: false,
      commitMessage: git(f.work, 'log', '-1', '--format=%B', sha),
      pr: null,
      loadPrEditTimes: async () => ({ lastEditedAt: null, mergedAt: null }),
      tree: new GitTreeReader(new CliGitRepository(f.work), sha),
    });
    expect(outcome).toMatchObject({
      kind: 'command',
      source: 'task-file',
      taskId: 'task-2512',
      command: 'PYTHONPATH=. pytest tests/regression/test_post_merge_smoke_runner_2512.py -q',
    });
    expect(outcome.notes).toContain('task id task-2512 from the commit message');
  });
});
