// Merge queue candidates from real merge_group payloads, and "still the queue's candidate": pure, no mocks.
import { describe, expect, it } from '@jest/globals';
import type { FreshnessVerdict } from '../../src/freshness/index.js';
import {
  prNumberOfQueueRef,
  queueCandidate,
  queueFreshness,
  queueRecord,
  type QueueCandidate,
} from '../../src/modes/stages/queue.js';
import { mergeGroupPayload } from '../../src/replay/events.js';
import { localContext } from '../../src/settings/index.js';
import { sha } from '../support/git-fixture.js';

const HEAD = sha('2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d');
const BASE = sha('929f8209d40f77f4abc622a499c93a83babdbe64');
const HEAD_REF = `refs/heads/gh-readonly-queue/main/pr-104-${BASE}`;

const mergeGroup = (group: Record<string, unknown>) =>
  localContext('/w', { eventName: 'merge_group', event: { action: 'checks_requested', merge_group: group } });

describe('queueCandidate', () => {
  it('reads head_ref, base_sha and the PR number of a checks_requested payload', () => {
    const payload = mergeGroupPayload({
      headSha: HEAD,
      headRef: HEAD_REF,
      baseSha: BASE,
      baseRef: 'refs/heads/main',
      message: 'Merge pull request #104',
      repository: 'octo-org/octo-repo',
    });
    const ctx = localContext('/w', { eventName: 'merge_group', event: payload });
    expect(queueCandidate(ctx)).toEqual({
      ok: true,
      value: {
        headRef: HEAD_REF,
        branch: `gh-readonly-queue/main/pr-104-${BASE}`,
        baseSha: BASE,
        prNumber: 104,
      },
    });
    expect(queueRecord(ctx)).toEqual({ head_ref: HEAD_REF, base_sha: BASE });
  });

  it('is null for other events, and a problem for a merge_group without a usable head_ref', () => {
    expect(queueCandidate(localContext('/w', { eventName: 'push' }))).toBeNull();
    expect(queueCandidate(mergeGroup({ head_sha: HEAD }))).toEqual({
      ok: false,
      problem: 'names no queue branch (merge_group.head_ref is missing)',
    });
    expect(queueCandidate(mergeGroup({ head_ref: 'refs/heads/bad..name' }))).toMatchObject({ ok: false });
    expect(queueRecord(mergeGroup({}))).toBeNull();
  });

  it('the PR number only from pr-<n>-<sha> at the end of the branch name', () => {
    expect(prNumberOfQueueRef(HEAD_REF)).toBe(104);
    expect(prNumberOfQueueRef('refs/heads/gh-readonly-queue/main/pr-104')).toBeNull();
    expect(prNumberOfQueueRef('refs/heads/gh-readonly-queue/main/pr-0-' + BASE)).toBeNull();
    expect(queueCandidate(mergeGroup({ head_ref: 'refs/heads/gh-readonly-queue/x' }))).toMatchObject({
      ok: true,
      value: { prNumber: null, baseSha: null },
    });
  });
});

describe('queueFreshness', () => {
  const q: QueueCandidate = {
    headRef: HEAD_REF,
    branch: HEAD_REF.slice('refs/heads/'.length) as QueueCandidate['branch'],
    baseSha: BASE,
    prNumber: 104,
  };
  const facts = {
    tries: 1,
    gitRecheck: null,
    relation: null,
    undecided: null,
    budgetSpent: false,
    unshallowed: false,
  };
  const other = sha('f'.repeat(40));

  it('fresh while the queue branch points at the candidate', () => {
    const v: FreshnessVerdict = { kind: 'fresh', via: 'api', message: 'x', facts, originHead: HEAD };
    expect(queueFreshness(v, q, HEAD)).toMatchObject({ kind: 'fresh', originHead: HEAD });
  });

  it.each(['superseded', 'diverged', 'rewound'] as const)(
    'a queue branch that moved (%s) is superseded',
    (reason) => {
      const v: FreshnessVerdict = {
        kind: 'stale',
        reason,
        via: 'api',
        message: 'x',
        facts,
        originHead: other,
      };
      const f = queueFreshness(v, q, HEAD);
      expect(f).toMatchObject({ kind: 'stale', reason: 'superseded', originHead: other });
      expect(f.message).toBe(
        `The merge queue branch ${HEAD_REF} now points at ${other}, not at candidate ${HEAD}: the merge queue rebuilt or removed this entry, so this candidate will never land as it is; the queue runs its new candidate on its own.`,
      );
    },
  );

  it('a queue branch that is gone is superseded, not a missing base branch', () => {
    const v: FreshnessVerdict = {
      kind: 'blocked',
      reason: 'invalid_input',
      via: 'api',
      message: 'x',
      facts,
      originHead: null,
    };
    expect(queueFreshness(v, q, HEAD)).toMatchObject({
      kind: 'stale',
      reason: 'superseded',
      originHead: null,
    });
    expect(queueFreshness(v, q, HEAD).message).toContain(
      `The merge queue branch ${HEAD_REF} no longer exists`,
    );
  });

  it('a failure to look stays a failure', () => {
    const v: FreshnessVerdict = {
      kind: 'error',
      reason: 'head_unreachable',
      via: 'git',
      message: 'no answer',
      facts,
      originHead: null,
    };
    expect(queueFreshness(v, q, HEAD)).toMatchObject({
      kind: 'error',
      reason: 'head_unreachable',
      message: 'no answer',
    });
  });
});
