// The freshness gate's decisions against the in-memory repository: every verdict, the API lag, the shallow
// boundary, and a remote that fails or never answers (the budget ends the gate). The real-git tests
// (check.test.ts, workspace.test.ts) show the same verbs on git itself.
import { beforeEach, describe, expect, it } from '@jest/globals';
import { GitHubApiError } from '../../src/adapters/github.js';
import { mustParse, parseBranchName, parseRemoteName, type Sha } from '../../src/domain/index.js';
import {
  checkFreshness,
  ensureWorkspaceAt,
  freshnessMessageForAction,
  readHeadAfter,
} from '../../src/freshness/index.js';
import type { FreshnessInput } from '../../src/freshness/types.js';
import { makeCommit, MemoryGitHubApi, MemoryGitRepository, MemoryRemote } from '../support/memory-git.js';

const ORIGIN = mustParse(parseRemoteName, 'origin');
const MAIN = mustParse(parseBranchName, 'main');

let remote: MemoryRemote;
let first: Sha;
let second: Sha;
let merge: Sha;
let slept: number[];

const input = (git: MemoryGitRepository, over: Partial<FreshnessInput> = {}): FreshnessInput => ({
  git,
  api: null,
  remote: ORIGIN,
  baseBranch: MAIN,
  mergeCommit: merge,
  retry: { delaysMs: [5, 5], sleep: async (ms) => void slept.push(ms) },
  ...over,
});

beforeEach(() => {
  remote = new MemoryRemote();
  first = remote.commit('main', 'initial commit', { 'README.md': '# r\n' });
  second = remote.commit('main', 'second', { 'a.txt': 'a\n' });
  merge = remote.commit('main', 'Add feature (#12)', { 'feature.txt': 'f\n' });
  slept = [];
});

/** A commit on an unrelated history, force-pushed over main. */
function forcePushUnrelated(): Sha {
  const unrelated = makeCommit([], 'unrelated history', { 'OTHER.md': 'o\n' });
  remote.commits.set(unrelated.sha, unrelated);
  remote.forcePush('main', unrelated.sha);
  return unrelated.sha;
}

