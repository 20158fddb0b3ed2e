// Main health through the real API client against the loopback GitHub: refs moved in a real bare
// repository (with GitHub's own fast-forward check), the GraphQL history read from it, issues with state.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { GitCli } from '../../src/adapters/git.js';
import { GitHubApiError } from '../../src/adapters/github.js';
import { GitHubRestApi } from '../../src/adapters/github-rest.js';
import type { SmokeResult } from '../../src/contracts.js';
import { updateEscalationIssue } from '../../src/report/health/escalation-issue.js';
import { updateGreenRef } from '../../src/report/health/green-ref.js';
import { findSuspects } from '../../src/report/health/suspects.js';
import { serveMainHealth, type MainHealthState } from '../../src/replay/health-routes.js';
import { FakeGitHub } from '../support/fake-github.js';
import { git, GitFixture } from '../support/git-fixture.js';
import { sampleResult } from '../support/sample-result.js';
import { serveFromGit } from '../freshness/git-backed-api.js';

const TOKEN = 'ghs_mainHealthTestToken0123456789abc';
let fixture: GitFixture;
let server: FakeGitHub;
let state: MainHealthState;
let api: GitHubRestApi;
let clock = new Date('2026-05-09T10:00:00Z');

beforeEach(async () => {
  fixture = GitFixture.create();
  server = await new FakeGitHub().start();
  serveFromGit(server, fixture.origin);
  state = serveMainHealth(server, new GitCli(fixture.origin), 'octo/repo', { now: () => clock });
  api = new GitHubRestApi({
    token: TOKEN,
    repository: 'octo/repo',
    apiUrl: server.url,
    graphqlUrl: server.graphqlUrl,
    retryBaseMs: 1,
  });
});

afterEach(async () => {
  await server.stop();
  fixture.cleanup();
});

/** A merge landing on main: a commit pushed from the work clone. */
function merge(subject: string): string {
  const sha = fixture.commit(subject, { [`${subject.replace(/\W+/g, '-')}.txt`]: subject });
  fixture.push();
  return sha;
}

const originRef = (name: string): string | null => {
  try {
    return git(fixture.origin, 'rev-parse', '--verify', '--quiet', `refs/heads/${name}`);
  } catch {
    return null;
  }
};
const refWrites = () => server.requests.filter((r) => /\/git\/refs/.test(r.path) && r.method !== 'GET');
const pass = (sha: string, over: Partial<SmokeResult> = {}) =>
  sampleResult({ status: 'PASS', merge_commit: sha, base_branch: 'main', ...over });
const fail = (sha: string, over: Partial<SmokeResult> = {}) =>
  sampleResult({ status: 'FAIL', merge_commit: sha, base_branch: 'main', ...over });

describe('the green ref', () => {
  it('is created on the first fresh PASS, then fast-forwarded by each one', async () => {
    const m1 = merge('one (#1)');
    expect(await updateGreenRef(api, 'green', pass(m1))).toEqual({ text: `created at ${m1}`, greenSha: m1 });
    const m2 = merge('two (#2)');
    const moved = await updateGreenRef(api, 'green', pass(m2));
    expect(moved).toEqual({ text: `moved to ${m2} (from ${m1.slice(0, 7)})`, greenSha: m2 });
    expect(originRef('green')).toBe(m2);
    expect(refWrites().map((r) => [r.method, (r.json as { force?: boolean }).force])).toEqual([
      ['POST', undefined],
      ['PATCH', false],
    ]);
  });

  it('a late run of an older commit leaves it where it is: never backwards', async () => {
    const m1 = merge('one');
    const m2 = merge('two');
    git(fixture.origin, 'update-ref', 'refs/heads/green', m2);
    const late = await updateGreenRef(api, 'green', pass(m1));
    expect(late).toEqual({ text: expect.stringMatching(/^unchanged: .*never backwards/), greenSha: m2 });
    expect(originRef('green')).toBe(m2);
    expect(refWrites()).toEqual([]);
  });

  it('never moves on STALE, on an on-stale run of an old commit, or on a failure — but says where it is', async () => {
    const m1 = merge('one');
    git(fixture.origin, 'update-ref', 'refs/heads/green', m1);
    const m2 = merge('two');
    for (const result of [
      sampleResult({ status: 'STALE', merge_commit: m2 }),
      pass(m2, { stale: true }),
      fail(m2),
    ]) {
      const outcome = await updateGreenRef(api, 'green', result);
      expect(outcome).toEqual({
        text: expect.stringMatching(/^unchanged: .* \(at [0-9a-f]{7}\)$/),
        greenSha: m1,
      });
    }
    expect(refWrites()).toEqual([]);
  });

  it('after a force-push the merge commit is not a fast-forward of it: unchanged', async () => {
    const m1 = merge('one');
    const m2 = merge('two');
    git(fixture.origin, 'update-ref', 'refs/heads/green', m2);
    git(fixture.work, 'reset', '-q', '--hard', m1);
    const rewritten = fixture.commit('two, rewritten', { 'two.txt': 'again' });
    fixture.push('HEAD:main', fixture.work, true);
    const outcome = await updateGreenRef(api, 'green', pass(rewritten));
    expect(outcome.text).toMatch(/^unchanged: not a fast-forward \(the histories diverged\)/);
    expect(originRef('green')).toBe(m2);
  });

  it("GitHub's own check refuses a ref that moved meanwhile: unchanged, and it says where the ref is now", async () => {
    const m1 = merge('one');
    const side = git(fixture.origin, 'commit-tree', '-p', m1, '-m', 'elsewhere', `${m1}^{tree}`);
    git(fixture.origin, 'update-ref', 'refs/heads/green', m1);
    const m2 = merge('two');
    // Between our compare and our PATCH, someone else moves the green ref to a commit m2 does not contain.
    server.on('GET', /\/compare\//, () => {
      git(fixture.origin, 'update-ref', 'refs/heads/green', side);
      return null;
    });
    const outcome = await updateGreenRef(api, 'green', pass(m2));
    expect(outcome).toEqual({
      text: `unchanged: not a fast-forward (at ${side.slice(0, 7)})`,
      greenSha: side,
    });
    expect(originRef('green')).toBe(side);
  });
});

