// The git verbs on real repositories: what each answers, its typed failures, and credentials that reach
// the network verbs only, through the environment of that one git process.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { join } from 'node:path';
import {
  authEnv,
  CliGitRepository,
  GitProcessTransport,
  type GitRunOptions,
  type GitTransport,
} from '../../src/adapters/git.js';
import { mustParse, parseRefName, parseRepoPath, type Sha } from '../../src/domain/index.js';
import { listenOnLoopback } from '../../src/replay/index.js';
import {
  branch,
  git,
  GitFixture,
  MAIN,
  ORIGIN,
  repoWithAmbiguousPrefix,
  sha,
} from '../support/git-fixture.js';

const path = (p: string) => mustParse(parseRepoPath, p);

describe('local verbs', () => {
  let fx: GitFixture;
  let repo: CliGitRepository;
  let first: Sha;
  let second: Sha;
  let onMain: Sha;
  let merge: Sha;

  beforeAll(() => {
    fx = GitFixture.create('main', 'pms-verbs-');
    first = fx.head();
    second = fx.commit('Second\n\nwith a body line', {
      'src/a.txt': 'a\n',
      'src/deep/b.txt': 'b\n',
      'gone.txt': 'x',
    });
    git(fx.work, 'checkout', '-q', '-b', 'topic');
    fx.commit('on topic', { 'topic.txt': 't\n' });
    git(fx.work, 'checkout', '-q', 'main');
    git(fx.work, 'rm', '-q', 'gone.txt');
    onMain = fx.commit('on main', { 'src/a.txt': 'a2\n' });
    git(fx.work, 'merge', '-q', '--no-ff', '-m', 'Merge topic (#7)', 'topic');
    merge = fx.head();
    symlinkSync('src/a.txt', join(fx.work, 'src/link'));
    fx.commit('a symlink');
    fx.push();
    repo = new CliGitRepository(fx.work);
  });

  afterAll(() => fx.cleanup());

  it('head, worktreeRoot', async () => {
    await expect(repo.head()).resolves.toEqual({ ok: true, value: fx.head() });
    await expect(repo.worktreeRoot()).resolves.toEqual({ ok: true, value: fx.work });
  });

  it('head is null in a repository without commits, a failure outside any repository', async () => {
    const empty = join(fx.root, 'empty');
    git(fx.root, 'init', '-q', empty);
    await expect(new CliGitRepository(empty).head()).resolves.toEqual({ ok: true, value: null });
    const outside = await new CliGitRepository(fx.root).head();
    expect(outside).toMatchObject({ ok: false, failure: { kind: 'failed' } });
    expect(!outside.ok && outside.failure.message).toMatch(/not a git repository/);
  });

  it('dirtyFiles lists changed tracked files (staged, unstaged, renamed), not untracked ones', async () => {
    await expect(repo.dirtyFiles()).resolves.toEqual({ ok: true, value: [] });
    writeFileSync(join(fx.work, 'README.md'), 'edited\n');
    writeFileSync(join(fx.work, 'untracked.txt'), 'u\n');
    renameSync(join(fx.work, 'topic.txt'), join(fx.work, 'renamed.txt'));
    git(fx.work, 'add', '-A', 'topic.txt', 'renamed.txt');
    try {
      const dirty = await repo.dirtyFiles();
      expect(dirty.ok && [...dirty.value].sort()).toEqual(['README.md', 'renamed.txt']);
    } finally {
      git(fx.work, 'reset', '-q', '--hard');
      rmSync(join(fx.work, 'untracked.txt'));
    }
  });

  it('hasCommit, isAncestor (and its failure for a commit that is not here)', async () => {
    await expect(repo.hasCommit(second)).resolves.toBe(true);
    await expect(repo.hasCommit(sha('a'.repeat(40)))).resolves.toBe(false);
    await expect(repo.isAncestor(first, merge)).resolves.toEqual({ ok: true, value: true });
    await expect(repo.isAncestor(merge, first)).resolves.toEqual({ ok: true, value: false });
    const unknown = await repo.isAncestor(sha('a'.repeat(40)), merge);
    expect(unknown).toMatchObject({ ok: false, failure: { kind: 'failed' } });
  });

  it('revParseCommit finds refs and revisions, misses unknown names, refuses options', async () => {
    await expect(repo.revParseCommit('main~1')).resolves.toEqual({
      kind: 'found',
      sha: git(fx.work, 'rev-parse', 'main~1'),
    });
    await expect(repo.revParseCommit(second.slice(0, 10).toUpperCase())).resolves.toEqual({
      kind: 'found',
      sha: second,
    });
    await expect(repo.revParseCommit('no-such-ref')).resolves.toEqual({ kind: 'missing' });
    await expect(repo.revParseCommit('deadbeef')).resolves.toEqual({ kind: 'missing' });
    await expect(repo.revParseCommit('--output=/tmp/x')).resolves.toMatchObject({
      kind: 'failed',
      failure: { kind: 'refused' },
    });
  });

  it('remoteDefaultBranch reads origin/HEAD, else the only one of main and master, else null', async () => {
    await expect(repo.remoteDefaultBranch(ORIGIN)).resolves.toEqual({ ok: true, value: 'main' });
    git(fx.work, 'remote', 'set-head', 'origin', '-d');
    try {
      // No origin/HEAD: main is the only one of main and master the remote has.
      await expect(repo.remoteDefaultBranch(ORIGIN)).resolves.toEqual({ ok: true, value: 'main' });
      git(fx.work, 'update-ref', 'refs/remotes/origin/master', 'refs/remotes/origin/main');
      // Both: nothing tells which.
      await expect(repo.remoteDefaultBranch(ORIGIN)).resolves.toEqual({ ok: true, value: null });
    } finally {
      git(fx.work, 'update-ref', '-d', 'refs/remotes/origin/master');
      git(fx.work, 'remote', 'set-head', 'origin', 'main');
    }
  });

  it('commitMessage is the whole message (as `git log --format=%B` prints it)', async () => {
    await expect(repo.commitMessage(second)).resolves.toEqual({
      ok: true,
      value: 'Second\n\nwith a body line\n\n',
    });
  });

  it('changedFiles: against the first parent (a merge: what the merge brought), every file of a root commit', async () => {
    await expect(repo.changedFiles(second)).resolves.toEqual({
      ok: true,
      value: ['gone.txt', 'src/a.txt', 'src/deep/b.txt'],
    });
    await expect(repo.changedFiles(onMain)).resolves.toEqual({ ok: true, value: ['gone.txt', 'src/a.txt'] });
    await expect(repo.changedFiles(merge)).resolves.toEqual({ ok: true, value: ['topic.txt'] });
    await expect(repo.changedFiles(first)).resolves.toEqual({ ok: true, value: ['README.md'] });
  });

  it('firstParentLog lists the first-parent commits after a given one, newest first, with authors', async () => {
    const log = await repo.firstParentLog({ to: merge, after: first, max: 10 });
    expect(log.ok && log.value.map((e) => e.subject)).toEqual(['Merge topic (#7)', 'on main', 'Second']);
    expect(log.ok && log.value[0]).toMatchObject({
      sha: merge,
      authorName: 'Test Author',
      authorEmail: 'author@example.com',
    });
    expect(log.ok && log.value[0]!.parents).toHaveLength(2);
    const two = await repo.firstParentLog({ to: merge, after: null, max: 2 });
    expect(two.ok && two.value).toHaveLength(2);
  });

  it('listTreeFiles lists files, symlinks and nested files under a folder, or the whole tree', async () => {
    const head = fx.head();
    const src = await repo.listTreeFiles(head, 'src');
    expect(src.ok && src.value).toEqual([
      { path: 'src/a.txt', kind: 'file', size: 3 },
      { path: 'src/deep/b.txt', kind: 'file', size: 2 },
      { path: 'src/link', kind: 'symlink', size: 9 },
    ]);
    const all = await repo.listTreeFiles(head, '');
    expect(all.ok && all.value.map((e) => e.path)).toContain('README.md');
    await expect(repo.listTreeFiles(head, 'sr')).resolves.toEqual({ ok: true, value: [] });
  });

  it('readTreeFile reads a file of the commit, names what is not a file', async () => {
    const head = fx.head();
    await expect(repo.readTreeFile(head, path('src/a.txt'), { maxBytes: 100 })).resolves.toEqual({
      kind: 'file',
      content: 'a2\n',
    });
    await expect(repo.readTreeFile(head, path('src/link'), { maxBytes: 100 })).resolves.toEqual({
      kind: 'not-a-file',
      entry: 'symlink',
    });
    await expect(repo.readTreeFile(head, path('src'), { maxBytes: 100 })).resolves.toEqual({
      kind: 'not-a-file',
      entry: 'directory',
    });
    await expect(repo.readTreeFile(head, path('src/a.txt'), { maxBytes: 2 })).resolves.toEqual({
      kind: 'too-large',
      size: 3,
      limit: 2,
    });
  });

  it('checkoutDetached moves HEAD; it refuses when local changes would be overwritten', async () => {
    const back = fx.head();
    await expect(repo.checkoutDetached(second)).resolves.toEqual({ ok: true, value: undefined });
    expect(fx.head()).toBe(second);
    writeFileSync(join(fx.work, 'src/a.txt'), 'local\n');
    const refused = await repo.checkoutDetached(back);
    expect(refused).toMatchObject({ ok: false, failure: { kind: 'failed' } });
    git(fx.work, 'checkout', '-q', '--', 'src/a.txt');
    await expect(repo.checkoutDetached(back)).resolves.toMatchObject({ ok: true });
  });
});

