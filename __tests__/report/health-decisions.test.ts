// Main health's decisions, pure: which results are green or red, how the green ref may move, where the
// suspects end, what the streak's issue does, which result artifacts a report job folds.
import { describe, expect, it } from '@jest/globals';
import type { HistoryCommit } from '../../src/adapters/github.js';
import { SMOKE_STATUSES, type SmokeStatus } from '../../src/contracts.js';
import { planGreenMove } from '../../src/report/health/green-ref.js';
import { healthSignal } from '../../src/report/health/signal.js';
import { decideIssueAction, greenKey, marker, markedKeys } from '../../src/report/health/streak.js';
import { toSuspect, walkFirstParents } from '../../src/report/health/suspects.js';
import {
  parseResultArtifactName,
  pickResultArtifacts,
  resultArtifactName,
} from '../../src/report/result-artifact.js';
import { SAMPLE_SHA } from '../support/sample-result.js';

describe('healthSignal', () => {
  const expected: Record<SmokeStatus, 'green' | 'red' | 'none'> = {
    PASS: 'green',
    FAIL: 'red',
    TIMEOUT: 'red',
    BLOCKED: 'red',
    ERROR: 'red',
    SKIPPED: 'none',
    STALE: 'none',
    CANCELLED: 'none',
  };
  it.each(SMOKE_STATUSES.map((s) => [s, expected[s]] as const))('a fresh %s is %s', (status, kind) => {
    expect(healthSignal({ status, stale: status === 'STALE' }).kind).toBe(kind);
  });

  it.each(['PASS', 'FAIL'] as const)(
    '%s of an old commit (on-stale run) says nothing about main',
    (status) => {
      const signal = healthSignal({ status, stale: true });
      expect(signal).toEqual({ kind: 'none', why: expect.stringContaining('stale: true') });
    },
  );
});

it('a merge queue candidate says nothing about main: it is not on the base branch yet', () => {
  const queue = { head_ref: 'refs/heads/gh-readonly-queue/main/pr-1-abc', base_sha: null };
  expect(healthSignal({ status: 'PASS', stale: false, queue })).toMatchObject({ kind: 'none' });
  expect(healthSignal({ status: 'FAIL', stale: false, queue })).toMatchObject({ kind: 'none' });
});

describe('planGreenMove', () => {
  it('creates a missing ref, fast-forwards when ahead, never goes backwards or sideways', () => {
    expect(planGreenMove('missing')).toEqual({ kind: 'create' });
    expect(planGreenMove('ahead')).toEqual({ kind: 'fast-forward' });
    expect(planGreenMove('identical')).toEqual({ kind: 'unchanged', why: 'already at the merge commit' });
    expect(planGreenMove('behind')).toMatchObject({
      kind: 'unchanged',
      why: expect.stringMatching(/never backwards/),
    });
    expect(planGreenMove('diverged')).toMatchObject({
      kind: 'unchanged',
      why: expect.stringMatching(/not a fast-forward/),
    });
  });
});

/** A history from `spec`: "sha:parent[:state]" newest first; message "subject of <sha> (#n)". */
function history(...spec: string[]): Map<string, HistoryCommit> {
  return new Map(
    spec.map((s) => {
      const [sha, parent, state] = s.split(':');
      const commit: HistoryCommit = {
        sha: sha!,
        firstParent: parent || null,
        message: `subject of ${sha}`,
        author: 'octocat',
        contextState: (state as HistoryCommit['contextState']) ?? null,
      };
      return [sha!, commit];
    }),
  );
}
const shas = (w: { commits: HistoryCommit[] }) => w.commits.map((c) => c.sha);

describe('walkFirstParents', () => {
  it('lists the merge commit and its first parents down to the green commit (excluded)', () => {
    const h = history('e:d', 'd:c', 'c:b', 'b:a', 'a:');
    const walk = walkFirstParents(h, 'e', { kind: 'commit', sha: 'b' });
    expect(walk).toMatchObject({ end: 'bound', lastGreen: 'b' });
    expect(shas(walk)).toEqual(['e', 'd', 'c']);
  });

  it('follows first parents only: a merged branch’s own commits are not suspects', () => {
    // m merges x2 (second parent) into c; x1, x2 were on the branch.
    const h = history('m:c', 'x2:x1', 'c:b:success', 'x1:b', 'b:a');
    expect(shas(walkFirstParents(h, 'm', { kind: 'status' }))).toEqual(['m']);
  });

  it('stops at the newest success status, never at the merge commit’s own', () => {
    const h = history('d:c:success', 'c:b:failure', 'b:a:success', 'a:');
    const walk = walkFirstParents(h, 'd', { kind: 'status' });
    expect(shas(walk)).toEqual(['d', 'c']);
    expect(walk.lastGreen).toBe('b');
  });

  it('says why a list has no lower end: at most max, the root, or the history read ran out', () => {
    const long = history(...Array.from({ length: 60 }, (_, i) => `c${i}:c${i + 1}`), 'c60:');
    const max = walkFirstParents(long, 'c0', { kind: 'none' });
    expect([max.end, max.commits.length]).toEqual(['max', 50]);
    expect(walkFirstParents(history('b:a', 'a:'), 'b', { kind: 'status' }).end).toBe('root');
    const window = walkFirstParents(history('c:b', 'b:a'), 'c', { kind: 'commit', sha: 'z' });
    expect([window.end, shas(window)]).toEqual(['window', ['c', 'b']]);
  });
});

