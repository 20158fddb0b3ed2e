// Replays a fixture end to end (SPEC §9, §10): throwaway origin and clone, the fixture's pull request served
// from a loopback GitHub API, the whole pipeline as the action runs it, and a comparison with the expected
// result.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliGitRepository, GitHubRestApi, GitProcessTransport } from '../adapters/index.js';
import type { SmokeResult } from '../contracts.js';
import type { Repository } from '../domain/index.js';
import { type ModeContext, smokeAndPublish } from '../modes/index.js';
import type { Publication } from '../report/index.js';
import { parseSettings, runnerOs, type OutputName, type RunnerContext } from '../settings/index.js';
import { recordingSinks, Redactor, type Log } from '../sinks/index.js';
import { buildReplayRepos, type ReplayRepos } from './build-repos.js';
import { compareWithExpected } from './compare.js';
import { loadFixture, type LoadedFixture } from './fixture.js';
import { serveFromGit } from './git-backed-routes.js';
import { LoopbackGitHub, pullPayload } from './loopback-github.js';

/** The token the replay hands the pipeline: fake, but redacted like a real one. */
export const REPLAY_TOKEN = 'replay-token-0123456789';

export interface ReplayOptions {
  /** Where the command's live output goes. */
  writeLive: (text: string) => void;
  log: Log;
  /** Keep the throwaway repositories (the caller prints their path). */
  keep?: boolean;
  /** Under this directory instead of the system temp directory. */
  tempRoot?: string;
}

export interface ReplayOutcome {
  fixture: LoadedFixture;
  /** The throwaway directory of this replay (repositories, runner temp); gone unless `keep`. */
  root: string;
  repos: ReplayRepos;
  result: SmokeResult;
  /** Job outputs as the action would set them. */
  outputs: Partial<Record<OutputName, string>>;
  summary: string;
  packetPath: string | null;
  /** Empty when the result matches the fixture. */
  differences: string[];
  /** Requests the pipeline made to the loopback GitHub API. */
  apiCalls: string[];
}

export async function replayFixture(fixtureDir: string, options: ReplayOptions): Promise<ReplayOutcome> {
  const loaded = loadFixture(fixtureDir);
  const root = mkdtempSync(join(options.tempRoot ?? tmpdir(), `pms-replay-${loaded.fixture.name}-`));
  const server = new LoopbackGitHub();
  try {
    const repos = await buildReplayRepos(loaded, join(root, 'repos'));
    const repository = `replay/${loaded.fixture.name}` as Repository;
    await server.start();
    serveFixturePull(server, loaded, repos, repository);
    const { publication, recorded } = await replayRun(loaded, repos, server, root, options);
    const differences = compareWithExpected(
      loaded.fixture.expected,
      publication.result,
      publication.packetPath !== null,
      { mergeCommit: repos.mergeCommit, originHead: repos.originHead },
    );
    return {
      fixture: loaded,
      root,
      repos,
      result: publication.result,
      outputs: recorded.outputs,
      summary: recorded.summary,
      packetPath: publication.packetPath,
      differences,
      apiCalls: server.requests.map((r) => `${r.method} ${r.path}`),
    };
  } finally {
    await server.stop();
    if (!options.keep) rmSync(root, { recursive: true, force: true });
  }
}

/** The fixture's event, as the runner would describe it. */
function replayContext(
  loaded: LoadedFixture,
  repos: ReplayRepos,
  server: LoopbackGitHub,
  root: string,
): RunnerContext {
  const { fixture } = loaded;
  const repository = `replay/${fixture.name}` as Repository;
  const repo = { full_name: repository, default_branch: fixture.base_branch };
  return {
    eventName: fixture.event_name,
    event:
      fixture.event_name === 'push'
        ? { ref: `refs/heads/${fixture.base_branch}`, after: repos.mergeCommit, repository: repo }
        : { inputs: {}, repository: repo },
    sha: repos.mergeCommit,
    ref: `refs/heads/${fixture.base_branch}`,
    repository,
    serverUrl: 'https://github.com',
    apiUrl: server.url,
    graphqlUrl: server.graphqlUrl,
    runId: '1',
    runAttempt: 1,
    workspace: repos.work,
    runnerTemp: join(root, 'runner-temp'),
    os: runnerOs(),
  };
}

