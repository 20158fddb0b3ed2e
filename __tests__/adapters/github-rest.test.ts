// GitHubRestApi against a real loopback HTTP server standing in for GitHub.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { GitHubApiError } from '../../src/adapters/github.js';
import {
  GitHubRestApi,
  truncateDescription,
  type GitHubRestApiOptions,
} from '../../src/adapters/github-rest.js';
import { MAX_ANSWER_BYTES } from '../../src/adapters/github-http.js';
import { closedPortUrl, FakeGitHub, pullPayload } from '../support/fake-github.js';
import { closeNow, listenOnLoopback } from '../../src/replay/index.js';

const TOKEN = 'ghs_adapterTestToken0123456789abcdef';
const SHA = '0123456789abcdef0123456789abcdef01234567';
const HEAD = 'fedcba9876543210fedcba9876543210fedcba98';

let fake: FakeGitHub;

function client(over: Partial<GitHubRestApiOptions> = {}): GitHubRestApi {
  return new GitHubRestApi({
    token: TOKEN,
    repository: 'octo/repo',
    apiUrl: fake.url,
    graphqlUrl: fake.graphqlUrl,
    retries: 2,
    retryBaseMs: 1,
    ...over,
  });
}

async function caught(p: Promise<unknown>): Promise<GitHubApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(GitHubApiError);
    return e as GitHubApiError;
  }
  throw new Error('expected a GitHubApiError');
}

beforeEach(async () => {
  fake = await new FakeGitHub().start();
});

afterEach(async () => {
  await fake.stop();
});

