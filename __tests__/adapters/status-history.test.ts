// getStatusHistory: the merge gate's one GraphQL request, against a real loopback HTTP server.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { GitHubApiError } from '../../src/adapters/github.js';
import { GitHubRestApi } from '../../src/adapters/github-rest.js';
import { FakeGitHub } from '../support/fake-github.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await new FakeGitHub().start();
});
afterEach(async () => {
  await fake.stop();
});

const client = () =>
  new GitHubRestApi({
    token: 'ghs_statusHistoryToken0123456789abcd',
    repository: 'octo/repo',
    apiUrl: fake.url,
    graphqlUrl: fake.graphqlUrl,
    retries: 1,
    retryBaseMs: 1,
  });

const node = (oid: string, parent: string | null, status: Record<string, unknown> | null) => ({
  oid: oid.toUpperCase(),
  messageHeadline: `subject of ${oid.slice(0, 1)}`,
  parents: { nodes: parent ? [{ oid: parent }] : [] },
  status: status === null ? null : { context: status },
  associatedPullRequests: { nodes: oid === A ? [{ number: 12, title: 'Add a widget' }] : [] },
});

describe('getStatusHistory', () => {
  it('asks for the branch, the context, the limit and the PR in one request, and maps the answer', async () => {
    fake.on('POST', /^\/graphql$/, {
      body: {
        data: {
          repository: {
            ref: {
              target: {
                history: {
                  nodes: [
                    node(A, B, {
                      state: 'FAILURE',
                      targetUrl: 'https://github.com/octo/repo/actions/runs/9',
                      createdAt: '2026-05-09T01:00:00Z',
                    }),
                    node(B, null, null),
                  ],
                },
              },
            },
            pullRequest: {
              number: 15,
              title: 'Revert "Add a widget"',
              labels: { nodes: [{ name: 'smoke-fix' }] },
            },
          },
        },
      },
    });
    const history = await client().getStatusHistory({
      branch: 'main',
      context: 'post-merge-smoke',
      limit: 20,
      pullNumber: 15,
    });
    expect(history).toEqual({
      commits: [
        {
          sha: A,
          firstParent: B,
          subject: 'subject of a',
          pull: { number: 12, title: 'Add a widget' },
          status: {
            state: 'failure',
            targetUrl: 'https://github.com/octo/repo/actions/runs/9',
            createdAt: '2026-05-09T01:00:00Z',
          },
        },
        { sha: B, firstParent: null, subject: 'subject of b', pull: null, status: null },
      ],
      pull: { number: 15, title: 'Revert "Add a widget"', labels: ['smoke-fix'] },
    });
    expect(fake.requests).toHaveLength(1);
    const body = fake.requests[0]!.json as { query: string; variables: Record<string, unknown> };
    expect(body.variables).toEqual({
      owner: 'octo',
      name: 'repo',
      ref: 'refs/heads/main',
      context: 'post-merge-smoke',
      limit: 20,
      pull: 15,
      withPull: true,
    });
    expect(body.query).toContain('history(first: $limit)');
    expect(body.query).toContain('context(name: $context)');
    expect(body.query).toContain('@include(if: $withPull)');
  });

  it('EXPECTED and PENDING are not final; no PR asked, none read', async () => {
    fake.on('POST', /^\/graphql$/, {
      body: {
        data: {
          repository: { ref: { target: { history: { nodes: [node(A, null, { state: 'EXPECTED' })] } } } },
        },
      },
    });
    const history = await client().getStatusHistory({
      branch: 'main',
      context: 'c',
      limit: 20,
      pullNumber: null,
    });
    expect(history.commits![0]!.status).toEqual({ state: 'pending', targetUrl: null, createdAt: null });
    expect(history.pull).toBeNull();
    expect((fake.requests[0]!.json as { variables: unknown }).variables).toMatchObject({
      pull: 0,
      withPull: false,
    });
  });

  it('a branch that does not exist answers commits: null', async () => {
    fake.on('POST', /^\/graphql$/, { body: { data: { repository: { ref: null } } } });
    await expect(
      client().getStatusHistory({ branch: 'nope', context: 'c', limit: 20, pullNumber: null }),
    ).resolves.toEqual({
      commits: null,
      pull: null,
    });
  });

  it('a FORBIDDEN answer (a token without statuses: read) is a 403 GitHubApiError; a malformed one is an error too', async () => {
    fake.on('POST', /^\/graphql$/, {
      body: {
        data: null,
        errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }],
      },
    });
    const e = await client()
      .getStatusHistory({ branch: 'main', context: 'c', limit: 20, pullNumber: null })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(GitHubApiError);
    expect((e as GitHubApiError).status).toBe(403);

    fake.on('POST', /^\/graphql$/, {
      body: { data: { repository: { ref: { target: { history: { nodes: [{ oid: 42 }] } } } } } },
    });
    const bad = await client()
      .getStatusHistory({ branch: 'main', context: 'c', limit: 20, pullNumber: null })
      .catch((x: unknown) => x);
    expect(bad).toBeInstanceOf(GitHubApiError);
    expect((bad as GitHubApiError).message).toContain('a commit without its oid');
  });
});
