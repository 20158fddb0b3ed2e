// The freshness gate against real git: a bare `origin`, a workspace clone, real pushes — read through git
// (ls-remote + merge-base) and through the REST API (FakeGitHub answering from the bare repository).
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { CliGitRepository } from '../../src/adapters/git.js';
import type { GitHubApi } from '../../src/adapters/github.js';
import { GitHubRestApi } from '../../src/adapters/github-rest.js';
import { checkFreshness, readHeadAfter } from '../../src/freshness/index.js';
import type { FreshnessInput } from '../../src/freshness/types.js';
import type { Sha } from '../../src/domain/index.js';
import { closedPortUrl, FakeGitHub } from '../support/fake-github.js';
import { branch, git, GitFixture, MAIN, ORIGIN } from '../support/git-fixture.js';
import { refAnswer, refPayload, serveFromGit } from './git-backed-api.js';

const TOKEN = 'ghs_freshnessTestToken0123456789';
const RETRY = { delaysMs: [5, 5] };
const REF = /^\/repos\/octo\/repo\/git\/ref\/heads\/main$/;

function restApi(apiUrl: string): GitHubRestApi {
  return new GitHubRestApi({
    token: TOKEN,
    repository: 'octo/repo',
    apiUrl,
    graphqlUrl: `${apiUrl}/graphql`,
    // The client is the one retry layer for transport failures; the gate only looks again at API lag.
    retries: 2,
    retryBaseMs: 1,
  });
}

/** A commit on an unrelated history force-pushed over main from a second clone. */
function forcePushUnrelated(fx: GitFixture): string {
  const other = fx.clone('rewriter');
  git(other, 'checkout', '-q', '--orphan', 'rewrite');
  git(other, 'rm', '-rqf', '.');
  const sha = fx.commit('unrelated history', { 'OTHER.md': 'other\n' }, other);
  fx.push('HEAD:main', other, true);
  return sha;
}

/** One more commit on main pushed by someone else. */
function pushFromSecondClone(fx: GitFixture): string {
  const other = fx.clone('colleague');
  const sha = fx.commit('a later merge', { 'later.txt': 'later\n' }, other);
  fx.push('HEAD:main', other);
  return sha;
}

