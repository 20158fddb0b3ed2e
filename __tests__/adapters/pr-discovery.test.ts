// PR discovery: the commit message first, then `commits/{sha}/pulls` through the real REST client against
// FakeGitHub (eventually consistent: empty right after the merge).
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { GitHubRestApi } from '../../src/adapters/github-rest.js';
import { discoverPullRequest, prNumberFromCommitMessage } from '../../src/resolve/index.js';
import { FakeGitHub, pullPayload } from '../support/fake-github.js';

const SHA = 'abcdefabcdefabcdefabcdefabcdefabcdefabcd';
const MERGED = '2026-05-09T02:00:00Z';
/** GitHub's merge button commits as web-flow; a person's push does not. */
const WEB_FLOW = 'noreply@github.com';
const REASKS = { delaysMs: [5, 5, 5] };
const PULLS = /^\/repos\/octo\/repo\/commits\/(\w+)\/pulls$/;

describe('prNumberFromCommitMessage', () => {
  it.each([
    ['Add smoke registry (#56)', 56],
    ['Fix (#1) parser edge case (#62)\n\nbody (#99)', 62],
    ['Merge pull request #55 from octo/task-2507\n\nRun smoke 10/10', 55],
    ['Merge pull request #58 from octo/feature (#3)', 58],
    ['Direct push\n\nSome text.\n\nPR: #123\nTask-Id: task-2511', 123],
    ['Direct push\n\npr:   #7  ', 7],
    ['Title (#12)\r\n\r\nPR: #13', 12],
  ])('%j → %i', (message, expected) => {
    expect(prNumberFromCommitMessage(message)?.number).toBe(expected);
  });

  it.each([
    'Plain commit',
    'Fixes #12 in the subject',
    'Title (#0)',
    'Title (#12345678901)',
    'Refs (# 12)',
    'Body mentions\n\n(#12) in the body only',
    'Body\n\nSee PR: #12 for details',
    'PR: #44',
    '',
  ])('%j → null', (message) => {
    expect(prNumberFromCommitMessage(message)).toBeNull();
  });
});