describe('checkFreshness via git (in memory)', () => {
  let git: MemoryGitRepository;
  beforeEach(() => {
    git = MemoryGitRepository.clone(remote);
  });

  it('is fresh when the head is the merge commit, asking the remote once and fetching nothing', async () => {
    await expect(checkFreshness(input(git))).resolves.toMatchObject({
      kind: 'fresh',
      originHead: merge,
      via: 'git',
    });
    expect(remote.requests).toEqual(['lsRemoteHead main']);
  });

  it('is superseded when main moved on, fetching the new head first', async () => {
    const later = remote.commit('main', 'later');
    const v = await checkFreshness(input(git));
    expect(v).toMatchObject({ kind: 'stale', reason: 'superseded', originHead: later });
    expect(v.facts).toEqual({
      tries: 1,
      gitRecheck: null,
      relation: 'ahead',
      undecided: null,
      budgetSpent: false,
      unshallowed: false,
    });
    expect(remote.requests).toEqual(['lsRemoteHead main', 'fetchCommit refs/heads/main']);
    // Facts only; the action adds its own advice, in the words it always used.
    expect(v.message).toBe(
      `The head of branch 'main' on remote 'origin' (git ls-remote) has moved on to ${later}, which contains merge commit ${merge}.`,
    );
    expect(freshnessMessageForAction(v)).toBe(
      `The head of branch 'main' on remote 'origin' (git ls-remote) has moved on to ${later}, which contains merge commit ${merge}: a newer run covers the newer head.`,
    );
  });

  it('is diverged after a force push to an unrelated history', async () => {
    const rewritten = forcePushUnrelated();
    const v = await checkFreshness(input(git));
    expect(v).toMatchObject({ kind: 'stale', reason: 'diverged', originHead: rewritten });
  });

  it('is diverged after a force push to a sibling of the merge commit', async () => {
    const sibling = remote.commit('main', 'a different merge', {}, [second]);
    const v = await checkFreshness(input(git));
    expect(v).toMatchObject({ kind: 'stale', reason: 'diverged', originHead: sibling });
    expect(v.facts.relation).toBe('diverged');
    expect(v.message).toContain('neither contains merge commit');
    expect(v.message).toContain("not contained in 'main' (a force-push, or a commit from another branch)");
    expect(v.message).not.toContain('was force-pushed');
    expect(freshnessMessageForAction(v)).toBe(v.message);
  });

  it('is rewound when main was reset to before the merge commit; git is authoritative, asked once', async () => {
    remote.forcePush('main', first);
    const v = await checkFreshness(input(git));
    expect(v).toMatchObject({ kind: 'stale', reason: 'rewound', originHead: first, via: 'git' });
    expect(v.message).toContain(`an ancestor of merge commit ${merge} (seen once)`);
    expect(v.message).toContain(
      "not contained in 'main' (a reset to before it, or a commit from another branch)",
    );
    expect(remote.requests.filter((r) => r.startsWith('lsRemoteHead'))).toHaveLength(1);
    expect(slept).toEqual([]);
  });

  it('is blocked (invalid_input) when the base branch does not exist', async () => {
    const v = await checkFreshness(input(git, { baseBranch: mustParse(parseBranchName, 'gone') }));
    expect(v).toMatchObject({ kind: 'blocked', reason: 'invalid_input', originHead: null });
  });

  it('is an error (head_unreachable) when the remote fails, after every retry', async () => {
    remote.behaviour = 'fail';
    const v = await checkFreshness(input(git));
    expect(v).toMatchObject({ kind: 'error', reason: 'head_unreachable', originHead: null, via: 'git' });
    expect(v.message).toMatch(/after 3 tries: .*Connection refused\.$/);
    expect(slept).toEqual([5, 5]);
  });

  it('is an error (head_unreachable) within its budget when the remote never answers', async () => {
    remote.behaviour = 'hang';
    const v = await checkFreshness(input(git, { budgetMs: 50 }));
    expect(v).toMatchObject({ kind: 'error', reason: 'head_unreachable', originHead: null });
    expect(v.message).toContain('the freshness budget of 50 ms ran out');
    expect(v.facts).toMatchObject({ budgetSpent: true, tries: 1, relation: null });
    // The budget ended the one try in flight; no retry was started after it.
    expect(remote.requests).toEqual(['lsRemoteHead main']);
    expect(slept).toEqual([]);
  });

  it('is an error (git_failed) when the merge commit cannot be fetched', async () => {
    const orphan = makeCommit([], 'never pushed', {}).sha;
    const v = await checkFreshness(input(git, { mergeCommit: orphan }));
    expect(v).toMatchObject({ kind: 'error', reason: 'git_failed', originHead: merge });
  });

  it('stops when the caller cancels', async () => {
    remote.behaviour = 'hang';
    const cancel = new AbortController();
    const verdict = checkFreshness(input(git, { signal: cancel.signal }));
    cancel.abort();
    await expect(verdict).resolves.toMatchObject({ kind: 'error', reason: 'head_unreachable' });
  });
});