describe('revParseCommit with an ambiguous short SHA', () => {
  let fx: GitFixture;
  let dir: string;
  let shared: string;
  beforeAll(() => {
    fx = GitFixture.create('main', 'pms-ambiguous-');
    dir = join(fx.root, 'many');
    shared = repoWithAmbiguousPrefix(dir);
  });
  afterAll(() => fx.cleanup());

  it('answers ambiguous with the candidates, not missing', async () => {
    const r = await new CliGitRepository(dir).revParseCommit(shared);
    expect(r.kind).toBe('ambiguous');
    if (r.kind !== 'ambiguous') return;
    expect(r.candidates.length).toBeGreaterThanOrEqual(2);
    for (const c of r.candidates) {
      expect(c.sha.startsWith(shared)).toBe(true);
      expect(c).toMatchObject({ type: 'commit', summary: expect.stringMatching(/^2023-\d\d-\d\d c\d+$/) });
    }
  });
});

describe('network verbs', () => {
  let fx: GitFixture;
  let repo: CliGitRepository;

  beforeAll(() => {
    fx = GitFixture.create('main', 'pms-net-');
    fx.commit('second', { 'a.txt': 'a\n' });
    fx.push();
    repo = new CliGitRepository(fx.work);
  });
  afterAll(() => fx.cleanup());

  it('lsRemoteHead: the head, null for a missing branch, a failure for an unreachable remote', async () => {
    await expect(repo.lsRemoteHead(ORIGIN, MAIN)).resolves.toEqual({ ok: true, value: fx.head() });
    await expect(repo.lsRemoteHead(ORIGIN, branch('nope'))).resolves.toEqual({ ok: true, value: null });
    const elsewhere = mustParseRemote(join(fx.root, 'nowhere.git'));
    const r = await repo.lsRemoteHead(elsewhere, MAIN);
    expect(r).toMatchObject({ ok: false, failure: { kind: 'failed' } });
  });

  it('fetchCommit brings a commit pushed elsewhere; a SHA the remote lacks is answered, not present', async () => {
    const other = fx.clone('colleague');
    const later = fx.commit('later', {}, other);
    fx.push('HEAD:main', other);
    await expect(repo.fetchCommit(ORIGIN, later, { branch: MAIN })).resolves.toEqual({
      present: true,
      remoteAnswered: true,
      failure: null,
    });
    const none = await repo.fetchCommit(ORIGIN, sha('b'.repeat(40)), { branch: MAIN });
    expect(none).toMatchObject({ present: false, remoteAnswered: true });
  });

  it('fetchRef fetches a branch by name, missing when the remote has none', async () => {
    const other = fx.clone('releaser');
    git(other, 'checkout', '-q', '-b', 'release/1.x');
    const rel = fx.commit('release', {}, other);
    fx.push('HEAD:refs/heads/release/1.x', other);
    await expect(repo.fetchRef(ORIGIN, mustParse(parseRefName, 'release/1.x'))).resolves.toEqual({
      kind: 'fetched',
      sha: rel,
    });
    await expect(repo.fetchRef(ORIGIN, mustParse(parseRefName, 'release/2.x'))).resolves.toEqual({
      kind: 'missing',
    });
  });

  it('isShallow and unshallow', async () => {
    const shallow = join(fx.root, 'shallow');
    git(fx.root, 'clone', '-q', '--depth=1', `file://${fx.origin}`, shallow);
    const s = new CliGitRepository(shallow);
    await expect(s.isShallow()).resolves.toBe(true);
    await expect(s.unshallow(ORIGIN, MAIN)).resolves.toEqual({ ok: true, value: undefined });
    await expect(s.isShallow()).resolves.toBe(false);
  });
});

