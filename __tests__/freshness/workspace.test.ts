// ensureWorkspaceAt and resolveMergeCommit against real repositories.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliGitRepository } from '../../src/adapters/git.js';
import { ensureWorkspaceAt, resolveMergeCommit } from '../../src/freshness/index.js';
import { git, GitFixture, MAIN, ORIGIN, repoWithAmbiguousPrefix } from '../support/git-fixture.js';

let fx: GitFixture;
let first: string;
let merge: string;

beforeEach(() => {
  fx = GitFixture.create();
  first = fx.head();
  merge = fx.commit('Add feature (#3)', { 'feature.txt': 'v2\n', 'README.md': '# fixture v2\n' });
  fx.push();
});

afterEach(() => fx.cleanup());

describe('ensureWorkspaceAt', () => {
  it('does nothing when HEAD is the merge commit', async () => {
    await expect(ensureWorkspaceAt(new CliGitRepository(fx.work), ORIGIN, merge)).resolves.toEqual({
      ok: true,
      action: 'already-at-commit',
    });
  });

  it('checks out the merge commit detached when HEAD differs and the tree is clean', async () => {
    git(fx.work, 'checkout', '-q', '--detach', first);
    // Untracked files do not make the tree dirty.
    writeFileSync(join(fx.work, 'untracked.log'), 'x\n');
    const r = await ensureWorkspaceAt(new CliGitRepository(fx.work), ORIGIN, merge);
    expect(r).toEqual({ ok: true, action: 'checked-out' });
    expect(fx.head()).toBe(merge);
    expect(() => git(fx.work, 'symbolic-ref', '-q', 'HEAD')).toThrow(); // detached
  });

  it('fetches a merge commit the workspace does not have yet, then checks it out', async () => {
    const other = fx.clone('colleague');
    const later = fx.commit('later', { 'later.txt': 'l\n' }, other);
    fx.push('HEAD:main', other);
    expect(() => git(fx.work, 'cat-file', '-e', `${later}^{commit}`)).toThrow();
    const r = await ensureWorkspaceAt(new CliGitRepository(fx.work), ORIGIN, later);
    expect(r).toEqual({ ok: true, action: 'checked-out' });
    expect(fx.head()).toBe(later);
  });

  it('refuses a workspace with changes to tracked files (workspace_mismatch), leaving it alone', async () => {
    git(fx.work, 'checkout', '-q', '--detach', first);
    writeFileSync(join(fx.work, 'README.md'), 'local edit\n');
    const r = await ensureWorkspaceAt(new CliGitRepository(fx.work), ORIGIN, merge);
    expect(r).toMatchObject({ ok: false, reason: 'workspace_mismatch' });
    const message = (r as { message: string }).message;
    expect(message).toContain(first);
    expect(message).toContain(merge);
    expect(message).toContain('README.md');
    expect(message).toContain('ref: ${{ github.sha }}');
    expect(fx.head()).toBe(first);
    expect(git(fx.work, 'status', '--porcelain')).toContain('README.md');
  });

  it('reports git_failed with what git said when the commit cannot be fetched', async () => {
    git(fx.work, 'checkout', '-q', '--detach', first);
    git(fx.work, 'remote', 'set-url', 'origin', join(fx.root, 'gone.git'));
    const r = await ensureWorkspaceAt(new CliGitRepository(fx.work), ORIGIN, 'a'.repeat(40));
    expect(r).toMatchObject({ ok: false, reason: 'git_failed' });
    expect((r as { message: string }).message).toMatch(/gone\.git|does not appear to be a git repository/);
  });

  it('reports git_failed outside a repository', async () => {
    const r = await ensureWorkspaceAt(new CliGitRepository(fx.root), ORIGIN, merge);
    expect(r).toMatchObject({ ok: false, reason: 'git_failed' });
    expect((r as { message: string }).message).toContain('not a git repository');
  });
});