describe('the suspects', () => {
  const query = (mergeCommit: string, green: string | null, statusContext: string | null = 'smoke') => ({
    mergeCommit,
    green: green ? { branch: 'green', sha: green } : null,
    statusContext,
    repository: 'octo/repo',
  });

  it('are the first-parent commits after the green ref, newest first, PRs from the messages', async () => {
    const m1 = merge('one (#1)');
    const m2 = merge('two (#2)');
    // A merge commit of a branch with two commits of its own: they are not on main's first-parent line.
    git(fixture.work, 'switch', '-q', '-c', 'feature', m2);
    fixture.commit('feature a');
    fixture.commit('feature b');
    git(fixture.work, 'switch', '-q', 'main');
    merge('three (#3)');
    git(fixture.work, 'merge', '-q', '--no-ff', '-m', 'Merge pull request #4 from octo/feature', 'feature');
    fixture.push();
    const m4 = fixture.head();
    const report = await findSuspects(api, query(m4, m1));
    expect(report.suspects.map((s) => [s.subject, s.pr_number])).toEqual([
      ['Merge pull request #4 from octo/feature', 4],
      ['three (#3)', 3],
      ['two (#2)', 2],
    ]);
    expect(report.suspects[0]).toMatchObject({ sha: m4, author: 'Test Author' });
    expect(report.lastGreen).toBe(m1);
    expect(report.note).toMatch(/^after the last green commit [0-9a-f]{7} \(the green ref green/);
    expect(m2).toBe(report.suspects[2]!.sha);
  });

  it('without a green ref they end at the newest success status of the context', async () => {
    const m1 = merge('one');
    const m2 = merge('two');
    const m3 = merge('three');
    await api.createCommitStatus(m1, {
      state: 'success',
      context: 'smoke',
      description: '',
      targetUrl: null,
    });
    await api.createCommitStatus(m2, {
      state: 'failure',
      context: 'smoke',
      description: '',
      targetUrl: null,
    });
    await api.createCommitStatus(m2, {
      state: 'success',
      context: 'other',
      description: '',
      targetUrl: null,
    });
    const report = await findSuspects(api, query(m3, null));
    expect(report.suspects.map((s) => s.sha)).toEqual([m3, m2]);
    expect(report).toMatchObject({ lastGreen: m1, note: expect.stringMatching(/'smoke' success status/) });
  });

  it('after a force-push that removed the green commit: the status bound, and a note saying so', async () => {
    const m1 = merge('one');
    const m2 = merge('two');
    await api.createCommitStatus(m1, {
      state: 'success',
      context: 'smoke',
      description: '',
      targetUrl: null,
    });
    git(fixture.work, 'reset', '-q', '--hard', m1);
    const n1 = fixture.commit('two, rewritten');
    const n2 = fixture.commit('three');
    fixture.push('HEAD:main', fixture.work, true);
    const report = await findSuspects(api, query(n2, m2));
    expect(report.suspects.map((s) => s.sha)).toEqual([n2, n1]);
    expect(report.lastGreen).toBe(m1);
    expect(report.note).toMatch(
      /green ref green \([0-9a-f]{7}\) is not in the merge commit's history \(a force-push\?\)/,
    );
  });

  it('none when the failing commit is the green one or older; at most 50, the newest, when more', async () => {
    const m1 = merge('one');
    expect(await findSuspects(api, query(m1, m1))).toMatchObject({ suspects: [], lastGreen: m1 });
    for (let i = 0; i < 54; i++) fixture.commit(`c${i}`);
    fixture.push();
    const report = await findSuspects(api, query(fixture.head(), m1));
    expect(report.suspects).toHaveLength(50);
    expect(report.suspects[0]!.sha).toBe(fixture.head());
    expect(report.note).toMatch(/^more than 50 commits since the last green commit/);
  });
});

describe('the escalation issue of a red streak', () => {
  const label = 'post-merge-smoke';
  const escalate = (result: SmokeResult) =>
    updateEscalationIssue(api, {
      label,
      text: { result, repoUrl: 'https://github.com/octo/repo', suspects: null },
      now: clock,
      redact: (t) => t.split(TOKEN).join('***'),
    });

  it('opens on the first failure, comments once per further failure, closes on the next fresh PASS', async () => {
    const [m1, m2, m3, m4] = ['one (#1)', 'two (#2)', 'three (#3)', 'four (#4)'].map(merge);
    const opened = await escalate(fail(m1!, { pr_number: 1 }));
    expect(opened).toEqual({
      text: 'opened #1',
      issueNumber: 1,
      issueUrl: 'https://github.com/octo/repo/issues/1',
    });
    const issue = state.issues[0]!;
    expect(issue.title).toBe(`post-merge-smoke: main is red since ${m1!.slice(0, 7)} (PR #1)`);
    expect(issue.labels).toEqual([label]);
    // A re-run of the same failure adds nothing; a further failure one comment, once.
    expect((await escalate(fail(m1!, { pr_number: 1 }))).text).toBe(
      'unchanged: #1 already records this failure',
    );
    expect((await escalate(fail(m2!, { pr_number: 2 }))).text).toBe('commented on #1');
    expect((await escalate(fail(m2!, { pr_number: 2 }))).issueNumber).toBe(1);
    // Neither a STALE verdict nor an old commit's PASS ends the streak.
    expect((await escalate(sampleResult({ status: 'STALE', merge_commit: m3! }))).text).toMatch(
      /^unchanged: STALE/,
    );
    expect((await escalate(pass(m1!, { stale: true }))).issueNumber).toBe(1);
    expect(issue.comments).toHaveLength(1);
    clock = new Date(clock.getTime() + 2 * 3600_000 + 5 * 60_000);
    const closed = await escalate(pass(m3!, { pr_number: 3 }));
    expect(closed).toEqual({ text: 'closed #1', issueNumber: null, issueUrl: null });
    expect(issue.state).toBe('closed');
    expect(issue.comments[1]).toContain(`<code>${m3!.slice(0, 7)}</code>`);
    expect(issue.comments[1]).toMatch(/was red for 2 h 05 min/);
    expect((await escalate(pass(m4!))).text).toBe('unchanged: main is green and no issue is open');
    expect((await escalate(fail(m4!))).text).toBe('opened #2');
  });

  it('leaves an issue someone else gave the label alone, and closes a streak whose recovery comment is already there', async () => {
    state.issues.push({
      number: 1,
      title: 'A human issue',
      body: 'about smoke tests',
      labels: [label],
      state: 'open',
      createdAt: '2026-05-01T00:00:00Z',
      comments: [],
    });
    const m1 = merge('one');
    expect((await escalate(fail(m1))).text).toBe('opened #2');
    const m2 = merge('two');
    const { greenKey, marker } = await import('../../src/report/health/streak.js');
    state.issues[1]!.comments.push(marker(greenKey(m2)));
    expect((await escalate(pass(m2))).text).toBe('closed #2');
    expect(state.issues[1]!.comments).toHaveLength(1);
    expect(state.issues[0]!.state).toBe('open');
  });

  it('writes untrusted text so that it cannot mention anyone, break the markup, or carry the token', async () => {
    const m1 = merge('one');
    const hostile = `@octocat look </code></pre><script>x</script> #12 ${TOKEN} -->`;
    await escalate(fail(m1, { message: hostile, stderr: `boom @monalisa\n${hostile}\n` }));
    const body = state.issues[0]!.body;
    expect(body).not.toContain(TOKEN);
    expect(body).not.toMatch(/<script|<\/code><\/pre>/);
    const outsideCode = body.replace(/<code>[^<]*<\/code>/g, '').replace(/<pre>[\s\S]*?<\/pre>/g, '');
    expect(outsideCode).not.toContain('@');
    expect(outsideCode).not.toMatch(/#12/);
  });

  it('a lost answer never opens a second issue: creating one is tried once', async () => {
    server.on('POST', /\/repos\/octo\/repo\/issues$/, { status: 502, body: { message: 'Bad Gateway' } });
    const m1 = merge('one');
    await expect(escalate(fail(m1))).rejects.toBeInstanceOf(GitHubApiError);
    expect(server.requests.filter((r) => r.method === 'POST' && /\/issues$/.test(r.path))).toHaveLength(1);
  });

  it('leaves pull requests out of the open issues', async () => {
    server.on('GET', /\/repos\/octo\/repo\/issues$/, {
      body: [
        { number: 3, title: 'a PR', body: '<!-- post-merge-smoke:x -->', pull_request: {}, created_at: '' },
      ],
    });
    await expect(api.listOpenIssues(label)).resolves.toEqual([]);
  });
});