function mustParseRemote(url: string) {
  // A path is a remote as git sees it; the domain's remote names are stricter than git's URLs.
  return url as Parameters<CliGitRepository['lsRemoteHead']>[0];
}

describe('credentials for the network verbs', () => {
  const SECRET = 'AUTHORIZATION: basic c2VjcmV0LXRva2VuLXZhbHVl';
  let fx: GitFixture;
  let server: Server;
  let seen: IncomingHttpHeaders[];
  let url: string;

  beforeAll(async () => {
    fx = GitFixture.create('main', 'pms-auth-');
    seen = [];
    server = createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(404).end('no');
    });
    url = `http://127.0.0.1:${await listenOnLoopback(server)}/octo/repo.git`;
    git(fx.work, 'remote', 'set-url', 'origin', url);
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    fx.cleanup();
  });
  afterEach(() => void (seen = []));

  it('sends the header from the environment of ls-remote, never writes it to .git/config or a message', async () => {
    const env = { ...process.env, GIT_CURL_VERBOSE: '1', GIT_TRACE_CURL: '1' };
    const repo = new CliGitRepository(fx.work, {
      env,
      auth: { extraHeader: SECRET, serverUrl: new URL(url).origin },
    });
    const r = await repo.lsRemoteHead(ORIGIN, MAIN);
    expect(seen.length).toBeGreaterThanOrEqual(1);
    expect(seen[0]!.authorization).toBe('basic c2VjcmV0LXRva2VuLXZhbHVl');
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain('c2VjcmV0');
    expect(readFileSync(join(fx.work, '.git', 'config'), 'utf8')).not.toMatch(/extraheader|c2VjcmV0/i);
  });

  it('sends no header to a remote on another server than the one the token is for', async () => {
    const auth = { extraHeader: SECRET, serverUrl: 'https://github.com' };
    const r = await new CliGitRepository(fx.work, { auth }).lsRemoteHead(ORIGIN, MAIN);
    expect(r.ok).toBe(false);
    expect(seen.length).toBeGreaterThanOrEqual(1);
    expect(seen.map((h) => h.authorization)).toEqual(seen.map(() => undefined));
  });

  it('gives the credentials to ls-remote and fetch, and to no local verb', async () => {
    const calls: { args: readonly string[]; env: GitRunOptions['env'] }[] = [];
    const real = new GitProcessTransport(fx.work);
    const recording: GitTransport = {
      cwd: fx.work,
      run: (args, options = {}) => {
        calls.push({ args, env: options.env });
        return real.run(args, options);
      },
    };
    const auth = { extraHeader: SECRET, serverUrl: new URL(url).origin };
    const repo = new CliGitRepository(fx.work, { transport: recording, auth });
    await repo.head();
    await repo.isShallow();
    await repo.lsRemoteHead(ORIGIN, MAIN);
    await repo.fetchCommit(ORIGIN, sha('c'.repeat(40)), { branch: MAIN });
    const withSecret = calls
      .filter((c) => JSON.stringify(c.env ?? {}).includes('c2VjcmV0'))
      .map((c) => c.args[0]);
    const verbs = calls.map((c) => c.args[0]);
    expect(withSecret).toEqual(['ls-remote', 'fetch', 'fetch']);
    expect(verbs.filter((v) => v !== 'ls-remote' && v !== 'fetch').length).toBeGreaterThan(2);
    expect(seen.every((h) => h.authorization === 'basic c2VjcmV0LXRva2VuLXZhbHVl')).toBe(true);
  });
});

describe('authEnv', () => {
  const auth = { extraHeader: 'A: b', serverUrl: 'https://github.com' };
  it('adds http.<server>/.extraheader after the GIT_CONFIG_* entries already there', () => {
    expect(authEnv({}, auth)).toEqual({
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'http.https://github.com/.extraheader',
      GIT_CONFIG_VALUE_0: 'A: b',
    });
    expect(
      authEnv({ GIT_CONFIG_COUNT: '2' }, { ...auth, serverUrl: 'https://ghes.example:8443/' }),
    ).toMatchObject({
      GIT_CONFIG_COUNT: '3',
      GIT_CONFIG_KEY_2: 'http.https://ghes.example:8443/.extraheader',
    });
    expect(authEnv({}, null)).toEqual({});
    expect(() => authEnv({}, { ...auth, extraHeader: 'A: b\r\nX: y' })).toThrow(/single line/);
    expect(() => authEnv({}, { ...auth, serverUrl: 'file:///srv/git' })).toThrow(/not an http\(s\) server/);
  });
});
