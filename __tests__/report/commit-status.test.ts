import { describe, expect, it } from '@jest/globals';
import { GitHubApiError, type CommitStatusRequest, type GitHubApi } from '../../src/adapters/github.js';
import { SMOKE_STATUSES, type SmokeStatus } from '../../src/contracts.js';
import {
  commitStatusFor,
  fitDescription,
  pendingStatus,
  postCommitStatus,
  postFinalStatus,
} from '../../src/report/commit-status.js';
import { sampleResult, SAMPLE_SHA } from '../support/sample-result.js';

/** A GitHubApi whose createCommitStatus records calls or throws; the other methods are never used here. */
function fakeApi(fail?: Error): GitHubApi & { calls: { sha: string; status: CommitStatusRequest }[] } {
  const calls: { sha: string; status: CommitStatusRequest }[] = [];
  const unused = () => Promise.reject(new Error('not used'));
  const api: GitHubApi & { calls: { sha: string; status: CommitStatusRequest }[] } = {
    repository: 'octo/widgets',
    calls,
    withBudget: () => api,
    getBranchHead: unused,
    compareCommits: unused,
    listPullsForCommit: unused,
    getPull: unused,
    getPullEditTimes: unused,
    getStatusHistory: unused,
    createBranch: unused,
    fastForwardBranch: unused,
    commitHistory: unused,
    listOpenIssues: unused,
    listIssueComments: unused,
    createIssue: unused,
    commentOnIssue: unused,
    closeIssue: unused,
    async createCommitStatus(sha, status) {
      if (fail) throw fail;
      calls.push({ sha, status });
    },
  };
  return api;
}

describe('commitStatusFor', () => {
  const expected: Record<SmokeStatus, [string | null, RegExp | null]> = {
    PASS: ['success', /^PASS in 12\.4 s \(task-2512\)$/],
    FAIL: ['failure', /^FAIL: exit 3 after 12\.4 s \(task-2512\)$/],
    TIMEOUT: ['failure', /^TIMEOUT: no result within 600 s, process tree killed \(task-2512\)$/],
    SKIPPED: ['success', /^skipped: no smoke command resolved \(dry run\) \(task-2512\)$/],
    BLOCKED: ['error', /^BLOCKED \(no_command\): .* \(task-2512\)$/],
    STALE: [null, null],
    ERROR: ['error', /^ERROR \(head_unreachable\): .* \(task-2512\)$/],
    CANCELLED: ['error', /^CANCELLED: the run was cancelled \(task-2512\)$/],
  };

  it.each(SMOKE_STATUSES)('%s maps per SPEC §2', (status) => {
    const got = commitStatusFor(sampleResult({ status }));
    const [state, description] = expected[status];
    if (state === null) {
      expect(got).toBeNull();
      return;
    }
    expect(got!.state).toBe(state);
    expect(got!.description).toMatch(description!);
    expect(got!.description.length).toBeLessThanOrEqual(140);
  });

  it('names the signal of a FAIL killed by a foreign signal, and the PR when there is no task', () => {
    const got = commitStatusFor(
      sampleResult({
        status: 'FAIL',
        reason: 'killed_by_signal',
        signal: 'SIGKILL',
        exit_code: 137,
        task_id: null,
      }),
    );
    expect(got!.description).toBe('FAIL: killed by SIGKILL after 12.4 s (PR #62)');
  });

  it('marks a flaky pass', () => {
    const attempt = { exit_code: 1, signal: null, status: 'FAIL' as const, duration_ms: 100 };
    const got = commitStatusFor(
      sampleResult({ flaky: true, attempts: [attempt, { ...attempt, exit_code: 0, status: 'PASS' }] }),
    );
    expect(got!.description).toBe('PASS in 12.4 s (flaky: 2 attempts) (task-2512)');
  });

  it('keeps descriptions to 140 characters, clipping the message but keeping the task', () => {
    const got = commitStatusFor(
      sampleResult({ status: 'ERROR', reason: 'api_failed', message: 'The API said:\n' + 'no '.repeat(200) }),
    );
    expect(got!.description.length).toBe(140);
    expect(got!.description).toMatch(/^ERROR \(api_failed\): The API said: no no .*… \(task-2512\)$/);
    expect(got!.description).not.toContain('\n');
  });

  it('fitDescription never exceeds 140 UTF-16 units nor splits a surrogate pair', () => {
    const d = fitDescription('😀'.repeat(100), ' (task-1)');
    expect(d.length).toBeLessThanOrEqual(140);
    expect(d).toMatch(/😀… \(task-1\)$/);
    expect(fitDescription('x'.repeat(200), ' (' + 't'.repeat(80) + ')')).toBe('x'.repeat(139) + '…');
  });

  it('pendingStatus', () => {
    expect(pendingStatus({ taskId: 'task-2512', prNumber: 62, timeoutSeconds: 300 })).toEqual({
      state: 'pending',
      description: 'running the smoke command (timeout 300 s) (task-2512)',
    });
    expect(pendingStatus({ taskId: null, prNumber: null, timeoutSeconds: null }).description).toBe(
      'running the smoke command',
    );
  });
});