/** The whole run as the action does it, with outputs and summary recorded in memory. */
async function replayRun(
  loaded: LoadedFixture,
  repos: ReplayRepos,
  server: LoopbackGitHub,
  root: string,
  options: ReplayOptions,
): Promise<{ publication: Publication; recorded: ReturnType<typeof recordingSinks>['recorded'] }> {
  const runner = replayContext(loaded, repos, server, root);
  const inputs: Record<string, string> = { 'github-token': REPLAY_TOKEN, ...loaded.fixture.inputs };
  const { settings, errors } = parseSettings((name) => inputs[name], runner);
  const redactor = Redactor.fromEnv(process.env, [REPLAY_TOKEN], settings.redactPatterns);
  const { sinks, recorded } = recordingSinks(redactor, options.log, options.writeLive);
  const c: ModeContext = {
    entry: 'action',
    settings,
    runner,
    git: new CliGitRepository(repos.work),
    api: new GitHubRestApi({
      token: REPLAY_TOKEN,
      repository: runner.repository!,
      apiUrl: server.url,
      graphqlUrl: server.graphqlUrl,
      retryBaseMs: 10,
    }),
    sinks,
    outDir: join(root, 'runner-temp', 'post-merge-smoke'),
    env: process.env,
    secrets: [REPLAY_TOKEN],
    retry: { delaysMs: [20, 40, 80, 160] },
    apply: true,
    checkoutWorkspace: true,
    taskFileOverride: null,
    now: () => new Date(),
  };
  const publication = await smokeAndPublish(c, {
    signal: new AbortController().signal,
    inputErrors: errors,
    describeInputError: (e) => e.message,
    uploadArtifact: null,
  });
  return { publication, recorded };
}

/** Does this fixture run on this platform? null: yes; otherwise the reason it is skipped. */
export function platformSkip(loaded: LoadedFixture): string | null {
  const platforms = loaded.fixture.platforms;
  if (platforms === null || (platforms as string[]).includes(process.platform)) return null;
  return `fixture ${loaded.fixture.name} runs only on ${platforms.join(', ')}`;
}

function serveFixturePull(
  server: LoopbackGitHub,
  loaded: LoadedFixture,
  repos: ReplayRepos,
  repository: string,
): void {
  const { fixture } = loaded;
  const repo = repository.replace('/', '\\/');
  serveFromGit(server, new GitProcessTransport(repos.origin), repository);
  server.on('POST', new RegExp(`^/repos/${repo}/statuses/[0-9a-f]{40}$`), (req) => ({
    status: 201,
    body: { id: server.requests.indexOf(req) + 1, ...(req.json as object) },
  }));
  const pr = fixture.pull_request;
  const payload = pr
    ? pullPayload({
        number: pr.number,
        title: pr.title,
        body: pr.body,
        headRef: pr.head_ref,
        baseRef: pr.base_ref,
        mergedAt: pr.merged_at,
        mergeCommitSha: pr.merged_at && pr.merged_as_this_commit ? repos.mergeCommit : null,
        repository,
      })
    : null;
  server.on('GET', new RegExp(`^/repos/${repo}/commits/[0-9a-f]{40}/pulls$`), (_req, _m, call) => ({
    body: payload && call >= fixture.pulls_empty_calls ? [payload] : [],
  }));
  server.on('GET', new RegExp(`^/repos/${repo}/pulls/(\\d+)$`), (_req, m) =>
    payload && Number(m[1]) === pr!.number
      ? { body: payload }
      : { status: 404, body: { message: 'Not Found' } },
  );
  server.on('POST', /^\/graphql$/, () => ({
    body: {
      data: {
        repository: {
          pullRequest: pr ? { lastEditedAt: pr.last_edited_at, mergedAt: pr.merged_at } : null,
        },
      },
    },
  }));
}