describe('getBranchHead', () => {
  it('reads git/ref/heads/<branch> with the token', async () => {
    fake.on('GET', /^\/repos\/octo\/repo\/git\/ref\/heads\/main$/, {
      body: { ref: 'refs/heads/main', object: { sha: SHA.toUpperCase(), type: 'commit' } },
    });
    await expect(client().getBranchHead('main')).resolves.toBe(SHA);
    const [req] = fake.requests;
    expect(req).toMatchObject({ method: 'GET', path: '/repos/octo/repo/git/ref/heads/main' });
    expect(req!.headers.authorization).toBe(`token ${TOKEN}`);
    expect(req!.headers['user-agent']).toContain('post-merge-smoke');
    expect(req!.headers.accept).toContain('application/vnd.github');
  });

  it('keeps the slashes of a branch name as path segments', async () => {
    fake.on('GET', /^\/repos\/octo\/repo\/git\/ref\/heads\/release\/1\.x$/, {
      body: { ref: 'refs/heads/release/1.x', object: { sha: SHA } },
    });
    await expect(client().getBranchHead('release/1.x')).resolves.toBe(SHA);
  });

  it('answers null on 404', async () => {
    await expect(client().getBranchHead('gone')).resolves.toBeNull();
    expect(fake.requests).toHaveLength(1); // 404 is not retried
  });

  it('treats a prefix-match array as not found unless it holds the exact ref', async () => {
    fake.on('GET', /\/git\/ref\/heads\/ma$/, {
      body: [{ ref: 'refs/heads/main', object: { sha: SHA } }],
    });
    fake.on('GET', /\/git\/ref\/heads\/dev$/, {
      body: [
        { ref: 'refs/heads/dev', object: { sha: HEAD } },
        { ref: 'refs/heads/dev-2', object: { sha: SHA } },
      ],
    });
    await expect(client().getBranchHead('ma')).resolves.toBeNull();
    await expect(client().getBranchHead('dev')).resolves.toBe(HEAD);
  });

  // Only a 404 (or an older GitHub's prefix list without the name) means "no such branch": any other answer
  // that is not a ref object is an unusable answer, named, never retried, and never a TypeError.
  it.each([
    ['null', { text: 'null' }, 'answered null where a ref object was expected'],
    ['[]', { body: [] }, 'answered an empty list where a ref object was expected'],
    ['a string', { body: 'hello' }, 'answered a string ("hello") where a ref object was expected'],
    ['42', { text: '42' }, 'answered a number (42) where a ref object was expected'],
    [
      'an HTML page',
      { text: '<html>oops</html>', headers: { 'content-type': 'text/html' } },
      'answered a string ("<html>oops</html>") where a ref object was expected',
    ],
    [
      'a ref without its SHA',
      { body: { ref: 'refs/heads/main', object: {} } },
      'answered nothing at object.sha where a 40-hex commit SHA was expected',
    ],
    ['[null]', { body: [null] }, 'answered null at [0] where a ref object was expected'],
  ])('a body of %s is an unusable answer, not a missing branch', async (_name, answer, what) => {
    fake.on('GET', /\/git\/ref\/heads\/main$/, answer);
    const e = await caught(client().getBranchHead('main'));
    expect(e.message).toBe(`GET /repos/octo/repo/git/ref/heads/main ${what}`);
    expect(e.transient).toBe(false);
    expect(fake.requests).toHaveLength(1);
  });

  it('retries a 500 and then succeeds', async () => {
    fake.sequence('GET', /\/git\/ref\/heads\/main$/, [
      { status: 500, body: { message: 'boom' } },
      { status: 502, body: { message: 'bad gateway' } },
      { body: { ref: 'refs/heads/main', object: { sha: SHA } } },
    ]);
    await expect(client().getBranchHead('main')).resolves.toBe(SHA);
    expect(fake.requests).toHaveLength(3);
  });

  it('gives up after the retries with a transient GitHubApiError', async () => {
    fake.on('GET', /\/git\/ref\/heads\/main$/, { status: 503, body: { message: 'unavailable' } });
    const e = await caught(client({ retries: 1 }).getBranchHead('main'));
    expect(e.status).toBe(503);
    expect(e.transient).toBe(true);
    expect(e.endpoint).toBe('GET /repos/octo/repo/git/ref/heads/main');
    expect(fake.requests).toHaveLength(2);
  });

  it('turns 403 into a GitHubApiError with status 403, not retried, without the token', async () => {
    fake.on('GET', /\/git\/ref\/heads\/main$/, {
      status: 403,
      body: { message: `Resource not accessible by integration (token ${TOKEN})` },
    });
    const e = await caught(client().getBranchHead('main'));
    expect(e.status).toBe(403);
    expect(e.transient).toBe(false);
    expect(e.message).toContain('HTTP 403');
    expect(e.message).toContain('Resource not accessible by integration');
    expect(e.message).not.toContain(TOKEN);
    expect(JSON.stringify(e)).not.toContain(TOKEN);
    expect(fake.requests).toHaveLength(1);
  });

  it('turns a closed port into a GitHubApiError with status null', async () => {
    const api = new GitHubRestApi({
      token: TOKEN,
      repository: 'octo/repo',
      apiUrl: await closedPortUrl(),
      graphqlUrl: 'http://127.0.0.1:1/graphql',
      retries: 1,
      retryBaseMs: 1,
    });
    const e = await caught(api.getBranchHead('main'));
    expect(e.status).toBeNull();
    expect(e.transient).toBe(true);
    expect(e.message).toMatch(/no answer/);
    expect(e.message).toMatch(/ECONNREFUSED/);
    expect(e.message).not.toContain(TOKEN);
  });

  it('does not hang on a server that never answers: each attempt has a deadline', async () => {
    let release: () => void = () => {};
    const hung = new Promise<void>((resolve) => (release = resolve));
    fake.on('GET', /\/git\/ref\/heads\/main$/, async () => {
      await hung;
      return { body: {} };
    });
    try {
      const e = await caught(client({ timeoutMs: 100, retries: 1 }).getBranchHead('main'));
      expect(e.status).toBeNull();
      expect(e.message).toContain('no answer within 100 ms');
      expect(fake.requests).toHaveLength(2); // the timed-out attempt was retried
    } finally {
      release();
    }
  });
});

