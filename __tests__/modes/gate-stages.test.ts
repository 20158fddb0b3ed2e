// What the gate guards, from real pull_request and merge_group payloads, and which inputs it reads: pure.
import { describe, expect, it } from '@jest/globals';
import { GitHubApiError, type GitHubApi } from '../../src/adapters/index.js';
import type { ModeContext } from '../../src/modes/context.js';
import { gateInputsStage, pullOfEvent, readBaseBranchStage } from '../../src/modes/stages/gate.js';
import { pullRequestPayload } from '../../src/replay/events.js';
import { inputError, localContext, type InputError } from '../../src/settings/index.js';
import { sha } from '../support/git-fixture.js';

const HEAD = sha('2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d');
const BASE = sha('929f8209d40f77f4abc622a499c93a83babdbe64');
const HEAD_REF = `refs/heads/gh-readonly-queue/main/pr-104-${BASE}`;

const mergeGroup = (group: Record<string, unknown>) =>
  localContext('/w', { eventName: 'merge_group', event: { action: 'checks_requested', merge_group: group } });

describe('pullOfEvent (the gate)', () => {
  it('a pull_request payload: number, title and label names', () => {
    const event = pullRequestPayload({
      action: 'labeled',
      number: 2,
      title: 'Update the README',
      labels: ['bug', 'smoke-fix'],
      headRef: 'changes',
      headSha: HEAD,
      baseRef: 'main',
      baseSha: BASE,
      repository: 'octo/repo',
    });
    expect(pullOfEvent(localContext('/w', { eventName: 'pull_request', event }))).toEqual({
      ok: true,
      pull: { number: 2, title: 'Update the README', labels: ['bug', 'smoke-fix'] },
    });
  });

  it('a merge group: the PR its branch names, title and labels still to be read', () => {
    expect(pullOfEvent(mergeGroup({ head_ref: HEAD_REF }))).toEqual({
      ok: true,
      pull: { number: 104, title: null, labels: null },
    });
    expect(pullOfEvent(mergeGroup({}))).toMatchObject({ ok: false });
  });

  it('any other event: no pull request', () => {
    expect(pullOfEvent(localContext('/w', { eventName: 'workflow_dispatch', event: {} }))).toEqual({
      ok: true,
      pull: null,
    });
  });
});

describe('gateInputsStage', () => {
  const run = (errors: InputError[]) =>
    gateInputsStage(errors, (e) => e.message).run(new AbortController().signal);

  it('a bad value of an input the gate reads stops it; one it never reads is a warning', async () => {
    const unread = inputError('timeout-seconds', 'soon', 'is not a number');
    const read = inputError('status-context', 'x'.repeat(300), 'is too long');
    await expect(run([unread])).resolves.toMatchObject({
      kind: 'next',
      notes: [{ level: 'warning', text: expect.stringContaining('(mode: gate does not use it)') }],
    });
    await expect(run([unread, read])).resolves.toMatchObject({
      kind: 'stop',
      verdict: { status: 'BLOCKED', reason: 'invalid_input', message: read.message },
    });
  });
});

describe('readBaseBranchStage: an API failure is an ERROR; the permissions only when the API refused', () => {
  const HINT = 'the gate needs a token with contents: read, statuses: read and pull-requests: read';
  const read = (failure: GitHubApiError) => {
    const api = {
      repository: 'octo/repo',
      getStatusHistory: () => Promise.reject(failure),
    } as unknown as GitHubApi;
    const c = { api, entry: 'action' } as unknown as ModeContext;
    const subject = { base: 'main' as never, context: 'post-merge-smoke', pull: null };
    return readBaseBranchStage(c, subject).run(new AbortController().signal);
  };
  const endpoint = 'POST /graphql (history of main)';

  it.each([
    [403, `${endpoint} failed: GraphQL FORBIDDEN: Resource not accessible by integration`, true],
    [401, `${endpoint} failed: HTTP 401 (Bad credentials)`, true],
    [200, `${endpoint} answered nothing at repository.ref.target where a commit was expected`, false],
    [null, `${endpoint} failed: no answer (no answer within 10000 ms)`, false],
    [200, `${endpoint} failed: GitHub's API rate limit is exhausted (a GraphQL RATE_LIMITED answer)`, false],
  ])('HTTP %s: %s', async (status, message, hint) => {
    const stop = await read(new GitHubApiError(message, status, endpoint));
    expect(stop).toMatchObject({ kind: 'stop', verdict: { status: 'ERROR', reason: 'api_failed' } });
    const text = (stop as { verdict: { message: string } }).verdict.message;
    expect(text.includes(HINT)).toBe(hint);
    expect(text).not.toContain('HTTP 200');
  });
});