describe('toSuspect', () => {
  const commit = (message: string): HistoryCommit => ({
    sha: SAMPLE_SHA,
    firstParent: null,
    message,
    author: 'octocat',
    contextState: null,
  });
  it('reads the PR from the message: squash subject, merge subject, trailer; a revert names its own', () => {
    expect(toSuspect(commit('Add widgets (#12)\n\nbody'), 'octo/repo')).toEqual({
      sha: SAMPLE_SHA,
      subject: 'Add widgets (#12)',
      pr_number: 12,
      author: 'octocat',
    });
    expect(toSuspect(commit('Merge pull request #7 from o/b\n\nTitle'), null).pr_number).toBe(7);
    expect(
      toSuspect(commit('Fix\n\nPR-URL: https://github.com/octo/repo/pull/9'), 'octo/repo').pr_number,
    ).toBe(9);
    expect(toSuspect(commit('Revert "Add widgets (#12)" (#13)'), null).pr_number).toBe(13);
    expect(toSuspect(commit('Direct push'), null).pr_number).toBeNull();
  });
});

describe('markers and the issue decision', () => {
  it('round-trips any key, and nothing in a key can end the hidden comment', () => {
    const key = 'task-1::POST_MERGE_SMOKE_FAILED::abc --> <script>';
    expect(marker(key)).not.toMatch(/-->.*-->/);
    expect(markedKeys([`text ${marker(key)} more ${marker('b')}`])).toEqual(new Set([key, 'b']));
    expect(markedKeys(['<!-- post-merge-smoke:%E0%A4%A -->'])).toEqual(new Set());
  });

  const open = (keys: string[]) => ({ number: 4, keys: new Set(keys) });
  it('opens on the first failure, comments once per new failure, never twice for one key', () => {
    expect(decideIssueAction({ kind: 'red' }, 'k1', null)).toEqual({ kind: 'open' });
    expect(decideIssueAction({ kind: 'red' }, 'k2', open(['k1']))).toEqual({ kind: 'comment', issue: 4 });
    expect(decideIssueAction({ kind: 'red' }, 'k1', open(['k1']))).toMatchObject({ kind: 'none', issue: 4 });
  });

  it('closes on green (commenting unless an earlier run did), and does nothing without a signal', () => {
    const g = greenKey(SAMPLE_SHA);
    expect(decideIssueAction({ kind: 'green' }, g, open(['k1']))).toEqual({
      kind: 'close',
      issue: 4,
      comment: true,
    });
    expect(decideIssueAction({ kind: 'green' }, g, open(['k1', g]))).toEqual({
      kind: 'close',
      issue: 4,
      comment: false,
    });
    expect(decideIssueAction({ kind: 'green' }, g, null)).toMatchObject({ kind: 'none', issue: null });
    expect(decideIssueAction({ kind: 'none', why: 'STALE' }, 'k', open([]))).toEqual({
      kind: 'none',
      why: 'STALE',
      issue: 4,
    });
  });
});

describe('result artifacts', () => {
  const sha = SAMPLE_SHA;
  it('names and parses post-merge-smoke-result-<profile|default>-<sha7>-attempt-<n>', () => {
    expect(resultArtifactName(null, sha, 2)).toBe('post-merge-smoke-result-default-0123456-attempt-2');
    expect(resultArtifactName('api-v2', null, 1)).toBe('post-merge-smoke-result-api-v2-unknown-attempt-1');
    expect(parseResultArtifactName('post-merge-smoke-result-api-v2-0123456-attempt-12')).toEqual({
      profile: 'api-v2',
      sha7: '0123456',
      attempt: 12,
    });
    expect(parseResultArtifactName('post-merge-smoke-critical-7-0123456-attempt-1')).toBeNull();
  });

  it('picks this attempt’s result per profile, else the newest earlier one (said), never a later one', () => {
    const a = (id: number, name: string) => ({ id, name });
    const { picked, notes } = pickResultArtifacts(
      [
        a(1, 'post-merge-smoke-result-default-0123456-attempt-1'),
        a(2, 'post-merge-smoke-result-default-0123456-attempt-2'),
        a(3, 'post-merge-smoke-result-default-0123456-attempt-3'),
        a(4, 'post-merge-smoke-result-api-0123456-attempt-1'),
        a(5, 'post-merge-smoke-result-default-fedcba9-attempt-2'),
        a(6, 'post-merge-smoke-critical-7-0123456-attempt-2'),
      ],
      sha,
      2,
    );
    expect(picked.map((p) => [p.profile, p.id])).toEqual([
      ['api', 4],
      ['default', 2],
    ]);
    expect(notes).toEqual([expect.stringMatching(/profile api from attempt 2; using attempt 1/)]);
  });
});
