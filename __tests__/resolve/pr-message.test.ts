// The PR a merge commit's message names, and how: real commit-message shapes.
import { describe, expect, it } from '@jest/globals';
import { DEFAULT_REGISTRY_PATH, DEFAULT_TASK_ID_PATTERN } from '../../src/settings/index.js';
import { discoverPullRequest, prNumberFromCommitMessage, resolveCommand } from '../../src/resolve/index.js';
import { pattern } from '../support/pattern.js';
import { MemoryTree } from './support/memory-tree.js';

const SHA = 'abcdefabcdefabcdefabcdefabcdefabcdefabcd';

describe('prNumberFromCommitMessage: real message shapes', () => {
  it.each([
    // GitHub "Squash and merge": the PR number closes the subject; the body lists the squashed commits.
    [
      'GitHub squash',
      'Add smoke registry (#56)\n\n* first draft\n\n* review fixes\n\nCo-authored-by: A <a@example.com>\n',
      56,
      'squash subject',
    ],
    [
      'squash with an earlier (#n) in the title',
      'Fix (#1) parser edge case (#62)\n\nbody (#99)',
      62,
      'squash subject',
    ],
    // GitHub "Create a merge commit".
    [
      'GitHub merge commit',
      'Merge pull request #55 from octo/task-2507\n\nRun smoke 10/10',
      55,
      'merge subject',
    ],
    [
      'merge subject not at the start',
      'chore: release 7.0.0 - Merge pull request #2000 from npm/release-v7\n',
      2000,
      'merge subject',
    ],
    ['merge subject wins over a (#n)', 'Merge pull request #58 from octo/feature (#3)', 58, 'merge subject'],
    // npm/cli (1,442 of 11,417 commits) and Node.js: a PR-URL trailer, no number in the subject.
    [
      'npm/cli PR-URL',
      'fix(config): add the --include option\n\nAdds --include to match --omit.\n\nPR-URL: https://github.com/npm/cli/pull/2451\nCredit: @wraithgar\nClose: #2451\nReviewed-by: @isaacs\n',
      2451,
      'PR-URL trailer',
    ],
    [
      'Node.js PR-URL with Reviewed-By',
      'src: fix a crash in the inspector\n\nFixes: https://github.com/nodejs/node/issues/41200\nPR-URL: https://github.com/nodejs/node/pull/41234\nReviewed-By: Anna <anna@example.com>\n',
      41234,
      'PR-URL trailer',
    ],
    [
      'GitHub Enterprise PR-URL',
      'Tidy\n\nPR-URL: <https://ghe.example.com/octo/repo/pull/7/files>\n',
      7,
      'PR-URL trailer',
    ],
    ['PR trailer', 'Direct push\n\nSome text.\n\nPR: #123\nTask-Id: task-2511', 123, 'PR trailer'],
    ['PR trailer, any case and spacing', 'Direct push\n\npr:   #7  ', 7, 'PR trailer'],
    [
      'Pull-Request URL trailer',
      'Sync\n\nPull-Request: https://github.com/octo/repo/pull/88\n',
      88,
      'Pull-Request trailer',
    ],
    [
      "Go's Gerrit bridge",
      'net/http: reject bad headers\n\nChange-Id: I0123\nGitHub-Last-Rev: 1a2b3c\nGitHub-Pull-Request: golang/go#61234\nReviewed-on: https://go-review.googlesource.com/c/go/+/512345\n',
      61234,
      'GitHub-Pull-Request trailer',
    ],
    ['the subject wins over a trailer', 'Title (#12)\r\n\r\nPR: #13', 12, 'squash subject'],
    // A revert made through GitHub's "Revert" button, squash-merged: the revert PR's own number counts.
    [
      'revert PR, squash-merged',
      'Revert "Add smoke registry (#56)" (#57)\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.',
      57,
      'squash subject',
    ],
  ])('%s', (_name, message, number, via) => {
    expect(prNumberFromCommitMessage(message)).toEqual({ number, via });
  });

  it.each([
    ['plain commit', 'Plain commit'],
    ['an issue reference', 'Fixes #12 in the subject'],
    ['PR #0', 'Title (#0)'],
    ['more than 9 digits', 'Title (#12345678901)'],
    ['a space after #', 'Refs (# 12)'],
    ['(#n) in the body only', 'Body mentions\n\n(#12) in the body only'],
    ['PR: inside prose', 'Body\n\nSee PR: #12 for details'],
    ['a trailer-like subject', 'PR: #44'],
    ['empty', ''],
    // `git revert` of a merge commit, pushed directly: the number is the reverted PR's, not this commit's.
    [
      'a direct revert of a merge',
      'Revert "Merge pull request #55 from octo/task-2507"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567, reversing\nchanges made to 89abcdef0123456789abcdef0123456789abcdef.\n',
    ],
    [
      'a Gerrit review URL (not a PR)',
      'Fix\n\nReviewed-on: https://go-review.googlesource.com/c/go/+/512345\n',
    ],
    ['a GitLab merge request', 'Fix\n\nPR-URL: https://gitlab.com/o/r/-/merge_requests/5\n'],
  ])('%s → null', (_name, message) => {
    expect(prNumberFromCommitMessage(message)).toBeNull();
  });

  it('skips a trailer that names another repository (a commit cherry-picked from upstream)', () => {
    const message = 'Backport fix\n\nPR-URL: https://github.com/upstream/lib/pull/900\nPR: octo/repo#31\n';
    expect(prNumberFromCommitMessage(message, 'octo/repo')).toEqual({ number: 31, via: 'PR trailer' });
    expect(prNumberFromCommitMessage(message, 'Upstream/Lib')).toEqual({
      number: 900,
      via: 'PR-URL trailer',
    });
    expect(prNumberFromCommitMessage(message)).toEqual({ number: 900, via: 'PR-URL trailer' });
  });
});

describe('the notes about the PR and the task id do not contradict each other', () => {
  it('a PR named by a PR-URL trailer, no task id, no token', async () => {
    const commitMessage = 'fix: retry on ECONNRESET\n\nPR-URL: https://github.com/npm/cli/pull/2537\n';
    const discovery = await discoverPullRequest({
      commitMessage,
      sha: SHA,
      baseBranch: 'main',
      api: null,
      committerEmail: 'dev@example.com',
      reasks: { delaysMs: [] },
    });
    expect(discovery).toMatchObject({ number: 2537, via: 'commit-message' });
    const outcome = await resolveCommand({
      smokeCommand: null,
      profile: null,
      taskId: null,
      taskIdPattern: pattern(DEFAULT_TASK_ID_PATTERN),
      registryPath: DEFAULT_REGISTRY_PATH,
      taskPath: null,
      prBodyCommand: false,
      commitMessage,
      pr: discovery.pr,
      loadPrEditTimes: async () => ({ lastEditedAt: null, mergedAt: null }),
      tree: new MemoryTree(),
    });
    const notes = [...discovery.notes, ...outcome.notes];
    expect(notes).toContain(`PR #2537 is named in the commit message of ${SHA} (PR-URL trailer).`);
    expect(notes).toContain(
      "no task id: no Task-Id trailer, and no match of task-id-pattern 'task-[0-9]+(?:\\+[0-9]+)?' in the commit message (no PR details to look in)",
    );
    expect(notes).toContain('no PR details, so no PR-body command');
    expect(notes.join('\n')).not.toMatch(/found nothing|no PR found/);
  });
});