describe('resolveMergeCommit', () => {
  it('accepts a full SHA present locally (any case)', async () => {
    await expect(
      resolveMergeCommit(new CliGitRepository(fx.work), ORIGIN, merge.toUpperCase()),
    ).resolves.toEqual({
      ok: true,
      sha: merge,
    });
  });

  it('fetches a full SHA that is only on the remote', async () => {
    const other = fx.clone('colleague');
    const later = fx.commit('later', {}, other);
    fx.push('HEAD:main', other);
    await expect(resolveMergeCommit(new CliGitRepository(fx.work), ORIGIN, later)).resolves.toEqual({
      ok: true,
      sha: later,
    });
    expect(git(fx.work, 'cat-file', '-t', later)).toBe('commit');
  });

  it('with fetching off, names a SHA or a branch that is only on the remote instead of fetching it', async () => {
    const other = fx.clone('colleague');
    git(other, 'checkout', '-q', '-b', 'release/1.x');
    const later = fx.commit('later', {}, other);
    fx.push('HEAD:refs/heads/release/1.x', other);
    const repo = new CliGitRepository(fx.work);
    const bySha = await resolveMergeCommit(repo, ORIGIN, later, { mayFetch: false });
    expect(bySha).toMatchObject({ ok: false, reason: 'invalid_input' });
    expect((bySha as { message: string }).message).toContain(
      'not in the local repository (not fetched: fetching is off)',
    );
    const byRef = await resolveMergeCommit(repo, ORIGIN, 'release/1.x', { mayFetch: false });
    expect(byRef).toMatchObject({ ok: false, reason: 'invalid_input' });
    expect((byRef as { message: string }).message).toContain('fetching is off');
    expect(() => git(fx.work, 'cat-file', '-e', `${later}^{commit}`)).toThrow();
    await expect(resolveMergeCommit(repo, ORIGIN, 'main', { mayFetch: false })).resolves.toEqual({
      ok: true,
      sha: merge,
    });
  });

  it('rejects a full SHA that exists nowhere (invalid_input naming merge-commit)', async () => {
    const r = await resolveMergeCommit(new CliGitRepository(fx.work), ORIGIN, 'b'.repeat(40), {
      baseBranch: MAIN,
    });
    expect(r).toMatchObject({ ok: false, reason: 'invalid_input' });
    expect((r as { message: string }).message).toContain("'merge-commit'");
  });

  it('reports git_failed for a missing SHA when the remote is unreachable', async () => {
    git(fx.work, 'remote', 'set-url', 'origin', join(fx.root, 'gone.git'));
    const r = await resolveMergeCommit(new CliGitRepository(fx.work), ORIGIN, 'c'.repeat(40));
    expect(r).toMatchObject({ ok: false, reason: 'git_failed' });
  });

  it.each(['main', 'origin/main', 'refs/remotes/origin/main', 'HEAD'])('resolves the ref %s', async (ref) => {
    await expect(resolveMergeCommit(new CliGitRepository(fx.work), ORIGIN, ref)).resolves.toEqual({
      ok: true,
      sha: merge,
    });
  });

  it('resolves a relative revision', async () => {
    await expect(resolveMergeCommit(new CliGitRepository(fx.work), ORIGIN, 'main~1')).resolves.toEqual({
      ok: true,
      sha: first,
    });
  });

  it('resolves a branch that exists only on the remote by fetching it', async () => {
    const other = fx.clone('colleague');
    git(other, 'checkout', '-q', '-b', 'release/1.x');
    const rel = fx.commit('release', {}, other);
    fx.push('HEAD:refs/heads/release/1.x', other);
    for (const ref of ['release/1.x', 'origin/release/1.x']) {
      await expect(resolveMergeCommit(new CliGitRepository(fx.work), ORIGIN, ref)).resolves.toEqual({
        ok: true,
        sha: rel,
      });
    }
  });

  it.each(['no-such-branch', 'origin/no-such-branch', 'deadbeef', 'main~99', 'a..b'])(
    'rejects the unknown ref %s (invalid_input naming merge-commit)',
    async (ref) => {
      const r = await resolveMergeCommit(new CliGitRepository(fx.work), ORIGIN, ref);
      expect(r).toMatchObject({ ok: false, reason: 'invalid_input' });
      expect((r as { message: string }).message).toContain("'merge-commit'");
    },
  );

  it('says a short SHA is ambiguous and lists the commits it could mean (BLOCKED invalid_input)', async () => {
    const shared = repoWithAmbiguousPrefix(join(fx.root, 'many'));
    const r = await resolveMergeCommit(new CliGitRepository(join(fx.root, 'many')), ORIGIN, shared);
    expect(r).toMatchObject({ ok: false, reason: 'invalid_input' });
    const message = (r as { message: string }).message;
    expect(message).toMatch(
      new RegExp(
        `^Input 'merge-commit': '${shared}' is ambiguous: it is the start of \\d+ commits: ${shared}[0-9a-f]{8} \\(2023-\\d\\d-\\d\\d c\\d+\\), ${shared}`,
      ),
    );
    expect(message).not.toMatch(/neither a full commit SHA/);
  });

  it.each(['', '  ', '--upload-pack=evil', 'main\nmore'])('rejects the malformed input %j', async (ref) => {
    const r = await resolveMergeCommit(new CliGitRepository(fx.work), ORIGIN, ref);
    expect(r).toMatchObject({ ok: false, reason: 'invalid_input' });
  });
});