describe.each(['git', 'api'] as const)('checkFreshness via %s', (mode) => {
  let fx: GitFixture;
  let fake: FakeGitHub;
  let api: GitHubApi | null;
  let mergeCommit: Sha;

  const input = (over: Partial<FreshnessInput> = {}): FreshnessInput => ({
    git: new CliGitRepository(fx.work),
    api,
    remote: ORIGIN,
    baseBranch: MAIN,
    mergeCommit,
    retry: RETRY,
    ...over,
  });

  beforeEach(async () => {
    fx = GitFixture.create();
    fake = await new FakeGitHub().start();
    serveFromGit(fake, fx.origin);
    api = mode === 'api' ? restApi(fake.url) : null;
    mergeCommit = fx.commit('Add feature (#12)', { 'feature.txt': 'feature\n' });
    fx.push();
  });

  afterEach(async () => {
    await fake.stop();
    fx.cleanup();
  });

  it('is fresh when the head is the merge commit', async () => {
    const v = await checkFreshness(input());
    expect(v).toMatchObject({ kind: 'fresh', originHead: mergeCommit, via: mode });
    expect(v.message).toContain(mergeCommit);
  });

  it('is stale (superseded) when another push moved the branch on', async () => {
    const later = pushFromSecondClone(fx);
    const v = await checkFreshness(input());
    expect(v).toMatchObject({ kind: 'stale', reason: 'superseded', originHead: later, via: mode });
    expect(v.message).toContain(later);
  });

  it('is stale (diverged) when the branch was force-pushed to an unrelated history', async () => {
    const rewritten = forcePushUnrelated(fx);
    const v = await checkFreshness(input());
    expect(v).toMatchObject({ kind: 'stale', reason: 'diverged', originHead: rewritten, via: mode });
  });

  it('is stale (diverged) when the branch was force-pushed to a sibling of the merge commit', async () => {
    const other = fx.clone('sibling');
    git(other, 'reset', '-q', '--hard', 'HEAD~1');
    const sibling = fx.commit('a different merge', { 'sibling.txt': 's\n' }, other);
    fx.push('HEAD:main', other, true);
    const v = await checkFreshness(input());
    expect(v).toMatchObject({ kind: 'stale', reason: 'diverged', originHead: sibling, via: mode });
  });

  it('is stale (rewound) when the branch was reset to before the merge commit', async () => {
    const before = git(fx.work, 'rev-parse', 'HEAD~1');
    fx.push(`${before}:refs/heads/main`, fx.work, true);
    const v = await checkFreshness(input());
    expect(v).toMatchObject({ kind: 'stale', reason: 'rewound', originHead: before });
    // The API saw "behind" on every try and git ls-remote confirmed it.
    expect(v.via).toBe('git');
    if (mode === 'api') expect(fake.requestsTo('GET', REF)).toHaveLength(3);
  });

  it('is blocked (invalid_input) when the base branch does not exist on the remote', async () => {
    const v = await checkFreshness(input({ baseBranch: branch('no-such-branch') }));
    expect(v).toMatchObject({ kind: 'blocked', reason: 'invalid_input', originHead: null, via: mode });
    expect(v.message).toContain("'base-branch'");
    expect(v.message).toContain('no-such-branch');
  });

  it('is an error (head_unreachable) when the remote cannot be reached, after the retries', async () => {
    if (mode === 'git') {
      git(fx.work, 'remote', 'set-url', 'origin', `${fx.root}/does-not-exist.git`);
    } else {
      api = restApi(await closedPortUrl());
    }
    const slept: number[] = [];
    const v = await checkFreshness(
      input({ retry: { delaysMs: [5, 5], sleep: async (ms) => void slept.push(ms) } }),
    );
    expect(v).toMatchObject({ kind: 'error', reason: 'head_unreachable', originHead: null, via: mode });
    // git is asked again by the gate; the API client already tried again itself, so the gate does not wait.
    expect(slept).toEqual(mode === 'git' ? [5, 5] : []);
    expect(v.message).toMatch(mode === 'git' ? /after 3 tries/ : /after 1 try/);
    expect(v.message).toMatch(mode === 'git' ? /ls-remote/ : /no answer/);
  });

  it('reads the head again after the command', async () => {
    expect(await readHeadAfter(input())).toBe(mergeCommit);
    const later = pushFromSecondClone(fx);
    expect(await readHeadAfter(input())).toBe(later);
    expect(await readHeadAfter(input({ baseBranch: branch('gone') }))).toBeNull();
  });

  it('reads no head after the command when the remote is unreachable (null, no throw)', async () => {
    if (mode === 'git') git(fx.work, 'remote', 'set-url', 'origin', `${fx.root}/nowhere.git`);
    else api = restApi(await closedPortUrl());
    await expect(readHeadAfter(input())).resolves.toBeNull();
  });
});