describe('discoverPullRequest', () => {
  let fake: FakeGitHub;
  let api: GitHubRestApi;

  beforeEach(async () => {
    fake = await new FakeGitHub().start();
    api = new GitHubRestApi({
      token: 'ghs_discoveryToken',
      repository: 'octo/repo',
      apiUrl: fake.url,
      graphqlUrl: fake.graphqlUrl,
      retries: 0,
      retryBaseMs: 1,
    });
  });

  afterEach(async () => {
    await fake.stop();
  });

  const retrying = () =>
    new GitHubRestApi({
      token: 'ghs_discoveryToken',
      repository: 'octo/repo',
      apiUrl: fake.url,
      graphqlUrl: fake.graphqlUrl,
      retries: 2,
      retryBaseMs: 1,
    });

  it('asks once, and concludes there is no PR, for a commit someone pushed', async () => {
    fake.on('GET', PULLS, { body: [] });
    const d = await discoverPullRequest({
      commitMessage: 'Hotfix pushed straight to main',
      committerEmail: 'dev@example.com',
      sha: SHA,
      baseBranch: 'main',
      api,
      reasks: { delaysMs: [1000, 2000], sleep: () => Promise.reject(new Error('must not wait')) },
    });
    expect(d).toMatchObject({ number: null, pr: null, via: null, error: null });
    expect(fake.requestsTo('GET', PULLS)).toHaveLength(1);
    expect(d.conclusion).toMatch(/^none: not committed by GitHub's merge \(committer dev@example.com\)/);
  });

  it('one GET pulls/N when the message names the PR, and says so', async () => {
    fake.on('GET', /^\/repos\/octo\/repo\/pulls\/12$/, {
      body: pullPayload({ number: 12, mergedAt: MERGED }),
    });
    const d = await discoverPullRequest({
      commitMessage: 'Speed up the parser (#12)',
      committerEmail: WEB_FLOW,
      sha: SHA,
      baseBranch: 'main',
      api,
      reasks: REASKS,
    });
    expect(fake.requests.map((r) => r.path)).toEqual(['/repos/octo/repo/pulls/12']);
    expect(d.conclusion).toBe('#12 named in the commit message (squash subject)');
  });

  it('without an API uses the commit message only', async () => {
    const d = await discoverPullRequest({
      commitMessage: 'Add feature (#56)',
      sha: SHA,
      baseBranch: 'main',
      api: null,
      committerEmail: WEB_FLOW,
      reasks: REASKS,
    });
    expect(d).toMatchObject({ number: 56, pr: null, via: 'commit-message', error: null });
    expect(d.notes.join(' ')).toContain('#56');
  });

  it('without an API and without a number finds nothing', async () => {
    const d = await discoverPullRequest({
      commitMessage: 'Direct push',
      sha: SHA,
      baseBranch: 'main',
      api: null,
      committerEmail: WEB_FLOW,
      reasks: REASKS,
    });
    expect(d).toMatchObject({ number: null, pr: null, via: null, error: null });
  });

  it('fetches the PR named in the commit message for its title, body and branch', async () => {
    fake.on('GET', /^\/repos\/octo\/repo\/pulls\/56$/, {
      body: pullPayload({
        number: 56,
        title: 'task-2506: registry',
        body: 'Smoke-Profile: api',
        headRef: 'task-2506',
        mergedAt: MERGED,
        mergeCommitSha: SHA,
      }),
    });
    const d = await discoverPullRequest({
      commitMessage: 'task-2506: registry (#56)',
      sha: SHA,
      baseBranch: 'main',
      api,
      committerEmail: WEB_FLOW,
      reasks: REASKS,
    });
    expect(d).toMatchObject({ number: 56, via: 'commit-message', error: null });
    expect(d.pr).toMatchObject({
      title: 'task-2506: registry',
      body: 'Smoke-Profile: api',
      headRef: 'task-2506',
    });
    expect(fake.requestsTo('GET', PULLS)).toHaveLength(0);
  });

  it('asks the API when the PR named in the message does not exist', async () => {
    fake.on('GET', PULLS, { body: [pullPayload({ number: 8, mergedAt: MERGED, mergeCommitSha: SHA })] });
    const d = await discoverPullRequest({
      commitMessage: 'Fix typo (#4040)',
      sha: SHA,
      baseBranch: 'main',
      api,
      committerEmail: WEB_FLOW,
      reasks: REASKS,
    });
    expect(d).toMatchObject({ number: 8, via: 'api', error: null });
    expect(d.notes.join(' ')).toContain('#4040');
  });

  it("re-asks commits/{sha}/pulls while it is empty for GitHub's own merge, then finds the PR", async () => {
    fake.sequence('GET', PULLS, [
      { body: [] },
      { body: [] },
      { body: [pullPayload({ number: 62, mergedAt: MERGED, mergeCommitSha: SHA, headRef: 'task-2511' })] },
    ]);
    const slept: number[] = [];
    const d = await discoverPullRequest({
      commitMessage: 'Direct merge without a number',
      sha: SHA,
      baseBranch: 'main',
      api,
      committerEmail: WEB_FLOW,
      reasks: { delaysMs: [5, 5, 5], sleep: async (ms) => void slept.push(ms) },
    });
    expect(d).toMatchObject({ number: 62, via: 'api', error: null });
    expect(d.pr).toMatchObject({ number: 62, headRef: 'task-2511' });
    expect(fake.requestsTo('GET', PULLS)).toHaveLength(3);
    expect(fake.requestsTo('GET', PULLS)[0]!.path).toBe(`/repos/octo/repo/commits/${SHA}/pulls`);
    expect(slept).toEqual([5, 5]);
  });

  it('ignores unmerged PRs and PRs merged into another base', async () => {
    fake.on('GET', PULLS, {
      body: [
        pullPayload({ number: 70 }),
        pullPayload({ number: 71, baseRef: 'release', mergedAt: MERGED, mergeCommitSha: SHA }),
        pullPayload({ number: 72, mergedAt: MERGED, mergeCommitSha: 'f'.repeat(40) }),
      ],
    });
    const d = await discoverPullRequest({
      commitMessage: 'x',
      sha: SHA,
      baseBranch: 'main',
      api,
      committerEmail: WEB_FLOW,
      reasks: REASKS,
    });
    expect(d).toMatchObject({ number: 72, via: 'api' });
    expect(d.notes.join(' ')).toMatch(/#70 \(not merged\).*#71 \(merged into release\)/);
  });

  it('prefers the merged PR whose merge commit is the SHA', async () => {
    fake.on('GET', PULLS, {
      body: [
        pullPayload({ number: 80, mergedAt: MERGED, mergeCommitSha: 'e'.repeat(40) }),
        pullPayload({ number: 81, mergedAt: MERGED, mergeCommitSha: SHA }),
      ],
    });
    const d = await discoverPullRequest({
      commitMessage: 'x',
      sha: SHA,
      baseBranch: 'main',
      api,
      committerEmail: WEB_FLOW,
      reasks: REASKS,
    });
    expect(d).toMatchObject({ number: 81, via: 'api' });
  });

  it('finds nothing when only ignorable PRs come back, after the retries', async () => {
    fake.on('GET', PULLS, { body: [pullPayload({ number: 90 })] });
    const d = await discoverPullRequest({
      commitMessage: 'x',
      sha: SHA,
      baseBranch: 'main',
      api,
      committerEmail: WEB_FLOW,
      reasks: REASKS,
    });
    expect(d).toMatchObject({ number: null, pr: null, via: null, error: null });
    expect(fake.requestsTo('GET', PULLS)).toHaveLength(4);
    expect(d.notes.join(' ')).toContain('#90 (not merged)');
  });

  it('a 500 is retried by the API client (the one retry layer), then the PR is found', async () => {
    fake.sequence('GET', PULLS, [
      { status: 500, body: { message: 'boom' } },
      { body: [pullPayload({ number: 5, mergedAt: MERGED, mergeCommitSha: SHA })] },
    ]);
    const d = await discoverPullRequest({
      commitMessage: 'x',
      sha: SHA,
      baseBranch: 'main',
      api: retrying(),
      committerEmail: WEB_FLOW,
      reasks: REASKS,
    });
    expect(d).toMatchObject({ number: 5, via: 'api', error: null });
  });

  it('returns (does not throw) an API error: 403 at once, 500 after the retries', async () => {
    fake.on('GET', PULLS, { status: 403, body: { message: 'Resource not accessible by integration' } });
    const denied = await discoverPullRequest({
      commitMessage: 'x',
      sha: SHA,
      baseBranch: 'main',
      api,
      committerEmail: WEB_FLOW,
      reasks: REASKS,
    });
    expect(denied).toMatchObject({ number: null, pr: null, via: null });
    expect(denied.error?.status).toBe(403);
    expect(fake.requestsTo('GET', PULLS)).toHaveLength(1);

    fake.on('GET', PULLS, { status: 500, body: { message: 'boom' } });
    const down = await discoverPullRequest({
      commitMessage: 'x',
      sha: SHA,
      baseBranch: 'main',
      api: retrying(),
      committerEmail: WEB_FLOW,
      reasks: REASKS,
    });
    expect(down.error?.status).toBe(500);
    // The client tried three times (retries: 2); discovery itself never retries a failure.
    expect(fake.requestsTo('GET', PULLS)).toHaveLength(1 + 3);
    expect(down.conclusion).toMatch(/^failed: .*HTTP 500/);
  });

  it('returns the getPull error with the number from the message', async () => {
    fake.on('GET', /\/pulls\/56$/, { status: 401, body: { message: 'Bad credentials' } });
    const d = await discoverPullRequest({
      commitMessage: 'X (#56)',
      sha: SHA,
      baseBranch: 'main',
      api,
      committerEmail: WEB_FLOW,
      reasks: REASKS,
    });
    expect(d).toMatchObject({ number: 56, pr: null, via: 'commit-message' });
    expect(d.error?.status).toBe(401);
  });

  it('keeps a PR from the message merged into another base, with a note', async () => {
    fake.on('GET', /\/pulls\/9$/, { body: pullPayload({ number: 9, baseRef: 'release', mergedAt: MERGED }) });
    const d = await discoverPullRequest({
      commitMessage: 'Backport (#9)',
      sha: SHA,
      baseBranch: 'main',
      api,
      committerEmail: WEB_FLOW,
      reasks: REASKS,
    });
    expect(d).toMatchObject({ number: 9, via: 'commit-message' });
    expect(d.notes.join(' ')).toContain("merged into 'release'");
  });
});