describe('compareCommits', () => {
  it('reads compare/<base>...<head> and answers its status', async () => {
    for (const status of ['identical', 'ahead', 'behind', 'diverged'] as const) {
      fake.on('GET', /^\/repos\/octo\/repo\/compare\/(\w+)\.\.\.(\w+)$/, { body: { status, ahead_by: 1 } });
      await expect(client().compareCommits(SHA, HEAD)).resolves.toBe(status);
    }
    expect(fake.requests[0]!.path).toBe(`/repos/octo/repo/compare/${SHA}...${HEAD}`);
  });

  it('answers diverged for "No common ancestor" (unrelated histories)', async () => {
    fake.on('GET', /\/compare\//, {
      status: 404,
      body: { message: `No common ancestor between ${SHA} and ${HEAD}.` },
    });
    await expect(client().compareCommits(SHA, HEAD)).resolves.toBe('diverged');
  });

  it('throws a 404 GitHubApiError when a commit is unknown', async () => {
    fake.on('GET', /\/compare\//, { status: 404, body: { message: 'Not Found' } });
    const e = await caught(client().compareCommits(SHA, HEAD));
    expect(e.status).toBe(404);
  });

  it('rejects an unknown status', async () => {
    fake.on('GET', /\/compare\//, { body: { status: 'sideways' } });
    const e = await caught(client().compareCommits(SHA, HEAD));
    expect(e.message).toContain('sideways');
  });
});

describe('pull requests', () => {
  it('lists the pulls of a commit, mapped', async () => {
    fake.on('GET', /^\/repos\/octo\/repo\/commits\/(\w+)\/pulls$/, {
      body: [
        pullPayload({
          number: 12,
          title: 'Add feature',
          body: 'Body',
          headRef: 'feat/x',
          mergedAt: '2026-05-09T02:00:00Z',
          mergeCommitSha: SHA,
        }),
        pullPayload({ number: 13 }),
      ],
    });
    const pulls = await client().listPullsForCommit(SHA);
    expect(fake.requests[0]!.path).toBe(`/repos/octo/repo/commits/${SHA}/pulls`);
    expect(pulls).toEqual([
      {
        number: 12,
        title: 'Add feature',
        body: 'Body',
        headRef: 'feat/x',
        baseRef: 'main',
        state: 'closed',
        mergedAt: '2026-05-09T02:00:00Z',
        mergeCommitSha: SHA,
        htmlUrl: 'https://github.com/octo/repo/pull/12',
      },
      {
        number: 13,
        title: 'PR 13',
        body: null,
        headRef: 'feature',
        baseRef: 'main',
        state: 'open',
        mergedAt: null,
        mergeCommitSha: null,
        htmlUrl: 'https://github.com/octo/repo/pull/13',
      },
    ]);
  });

  it('gets one pull request, null on 404', async () => {
    fake.on('GET', /^\/repos\/octo\/repo\/pulls\/7$/, {
      body: pullPayload({ number: 7, baseRef: 'develop', mergedAt: '2026-05-09T02:00:00Z' }),
    });
    await expect(client().getPull(7)).resolves.toMatchObject({
      number: 7,
      baseRef: 'develop',
      state: 'closed',
    });
    await expect(client().getPull(8)).resolves.toBeNull();
  });

  it('reads the edit times through GraphQL', async () => {
    fake.on('POST', /^\/graphql$/, {
      body: {
        data: {
          repository: {
            pullRequest: { lastEditedAt: '2026-05-09T01:30:00Z', mergedAt: '2026-05-09T02:00:00Z' },
          },
        },
      },
    });
    await expect(client().getPullEditTimes(56)).resolves.toEqual({
      lastEditedAt: '2026-05-09T01:30:00Z',
      mergedAt: '2026-05-09T02:00:00Z',
    });
    const [req] = fake.requests;
    expect(req).toMatchObject({ method: 'POST', path: '/graphql' });
    expect(req!.headers.authorization).toBe(`token ${TOKEN}`);
    const body = req!.json as { query: string; variables: Record<string, unknown> };
    expect(body.variables).toEqual({ owner: 'octo', name: 'repo', number: 56 });
    expect(body.query).toMatch(/pullRequest\(number: \$number\)\s*\{\s*lastEditedAt mergedAt/);
  });

  it('uses a GHES graphql URL verbatim (…/api/graphql next to …/api/v3)', async () => {
    fake.on('POST', /^\/api\/graphql$/, {
      body: {
        data: { repository: { pullRequest: { lastEditedAt: null, mergedAt: '2026-05-09T02:00:00Z' } } },
      },
    });
    fake.on('GET', /^\/api\/v3\/repos\/octo\/repo\/git\/ref\/heads\/main$/, {
      body: { ref: 'refs/heads/main', object: { sha: SHA } },
    });
    const api = client({ apiUrl: `${fake.url}/api/v3/`, graphqlUrl: `${fake.url}/api/graphql` });
    await expect(api.getPullEditTimes(1)).resolves.toEqual({
      lastEditedAt: null,
      mergedAt: '2026-05-09T02:00:00Z',
    });
    await expect(api.getBranchHead('main')).resolves.toBe(SHA);
  });

  it('turns GraphQL errors into a GitHubApiError', async () => {
    fake.on('POST', /^\/graphql$/, {
      body: {
        data: { repository: { pullRequest: null } },
        errors: [{ type: 'NOT_FOUND', message: 'Could not resolve to a PullRequest with the number of 99.' }],
      },
    });
    const e = await caught(client().getPullEditTimes(99));
    expect(e.status).toBe(404);
    expect(e.message).toContain('Could not resolve to a PullRequest');
  });

  it('a malformed GraphQL answer is not "pull request not found"', async () => {
    fake.on('POST', /^\/graphql$/, { body: { data: 'x' } });
    const e = await caught(client().getPullEditTimes(3));
    expect(e.status).toBe(200);
    expect(e.message).toContain('(pullRequest 3) answered a string ("x") where the data of the query');
    fake.on('POST', /^\/graphql$/, { body: { data: { repository: { pullRequest: null } } } });
    expect((await caught(client().getPullEditTimes(3))).status).toBe(404);
  });

  it('retries GraphQL "Something went wrong" answers', async () => {
    fake.sequence('POST', /^\/graphql$/, [
      { body: { errors: [{ message: 'Something went wrong while executing your query.' }] } },
      { body: { data: { repository: { pullRequest: { lastEditedAt: null, mergedAt: null } } } } },
    ]);
    await expect(client().getPullEditTimes(3)).resolves.toEqual({ lastEditedAt: null, mergedAt: null });
    expect(fake.requests).toHaveLength(2);
  });
});

describe('the main-health readers: a wrong shape is an unusable answer, never "none"', () => {
  const query = { statusContext: 'c', first: 10, after: null };

  it('commitHistory: object null is an unknown commit (404); a malformed answer is not', async () => {
    fake.on('POST', /^\/graphql$/, { body: { data: { repository: { object: null } } } });
    expect((await caught(client().commitHistory(SHA, query))).status).toBe(404);
    for (const [data, what] of [
      [null, 'answered null where the data of the query was expected'],
      [{ repository: {} }, 'answered nothing at repository.object where a commit or null was expected'],
      [
        { repository: { object: { history: { nodes: [], pageInfo: 'x' } } } },
        'answered a string ("x") at repository.object.history.pageInfo where page info was expected',
      ],
    ] as const) {
      fake.on('POST', /^\/graphql$/, { body: { data } });
      const e = await caught(client().commitHistory(SHA, query));
      expect([e.status, e.message]).toEqual([200, expect.stringContaining(what)]);
    }
  });

  it('the issue lists: a list of something else is an error naming the element', async () => {
    fake.on('GET', /\/issues\/4\/comments$/, { body: [{ body: 'ok' }, null] });
    expect((await caught(client().listIssueComments(4))).message).toBe(
      'GET /repos/octo/repo/issues/4/comments (page 1) answered null at [1] where a comment was expected',
    );
    fake.on('GET', /\/issues$/, { body: [7] });
    expect((await caught(client().listOpenIssues('smoke'))).message).toBe(
      'GET /repos/octo/repo/issues answered a number (7) at [0] where an issue was expected',
    );
    fake.on('GET', /\/issues$/, { body: { message: 'x' } });
    expect((await caught(client().listOpenIssues('smoke'))).message).toBe(
      'GET /repos/octo/repo/issues answered an object where a list of issues was expected',
    );
  });
});

describe('createCommitStatus', () => {
  it('posts state, context, description and target_url', async () => {
    fake.on('POST', /^\/repos\/octo\/repo\/statuses\/(\w+)$/, { status: 201, body: { id: 1 } });
    await client().createCommitStatus(SHA, {
      state: 'success',
      context: 'post-merge-smoke',
      description: 'PASS in 3.2 s',
      targetUrl: 'https://github.com/octo/repo/actions/runs/1',
    });
    const [req] = fake.requests;
    expect(req).toMatchObject({ method: 'POST', path: `/repos/octo/repo/statuses/${SHA}` });
    expect(req!.json).toEqual({
      state: 'success',
      context: 'post-merge-smoke',
      description: 'PASS in 3.2 s',
      target_url: 'https://github.com/octo/repo/actions/runs/1',
    });
  });

  it('truncates the description to 140 characters', async () => {
    fake.on('POST', /\/statuses\//, { status: 201, body: {} });
    await client().createCommitStatus(SHA, {
      state: 'failure',
      context: 'post-merge-smoke',
      description: 'x'.repeat(300),
      targetUrl: null,
    });
    const body = fake.requests[0]!.json as { description: string; target_url: unknown };
    expect(Array.from(body.description)).toHaveLength(140);
    expect(body.description.endsWith('…')).toBe(true);
    expect(body.target_url).toBeNull();
  });

  it('reports a 403 on statuses with its status code', async () => {
    fake.on('POST', /\/statuses\//, {
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    const e = await caught(
      client().createCommitStatus(SHA, { state: 'pending', context: 'c', description: 'd', targetUrl: null }),
    );
    expect(e.status).toBe(403);
    expect(e.endpoint).toBe(`POST /repos/octo/repo/statuses/${SHA}`);
  });
});

describe('truncateDescription', () => {
  it('keeps short text and never splits a surrogate pair', () => {
    expect(truncateDescription('short')).toBe('short');
    expect(truncateDescription('a'.repeat(140))).toBe('a'.repeat(140));
    const emoji = '😀'.repeat(200);
    const cut = truncateDescription(emoji);
    expect(Array.from(cut)).toHaveLength(140);
    expect(cut).toBe('😀'.repeat(139) + '…');
  });
});

describe('construction', () => {
  it('rejects a malformed repository and an empty token', () => {
    expect(() => client({ repository: 'no-slash' })).toThrow(/owner\/name/);
    expect(() => client({ token: '' })).toThrow(/token/);
  });
});

describe('time: one deadline per whole request, one retry layer, rate limits, a budget', () => {
  /** A raw server for what the fake cannot do: headers, then silence. */
  async function stallingServer(): Promise<{
    url: string;
    requests: () => number;
    close: () => Promise<void>;
  }> {
    const { createServer } = await import('node:http');
    let count = 0;
    const open = new Set<import('node:http').ServerResponse>();
    const server = createServer((_req, res) => {
      count++;
      open.add(res);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' });
      res.write('{"ref":"refs/heads/main",'); // and never the rest
    });
    const port = await listenOnLoopback(server);
    return {
      url: `http://127.0.0.1:${port}`,
      requests: () => count,
      close: async () => {
        for (const res of open) res.destroy();
        await closeNow(server);
      },
    };
  }

  it('headers that come without their body are a transient "did not complete", not a bad answer', async () => {
    const stalling = await stallingServer();
    try {
      const e = await caught(
        client({ apiUrl: stalling.url, timeoutMs: 200, retries: 1 }).getBranchHead('main'),
      );
      expect(e.status).toBeNull();
      expect(e.transient).toBe(true);
      expect(e.message).toBe(
        'GET /repos/octo/repo/git/ref/heads/main failed: the answer did not complete within 200 ms: ' +
          'HTTP 200 headers and 25 bytes of the body came, but not its end',
      );
      expect(stalling.requests()).toBe(2);
    } finally {
      await stalling.close();
    }
  });

  it('a body that never ends is cut at MAX_ANSWER_BYTES, and said so: memory stays bounded', async () => {
    const { createServer } = await import('node:http');
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"pad":"');
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
      };
      res.on('drain', pump);
      pump();
    });
    const port = await listenOnLoopback(server);
    try {
      const e = await caught(
        // The deadline is far away: the size limit is what ends it.
        client({ apiUrl: `http://127.0.0.1:${port}`, timeoutMs: 60_000, retries: 0 }).getBranchHead('main'),
      );
      expect(e.message).toMatch(
        new RegExp(
          `failed: the answer was larger than ${MAX_ANSWER_BYTES} bytes \\(HTTP 200\\): stopped reading it$`,
        ),
      );
    } finally {
      server.closeAllConnections();
      await closeNow(server);
    }
  });

  it('a rate limit that resets within a minute, beyond the budget, is said in seconds', async () => {
    fake.on('GET', /\/git\/ref\/heads\/main$/, {
      status: 429,
      headers: { 'retry-after': '15' },
      body: { message: 'API rate limit exceeded' },
    });
    const e = await caught(client({ budgetMs: 5000 }).getBranchHead('main'));
    expect(e.kind).toBe('rate_limited');
    expect(e.message).toMatch(/it resets at \S+Z \(in 15 s\), beyond the 5 s this run allows the API/);
  });

  it('a rate limit that resets beyond the budget stops at once, naming the reset', async () => {
    fake.on('GET', /\/git\/ref\/heads\/main$/, {
      status: 429,
      headers: { 'retry-after': '3600' },
      body: { message: 'API rate limit exceeded' },
    });
    const e = await caught(client({ budgetMs: 30_000 }).getBranchHead('main'));
    expect(fake.requests).toHaveLength(1); // no retry before Retry-After
    expect(e.kind).toBe('rate_limited');
    expect(e.transient).toBe(false);
    expect(e.message).toMatch(
      /rate limit is exhausted \(HTTP 429\); it resets at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(in about 60 min\)/,
    );
  });

  it('a secondary rate limit (403) that resets in time is waited out, then retried', async () => {
    fake.sequence('GET', /\/git\/ref\/heads\/main$/, [
      {
        status: 403,
        headers: { 'retry-after': '0' },
        body: { message: 'You have exceeded a secondary rate limit' },
      },
      { body: { ref: 'refs/heads/main', object: { sha: SHA } } },
    ]);
    await expect(client().getBranchHead('main')).resolves.toBe(SHA);
    expect(fake.requests).toHaveLength(2);
  });

  it('x-ratelimit-remaining 0 on a 403 is a rate limit, with its reset time', async () => {
    const reset = Math.floor(Date.now() / 1000) + 7200;
    fake.on('GET', /\/git\/ref\/heads\/main$/, {
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      body: { message: 'API rate limit exceeded for installation' },
    });
    const e = await caught(client({ budgetMs: 30_000 }).getBranchHead('main'));
    expect(fake.requests).toHaveLength(1);
    expect(e.kind).toBe('rate_limited');
    expect(e.message).toContain(new Date(reset * 1000).toISOString().replace(/\.\d+Z$/, 'Z'));
  });

  it('GraphQL RATE_LIMITED (HTTP 200) is a rate limit: its reset from the headers, no retry before it', async () => {
    const reset = Math.floor(Date.now() / 1000) + 1800;
    fake.on('POST', /^\/graphql$/, {
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      body: { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded' }] },
    });
    const e = await caught(client({ budgetMs: 20_000 }).getPullEditTimes(3));
    expect(fake.requests).toHaveLength(1);
    expect(e.kind).toBe('rate_limited');
    const resetAt = new Date(reset * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    expect(e.message).toContain(
      `rate limit is exhausted (a GraphQL RATE_LIMITED answer); it resets at ${resetAt} (in about 30 min)`,
    );
  });

  it('GraphQL RATE_LIMITED without headers does not invent a reset time; one that resets in time is waited out', async () => {
    fake.on('POST', /^\/graphql$/, {
      body: { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded' }] },
    });
    const e = await caught(client({ budgetMs: 20_000 }).getPullEditTimes(3));
    expect(e.kind).toBe('rate_limited');
    expect(e.message).toContain('the answer does not say when it resets');
    expect(e.message).not.toContain('resets at');

    fake.sequence('POST', /^\/graphql$/, [
      {
        headers: { 'retry-after': '0' },
        body: { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded' }] },
      },
      { body: { data: { repository: { pullRequest: { lastEditedAt: null, mergedAt: null } } } } },
    ]);
    await expect(client().getPullEditTimes(3)).resolves.toEqual({ lastEditedAt: null, mergedAt: null });
  });

  it('the budget bounds every call: a server that never answers costs at most the budget', async () => {
    let release: () => void = () => {};
    const hung = new Promise<void>((resolve) => (release = resolve));
    fake.on('GET', /\/git\/ref\/heads\/main$/, async () => {
      await hung;
      return { body: {} };
    });
    try {
      const api = client({ timeoutMs: 10_000, retries: 5, budgetMs: 300 });
      const e = await caught(api.getBranchHead('main'));
      expect(e.status).toBeNull();
      expect(e.message).toMatch(/no answer within \d+ ms/);
      // One request ran into the budget's end; none started after it.
      expect(fake.requests.length).toBe(1);
      const after = await caught(api.getBranchHead('main'));
      expect(after.message).toMatch(/no time left of the 300 ms this run allows the API/);
    } finally {
      release();
    }
  });

  it('an HTML error page becomes one line of the message, never several', async () => {
    fake.on('GET', /\/git\/ref\/heads\/main$/, {
      status: 502,
      body: '<html>\n<body>\n::error::injected\n</body>\n</html>',
    });
    const e = await caught(client({ retries: 0 }).getBranchHead('main'));
    expect(e.message).not.toContain('\n');
    expect(e.message).toMatch(/HTTP 502 \(<html> <body> ::error::injected/);
  });
});