describe('checkFreshness via api: API behaviour', () => {
  let fx: GitFixture;
  let fake: FakeGitHub;
  let mergeCommit: Sha;
  let previous: Sha;

  const input = (api: GitHubApi, over: Partial<FreshnessInput> = {}): FreshnessInput => ({
    git: new CliGitRepository(fx.work),
    api,
    remote: ORIGIN,
    baseBranch: MAIN,
    mergeCommit,
    retry: RETRY,
    ...over,
  });

  beforeEach(async () => {
    fx = GitFixture.create();
    fake = await new FakeGitHub().start();
    serveFromGit(fake, fx.origin);
    previous = fx.head();
    mergeCommit = fx.commit('Merge pull request #7 from octo/feature', { 'f.txt': 'f\n' });
    fx.push();
  });

  afterEach(async () => {
    await fake.stop();
    fx.cleanup();
  });

  it('retries while the API lags behind the push, then is fresh (not stale)', async () => {
    fake.on('GET', REF, (_req, _m, i) =>
      i < 2 ? refPayload('octo/repo', 'main', previous) : refAnswer(fx.origin, 'octo/repo', 'main'),
    );
    const v = await checkFreshness(input(restApi(fake.url)));
    expect(v).toMatchObject({ kind: 'fresh', originHead: mergeCommit, via: 'api' });
    expect(fake.requestsTo('GET', REF)).toHaveLength(3);
    // The two lagging answers were compared and found "behind".
    expect(fake.requestsTo('GET', /\/compare\//)).toHaveLength(2);
  });

  it('re-checks with git ls-remote when the API lags through every retry', async () => {
    fake.on('GET', REF, refPayload('octo/repo', 'main', previous));
    const v = await checkFreshness(input(restApi(fake.url)));
    expect(v).toMatchObject({ kind: 'fresh', originHead: mergeCommit, via: 'git' });
    expect(fake.requestsTo('GET', REF)).toHaveLength(3);
  });

  it('retries a 500 and is fresh when the API recovers', async () => {
    fake.on('GET', REF, (_req, _m, i) =>
      i === 0 ? { status: 500, body: { message: 'boom' } } : refAnswer(fx.origin, 'octo/repo', 'main'),
    );
    const v = await checkFreshness(input(restApi(fake.url)));
    expect(v).toMatchObject({ kind: 'fresh', originHead: mergeCommit, via: 'api' });
  });

  it('is an error (head_unreachable) when the API answers 500 on every try, without falling back', async () => {
    fake.on('GET', REF, { status: 502, body: { message: 'Server Error' } });
    const v = await checkFreshness(input(restApi(fake.url)));
    expect(v).toMatchObject({ kind: 'error', reason: 'head_unreachable', via: 'api' });
    expect(v.message).toContain('HTTP 502');
    expect(fake.requestsTo('GET', REF)).toHaveLength(3);
  });

  it('retries a transport failure in one layer only: the client, never the gate around it', async () => {
    fake.on('GET', REF, { status: 500, body: { message: 'boom' } });
    const api = new GitHubRestApi({
      token: TOKEN,
      repository: 'octo/repo',
      apiUrl: fake.url,
      graphqlUrl: fake.graphqlUrl,
      retries: 1,
      retryBaseMs: 1,
    });
    const v = await checkFreshness(input(api, { retry: { delaysMs: [1] } }));
    expect(v.kind).toBe('error');
    expect(fake.requestsTo('GET', REF)).toHaveLength(2);
  });

  it.each([403, 401])(
    'is an error (api_failed) naming the permission on HTTP %i, without retrying',
    async (status) => {
      fake.on('GET', REF, { status, body: { message: 'Resource not accessible by integration' } });
      const v = await checkFreshness(input(restApi(fake.url)));
      expect(v).toMatchObject({ kind: 'error', reason: 'api_failed', via: 'api', originHead: null });
      expect(v.message).toContain('contents: read');
      expect(v.message).toContain(`HTTP ${status}`);
      expect(v.message).not.toContain(TOKEN);
      expect(fake.requestsTo('GET', REF)).toHaveLength(1);
    },
  );

  it('treats a 403 rate limit as transient', async () => {
    fake.on('GET', REF, (_req, _m, i) =>
      i === 0
        ? {
            status: 403,
            headers: { 'retry-after': '0' },
            body: { message: 'You have exceeded a secondary rate limit' },
          }
        : refAnswer(fx.origin, 'octo/repo', 'main'),
    );
    const v = await checkFreshness(input(restApi(fake.url)));
    expect(v).toMatchObject({ kind: 'fresh', via: 'api' });
  });

  it('is an error (api_failed) when compare is refused', async () => {
    pushFromSecondClone(fx);
    fake.on('GET', /\/compare\//, { status: 403, body: { message: 'Forbidden' } });
    const v = await checkFreshness(input(restApi(fake.url)));
    expect(v).toMatchObject({ kind: 'error', reason: 'api_failed' });
    expect(v.message).toContain('contents: read');
    expect(v.originHead).toMatch(/^[0-9a-f]{40}$/);
  });

  it('asks git when the API does not know the merge commit (compare 404), and believes git', async () => {
    const later = pushFromSecondClone(fx);
    fake.on('GET', /\/compare\//, { status: 404, body: { message: 'Not Found' } });
    const v = await checkFreshness(input(restApi(fake.url)));
    expect(v).toMatchObject({ kind: 'stale', reason: 'superseded', originHead: later, via: 'git' });
    expect(fake.requestsTo('GET', /\/compare\//)).toHaveLength(3);
  });

  it('records via git with no API at all, fetching a head it does not have', async () => {
    const later = pushFromSecondClone(fx);
    expect(() => git(fx.work, 'cat-file', '-e', `${later}^{commit}`)).toThrow();
    const v = await checkFreshness(input(restApi(fake.url), { api: null }));
    expect(v).toMatchObject({ kind: 'stale', reason: 'superseded', originHead: later, via: 'git' });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('checkFreshness via git in a shallow clone (actions/checkout fetch-depth: 1)', () => {
  let fx: GitFixture;
  let shallow: string;
  let mergeCommit: Sha;

  const input = (): FreshnessInput => ({
    git: new CliGitRepository(shallow),
    api: null,
    remote: ORIGIN,
    baseBranch: MAIN,
    mergeCommit,
    retry: RETRY,
  });

  beforeEach(() => {
    fx = GitFixture.create();
    fx.commit('second', { 'a.txt': 'a\n' });
    mergeCommit = fx.commit('third (#4)', { 'b.txt': 'b\n' });
    fx.push();
    shallow = `${fx.root}/shallow`;
    git(fx.root, 'clone', '-q', '--depth=1', `file://${fx.origin}`, shallow);
    expect(git(shallow, 'rev-parse', '--is-shallow-repository')).toBe('true');
  });

  afterEach(() => fx.cleanup());

  it('is fresh', async () => {
    await expect(checkFreshness(input())).resolves.toMatchObject({ kind: 'fresh', originHead: mergeCommit });
  });

  it('is superseded', async () => {
    const later = pushFromSecondClone(fx);
    await expect(checkFreshness(input())).resolves.toMatchObject({
      kind: 'stale',
      reason: 'superseded',
      originHead: later,
    });
    // The new commits came in on top of the shallow history; nothing had to be unshallowed.
    expect(git(shallow, 'rev-parse', '--is-shallow-repository')).toBe('true');
  });

  it('is rewound, not diverged, although the history below the merge commit is cut off', async () => {
    const before = git(fx.work, 'rev-parse', 'HEAD~2');
    fx.push(`${before}:refs/heads/main`, fx.work, true);
    await expect(checkFreshness(input())).resolves.toMatchObject({
      kind: 'stale',
      reason: 'rewound',
      originHead: before,
    });
  });

  it('with fetching off, says it cannot tell instead of unshallowing the clone', async () => {
    const before = git(fx.work, 'rev-parse', 'HEAD~2');
    fx.push(`${before}:refs/heads/main`, fx.work, true);
    git(shallow, 'fetch', '-q', '--depth=1', 'origin', before); // the old head is here, below a cut history
    const objects = git(shallow, 'count-objects', '-v');
    const v = await checkFreshness({ ...input(), mayFetch: false });
    expect(v).toMatchObject({ kind: 'error', reason: 'git_failed', originHead: before });
    expect(v.facts.undecided).toBe('shallow-history');
    expect(v.message).toContain('cannot be told in this shallow clone');
    expect(git(shallow, 'rev-parse', '--is-shallow-repository')).toBe('true');
    expect(git(shallow, 'count-objects', '-v')).toBe(objects);
  });

  it('with fetching off, does not fetch a head it does not have', async () => {
    const later = pushFromSecondClone(fx);
    const v = await checkFreshness({ ...input(), mayFetch: false });
    expect(v).toMatchObject({ kind: 'error', reason: 'git_failed', originHead: later });
    expect(v.facts.undecided).toBe('not-fetched');
    expect(() => git(shallow, 'cat-file', '-e', `${later}^{commit}`)).toThrow();
  });

  it('is diverged after a force push', async () => {
    const rewritten = forcePushUnrelated(fx);
    await expect(checkFreshness(input())).resolves.toMatchObject({
      kind: 'stale',
      reason: 'diverged',
      originHead: rewritten,
    });
  });
});
