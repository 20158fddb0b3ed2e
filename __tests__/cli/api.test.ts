// GitHub API lookups from a developer's machine (issue 11, point 4): GH_TOKEN (or GITHUB_TOKEN) and
// --repo owner/name. Against a real HTTP server on 127.0.0.1 standing in for the API; the freshness routes
// answer from the real origin repository.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { serveFromGit } from '../freshness/git-backed-api.js';
import { FakeGitHub, pullPayload } from '../support/fake-github.js';
import { GitFixture } from '../support/git-fixture.js';
import { cliAsync } from './support.js';

const TOKEN = 'ghp_' + 'cliApiTestToken0123456789abcdefghijkl'.slice(0, 36);
const REGISTRY = 'version: 1\nprofiles:\n  quick: { command: node -e 0 }\ntasks:\n  task-7: quick\n';

describe('API lookups with a token and --repo', () => {
  let fx: GitFixture;
  let github: FakeGitHub;
  let sha: string;
  beforeAll(async () => {
    fx = GitFixture.create();
    // No PR number and no task id in the message: only the API can tell.
    sha = fx.commit('Widgets (squashed)', { '.github/post-merge-smoke.yml': REGISTRY });
    fx.push();
    github = await new FakeGitHub().start();
    serveFromGit(github, fx.origin, 'octo/app');
    github.on('GET', new RegExp(`^/repos/octo/app/commits/${sha}/pulls$`), {
      body: [
        pullPayload({
          number: 12,
          title: 'task-7: widgets',
          mergedAt: '2026-05-09T02:00:00Z',
          mergeCommitSha: sha,
          repository: 'octo/app',
        }),
      ],
    });
  });
  afterAll(async () => {
    await github.stop();
    fx.cleanup();
  });

  const env = (token: Record<string, string>) => ({
    GITHUB_API_URL: github.url,
    GITHUB_GRAPHQL_URL: github.graphqlUrl,
    ...token,
  });

  it.each(['GH_TOKEN', 'GITHUB_TOKEN'])(
    '%s: the pull request, its task id and the freshness come from the API',
    async (name) => {
      const before = github.requests.length;
      const r = await cliAsync(
        ['run', '--no-audit', '--json', '--repo', 'octo/app'],
        fx.work,
        env({ [name]: TOKEN }),
      );
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({
        pr_number: 12,
        task_id: 'task-7',
        profile: 'quick',
        stale: false,
      });
      const requests = github.requests.slice(before);
      expect(requests.map((q) => `${q.method} ${q.path}`)).toEqual(
        expect.arrayContaining([
          `GET /repos/octo/app/commits/${sha}/pulls`,
          'GET /repos/octo/app/git/ref/heads/main',
        ]),
      );
      expect(requests.every((q) => q.headers.authorization === `token ${TOKEN}`)).toBe(true);
      expect(r.stdout + r.stderr).not.toContain(TOKEN);
    },
  );

  it('without --repo nothing asks the API, even with a token', async () => {
    const before = github.requests.length;
    const r = await cliAsync(['run', '--no-audit', '--json'], fx.work, env({ GH_TOKEN: TOKEN }));
    expect(github.requests.length).toBe(before);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'BLOCKED', reason: 'no_command', pr_number: null });
  });
});
