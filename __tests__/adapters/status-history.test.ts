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

  it('the connections the schema types nullable (associatedPullRequests, labels) may be null: none', async () => {
    const commit = { ...node(B, null, null), associatedPullRequests: null };
    fake.on('POST', /^\/graphql$/, {
      body: {
        data: {
          repository: {
            ref: { target: { history: { nodes: [commit] } } },
            pullRequest: { number: 15, title: 'x', labels: null },
          },
        },
      },
    });
    const history = await client().getStatusHistory({
      branch: 'main',
      context: 'c',
      limit: 20,
      pullNumber: 15,
    });
    expect(history.commits![0]!.pull).toBeNull();
    expect(history.pull).toEqual({ number: 15, title: 'x', labels: [] });
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
    expect((bad as GitHubApiError).message).toContain(
      'answered a number (42) at repository.ref.target.history.nodes[0].oid where a 40-hex commit SHA was expected',
    );
  });

  // Only a well-formed history can say "no final status" (the gate's `unknown`, which lets a PR through);
  // an answer that is not the schema's shape is an error naming where it broke, and never retried.
  it.each([
    [
      'nodes: "x"',
      { ref: { target: { history: { nodes: 'x' } } } },
      'a string ("x") at repository.ref.target.history.nodes where a list of commits',
    ],
    ['ref: {} (no target)', { ref: {} }, 'nothing at repository.ref.target where a commit'],
    [
      'history: null',
      { ref: { target: { history: null } } },
      'null at repository.ref.target.history where a commit history',
    ],
    ['no ref field', {}, 'nothing at repository.ref where a ref or null'],
    [
      'parents: null',
      { ref: { target: { history: { nodes: [{ ...node(A, null, null), parents: null }] } } } },
      'null at repository.ref.target.history.nodes[0].parents where a connection',
    ],
    [
      'labels: "x"',
      { ref: null, pullRequest: { number: 15, labels: 'x' } },
      'a string ("x") at repository.pullRequest.labels where a connection or null',
    ],
  ])('%s is a GitHubApiError, not a history', async (_name, repository, what) => {
    fake.on('POST', /^\/graphql$/, { body: { data: { repository } } });
    const e = await client()
      .getStatusHistory({ branch: 'main', context: 'c', limit: 20, pullNumber: 15 })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(GitHubApiError);
    expect((e as GitHubApiError).message).toContain(`(history of main) answered ${what}`);
    expect((e as GitHubApiError).transient).toBe(false);
    expect(fake.requests).toHaveLength(1);
  });

  it('data: null with no errors, or a body that is no GraphQL answer, is an error too', async () => {
    for (const [body, what] of [
      [{ data: null }, 'answered null where the data of the query was expected'],
      ['<html>oops</html>', 'answered a string ("<html>oops</html>") where a GraphQL answer was expected'],
    ] as const) {
      fake.on('POST', /^\/graphql$/, { body });
      const e = await client()
        .getStatusHistory({ branch: 'main', context: 'c', limit: 20, pullNumber: null })
        .catch((x: unknown) => x);
      expect((e as GitHubApiError).message).toContain(what);
    }
  });
});