describe('checkFreshness in a shallow clone (in memory, depth 1)', () => {
  let git: MemoryGitRepository;
  beforeEach(() => {
    git = MemoryGitRepository.clone(remote, { depth: 1 });
  });

  it('is superseded without unshallowing: the new head comes in on top', async () => {
    const later = remote.commit('main', 'later');
    await expect(checkFreshness(input(git))).resolves.toMatchObject({
      reason: 'superseded',
      originHead: later,
    });
    expect(git.calls).not.toContainEqual(expect.stringMatching(/^unshallow/));
    expect(git.shallowRoots.size).toBeGreaterThan(0);
  });

  it('is rewound, not diverged: the history cut at the boundary is completed once', async () => {
    remote.forcePush('main', first);
    await expect(checkFreshness(input(git))).resolves.toMatchObject({ reason: 'rewound', originHead: first });
    expect(git.calls.filter((c) => c.startsWith('unshallow'))).toHaveLength(1);
  });

  it('cannot tell (ERROR git_failed, undecided) when completing the shallow history fails', async () => {
    remote.forcePush('main', first);
    remote.failOn = /^unshallow/;
    const v = await checkFreshness(input(git));
    expect(v).toMatchObject({ kind: 'error', reason: 'git_failed', originHead: first });
    expect(v.facts).toMatchObject({ undecided: 'shallow-history', relation: null });
    expect(v.message).toMatch(/cannot be told in this shallow clone \(completing its history failed: /);
  });

  it('is diverged after a force push, also once unshallowed', async () => {
    const rewritten = forcePushUnrelated();
    await expect(checkFreshness(input(git))).resolves.toMatchObject({
      reason: 'diverged',
      originHead: rewritten,
    });
    expect(git.calls.filter((c) => c.startsWith('unshallow'))).toHaveLength(1);
  });
});

describe('checkFreshness when fetching is off (the CLI plan mode, in memory)', () => {
  it('answers from the commits already here, fetching nothing', async () => {
    const git = MemoryGitRepository.clone(remote);
    const later = remote.commit('main', 'later');
    await git.fetchCommit(ORIGIN, later, { branch: MAIN }); // the developer fetched earlier
    remote.requests.length = 0;
    const v = await checkFreshness(input(git, { mayFetch: false }));
    expect(v).toMatchObject({ kind: 'stale', reason: 'superseded', originHead: later });
    expect(remote.requests).toEqual(['lsRemoteHead main']);
  });

  it('cannot tell when the head is not here, and says so instead of fetching it', async () => {
    const git = MemoryGitRepository.clone(remote);
    const later = remote.commit('main', 'later');
    const v = await checkFreshness(input(git, { mayFetch: false }));
    expect(v).toMatchObject({ kind: 'error', reason: 'git_failed', originHead: later });
    expect(v.facts).toMatchObject({ undecided: 'not-fetched', relation: null });
    expect(v.message).toBe(
      `The head of branch 'main' on remote 'origin' (git ls-remote) is ${later}, not merge commit ${merge}; the head ${later} is not in the local repository and fetching is off, so how they relate is unknown.`,
    );
    expect(remote.requests).toEqual(['lsRemoteHead main']);
    expect(git.commits.has(later)).toBe(false);
  });

  it('cannot tell in a shallow clone, and leaves it shallow', async () => {
    const git = MemoryGitRepository.clone(remote, { depth: 1 });
    await git.fetchCommit(ORIGIN, first); // the old head is here, below a cut history
    remote.forcePush('main', first);
    const v = await checkFreshness(input(git, { mayFetch: false }));
    expect(v).toMatchObject({ kind: 'error', reason: 'git_failed', originHead: first });
    expect(v.facts.undecided).toBe('shallow-history');
    expect(v.message).toMatch(
      /cannot be told in this shallow clone \(its history is cut off and fetching is off\)\.$/,
    );
    expect(git.calls).not.toContainEqual(expect.stringMatching(/^unshallow/));
    expect(git.shallowRoots.size).toBeGreaterThan(0);
  });

  it('believes a shallow clone that shows the head contains the merge commit', async () => {
    const git = MemoryGitRepository.clone(remote, { depth: 1 });
    const later = remote.commit('main', 'later');
    await git.fetchCommit(ORIGIN, later, { branch: MAIN });
    await expect(checkFreshness(input(git, { mayFetch: false }))).resolves.toMatchObject({
      reason: 'superseded',
      originHead: later,
    });
  });
});

describe('checkFreshness via the API (in memory)', () => {
  let git: MemoryGitRepository;
  let api: MemoryGitHubApi;
  beforeEach(() => {
    git = MemoryGitRepository.clone(remote);
    api = new MemoryGitHubApi(remote);
  });

  it('is fresh without asking git', async () => {
    await expect(checkFreshness(input(git, { api }))).resolves.toMatchObject({ kind: 'fresh', via: 'api' });
    expect(remote.requests).toEqual([]);
  });

  it('looks again while the API lags behind the push, then is fresh', async () => {
    api.lagging = [second, second];
    const v = await checkFreshness(input(git, { api }));
    expect(v).toMatchObject({ kind: 'fresh', originHead: merge, via: 'api' });
    expect(api.requests.filter((r) => r.startsWith('ref'))).toHaveLength(3);
    expect(slept).toEqual([5, 5]);
  });

  it('re-checks with git when the API lags through every try, and believes git', async () => {
    api.lagging = [second, second, second];
    const v = await checkFreshness(input(git, { api }));
    expect(v).toMatchObject({ kind: 'fresh', originHead: merge, via: 'git' });
    expect(v.facts).toMatchObject({ tries: 3, gitRecheck: 'confirmed', relation: 'identical' });
    expect(remote.requests).toEqual(['lsRemoteHead main']);
  });

  it('says how a rewound head was seen: by the API on every try, confirmed with git', async () => {
    remote.forcePush('main', first);
    const v = await checkFreshness(input(git, { api }));
    expect(v).toMatchObject({ kind: 'stale', reason: 'rewound', via: 'git' });
    expect(v.message).toContain('(seen 3 times, confirmed with git ls-remote)');
  });

  it('keeps the API answer and says the git re-check failed when git cannot answer', async () => {
    remote.forcePush('main', first);
    remote.failOn = /^lsRemoteHead/;
    const v = await checkFreshness(input(git, { api }));
    expect(v).toMatchObject({ kind: 'stale', reason: 'rewound', via: 'api' });
    expect(v.facts.gitRecheck).toBe('failed');
    expect(v.message).toMatch(/seen 3 times; the git ls-remote re-check failed \(.*Connection refused\)/);
  });

  it('asks git when compare does not know the merge commit (404), and believes git', async () => {
    const later = remote.commit('main', 'later');
    api.unknown.add(merge);
    const v = await checkFreshness(input(git, { api }));
    expect(v).toMatchObject({ kind: 'stale', reason: 'superseded', originHead: later, via: 'git' });
    expect(api.requests.filter((r) => r.startsWith('compare'))).toHaveLength(3);
  });

  it('is superseded from the API alone when the API is up to date', async () => {
    const later = remote.commit('main', 'later');
    const v = await checkFreshness(input(git, { api }));
    expect(v).toMatchObject({ kind: 'stale', reason: 'superseded', originHead: later, via: 'api' });
    expect(remote.requests).toEqual([]);
  });

  it('is an error (head_unreachable) when the API never answers usefully, without falling back to git', async () => {
    api.failure = new GitHubApiError('HTTP 502', 502, 'git/ref');
    const v = await checkFreshness(input(git, { api }));
    expect(v).toMatchObject({ kind: 'error', reason: 'head_unreachable', via: 'api' });
    expect(remote.requests).toEqual([]);
  });

  it('is an error (api_failed) at once when the token lacks the permission', async () => {
    api.failure = new GitHubApiError('Resource not accessible by integration', 403, 'git/ref');
    const v = await checkFreshness(input(git, { api }));
    expect(v).toMatchObject({ kind: 'error', reason: 'api_failed' });
    expect(api.requests).toHaveLength(1);
  });
});

describe('readHeadAfter (in memory)', () => {
  it('reads the head now, null when the branch is gone or the remote does not answer in time', async () => {
    const git = MemoryGitRepository.clone(remote);
    const later = remote.commit('main', 'later');
    await expect(readHeadAfter(input(git))).resolves.toBe(later);
    await expect(
      readHeadAfter(input(git, { baseBranch: mustParse(parseBranchName, 'gone') })),
    ).resolves.toBeNull();
    remote.behaviour = 'hang';
    await expect(readHeadAfter(input(git, { budgetMs: 20 }))).resolves.toBeNull();
  });
});

describe('ensureWorkspaceAt (in memory)', () => {
  it('checks out the merge commit when the workspace is clean and elsewhere', async () => {
    const git = MemoryGitRepository.clone(remote);
    git.headSha = first;
    await expect(ensureWorkspaceAt(git, ORIGIN, merge)).resolves.toEqual({ ok: true, action: 'checked-out' });
    expect(git.headSha).toBe(merge);
  });

  it('never touches a workspace with local changes', async () => {
    const git = MemoryGitRepository.clone(remote);
    git.headSha = first;
    git.dirty = ['README.md'];
    const r = await ensureWorkspaceAt(git, ORIGIN, merge);
    expect(r).toMatchObject({ ok: false, reason: 'workspace_mismatch' });
    expect(git.calls).not.toContainEqual(expect.stringMatching(/^checkoutDetached/));
  });

  it('fetches a merge commit it does not have before checking it out', async () => {
    const git = MemoryGitRepository.clone(remote);
    const later = remote.commit('main', 'later');
    await expect(ensureWorkspaceAt(git, ORIGIN, later, { baseBranch: MAIN })).resolves.toEqual({
      ok: true,
      action: 'checked-out',
    });
  });
});