describe('postCommitStatus', () => {
  it('posts and says "posted"', async () => {
    const api = fakeApi();
    const outcome = await postCommitStatus(
      api,
      SAMPLE_SHA,
      'post-merge-smoke',
      'failure',
      'FAIL: exit 3',
      'https://x/run',
    );
    expect(outcome).toBe('posted');
    expect(api.calls).toEqual([
      {
        sha: SAMPLE_SHA,
        status: {
          state: 'failure',
          context: 'post-merge-smoke',
          description: 'FAIL: exit 3',
          targetUrl: 'https://x/run',
        },
      },
    ]);
  });

  it('clips an over-long description before sending it', async () => {
    const api = fakeApi();
    await postCommitStatus(api, SAMPLE_SHA, 'ctx', 'error', 'd'.repeat(500), null);
    expect(api.calls[0].status.description.length).toBe(140);
  });

  it('skips without a token, with an empty context, or without a merge commit', async () => {
    expect(await postCommitStatus(null, SAMPLE_SHA, 'ctx', 'success', 'ok', null)).toBe('skipped: no token');
    expect(await postCommitStatus(fakeApi(), SAMPLE_SHA, '', 'success', 'ok', null)).toBe(
      'skipped: status-context is empty',
    );
    expect(await postCommitStatus(fakeApi(), SAMPLE_SHA, null, 'success', 'ok', null)).toBe(
      'skipped: status-context is empty',
    );
    expect(await postCommitStatus(fakeApi(), null, 'ctx', 'success', 'ok', null)).toBe(
      'skipped: no merge commit',
    );
  });

  it('never throws: an HTTP error becomes "failed: HTTP 403 …"', async () => {
    const endpoint = `POST /repos/octo/widgets/statuses/${SAMPLE_SHA}`;
    const api = fakeApi(
      new GitHubApiError(
        `${endpoint} failed: HTTP 403 (Resource not accessible by integration)`,
        403,
        endpoint,
      ),
    );
    expect(await postCommitStatus(api, SAMPLE_SHA, 'ctx', 'success', 'ok', null)).toBe(
      'failed: HTTP 403 (Resource not accessible by integration)',
    );
    const bare = fakeApi(new GitHubApiError('Forbidden', 403, endpoint));
    expect(await postCommitStatus(bare, SAMPLE_SHA, 'ctx', 'success', 'ok', null)).toBe(
      'failed: HTTP 403 Forbidden',
    );
    const down = fakeApi(new GitHubApiError(`${endpoint} failed: no answer (ECONNREFUSED)`, null, endpoint));
    expect(await postCommitStatus(down, SAMPLE_SHA, 'ctx', 'success', 'ok', null)).toBe(
      'failed: no answer (ECONNREFUSED)',
    );
    const weird = fakeApi(new TypeError('something\nunexpected'));
    expect(await postCommitStatus(weird, SAMPLE_SHA, 'ctx', 'success', 'ok', null)).toBe(
      'failed: something unexpected',
    );
  });

  it('postFinalStatus posts the mapped status, and nothing for STALE', async () => {
    const api = fakeApi();
    expect(await postFinalStatus(api, 'ctx', sampleResult({ status: 'TIMEOUT' }), null)).toBe('posted');
    expect(api.calls[0].status.state).toBe('failure');
    expect(await postFinalStatus(api, 'ctx', sampleResult({ status: 'STALE' }), null)).toBe(
      'skipped: no commit status for STALE',
    );
    expect(api.calls).toHaveLength(1);
  });
});
