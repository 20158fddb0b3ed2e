// Replays a fixture end to end (SPEC §9, §10): throwaway origin and clone, the fixture's pull request served
// from a loopback GitHub API, the whole pipeline as the action runs it, and a comparison with the expected
// result.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliGitRepository, GitHubRestApi, GitProcessTransport } from '../adapters/index.js';
import type { EscalationPacket, SmokeResult } from '../contracts.js';
import type { Repository } from '../domain/index.js';
import { type ModeContext, smokeAndPublish } from '../modes/index.js';
import type { Publication } from '../report/index.js';
import { parseSettings, runnerOs, type OutputName, type RunnerContext } from '../settings/index.js';
import { recordingSinks, Redactor, type Log } from '../sinks/index.js';
import { buildReplayRepos, landStreakStep, type ReplayRepos } from './build-repos.js';
import { compareWithExpected } from './compare.js';
import { loadFixture, type Fixture, type LoadedFixture, type PullRequestFixture } from './fixture.js';
import { serveFromGit } from './git-backed-routes.js';
import { serveMainHealth, type MainHealthState } from './health-routes.js';
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
  /** The result of the (last) run. */
  result: SmokeResult;
  /** Job outputs as the action would set them. */
  outputs: Partial<Record<OutputName, string>>;
  summary: string;
  packetPath: string | null;
  /** Empty when every run's result matches the fixture ("step i: …" for a streak). */
  differences: string[];
  /** Requests the pipeline made to the loopback GitHub API. */
  apiCalls: string[];
  /** One per run: a plain fixture has one, a streak one per step. */
  steps: ReplayStep[];
  /** The loopback GitHub's main-health state after the last run (statuses, issues). */
  health: MainHealthState;
}

export interface ReplayStep {
  mergeCommit: string;
  result: SmokeResult;
  outputs: Partial<Record<OutputName, string>>;
  summary: string;
  packetPath: string | null;
  differences: string[];
}

/** One run of a replay: which commit, with which inputs, in which run attempt. */
interface RunSpec {
  mergeCommit: string;
  inputs: Record<string, string>;
  runAttempt: number;
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
    const health = serveMainHealth(server, new GitProcessTransport(repos.origin), repository);
    const steps = await replaySteps(loaded, repos, server, root, options);
    const last = steps.at(-1)!;
    return {
      fixture: loaded,
      root,
      repos,
      result: last.result,
      outputs: last.outputs,
      summary: last.summary,
      packetPath: last.packetPath,
      differences:
        steps.length === 1
          ? last.differences
          : steps.flatMap((s, i) => s.differences.map((d) => `step ${i}: ${d}`)),
      apiCalls: server.requests.map((r) => `${r.method} ${r.path}`),
      steps,
      health,
    };
  } finally {
    await server.stop();
    if (!options.keep) rmSync(root, { recursive: true, force: true });
  }
}

/** The fixture's merge, then each step of its streak: landed (or re-run), smoked and compared in turn. */
async function replaySteps(
  loaded: LoadedFixture,
  repos: ReplayRepos,
  server: LoopbackGitHub,
  root: string,
  options: ReplayOptions,
): Promise<ReplayStep[]> {
  const { fixture } = loaded;
  const steps: ReplayStep[] = [];
  let spec: RunSpec = { mergeCommit: repos.mergeCommit, inputs: fixture.inputs, runAttempt: 1 };
  steps.push(await replayStep(loaded, repos, server, root, options, spec, fixture.expected, []));
  for (const [i, step] of fixture.then.entries()) {
    const mergeCommit = step.rerun ? spec.mergeCommit : await landStreakStep(loaded, repos, step, i + 1);
    const runAttempt = step.rerun ? spec.runAttempt + 1 : 1;
    spec = { mergeCommit, inputs: { ...fixture.inputs, ...step.inputs }, runAttempt };
    const before = steps.map((s) => s.mergeCommit);
    steps.push(await replayStep(loaded, repos, server, root, options, spec, step.expected, before));
  }
  return steps;
}

async function replayStep(
  loaded: LoadedFixture,
  repos: ReplayRepos,
  server: LoopbackGitHub,
  root: string,
  options: ReplayOptions,
  spec: RunSpec,
  expected: Fixture['expected'],
  earlier: string[],
): Promise<ReplayStep> {
  const { publication, recorded } = await replayRun(loaded, spec, repos, server, root, options);
  const packet = publication.packetPath
    ? (JSON.parse(readFileSync(publication.packetPath, 'utf8')) as EscalationPacket)
    : null;
  // The first run's origin head is the fixture's (after its later pushes); a streak step's is its merge.
  const originHead = earlier.length === 0 ? repos.originHead : spec.mergeCommit;
  const shas = { mergeCommit: spec.mergeCommit, originHead, steps: [...earlier, spec.mergeCommit] };
  return {
    mergeCommit: spec.mergeCommit,
    result: publication.result,
    outputs: recorded.outputs,
    summary: recorded.summary,
    packetPath: publication.packetPath,
    differences: compareWithExpected(expected, publication.result, packet !== null, shas, packet),
  };
}

/** The fixture's event, as the runner would describe it. */
function replayContext(
  loaded: LoadedFixture,
  spec: RunSpec,
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
        ? { ref: `refs/heads/${fixture.base_branch}`, after: spec.mergeCommit, repository: repo }
        : { inputs: {}, repository: repo },
    sha: spec.mergeCommit,
    ref: `refs/heads/${fixture.base_branch}`,
    repository,
    serverUrl: 'https://github.com',
    apiUrl: server.url,
    graphqlUrl: server.graphqlUrl,
    runId: '1',
    runAttempt: spec.runAttempt,
    workspace: repos.work,
    runnerTemp: join(root, 'runner-temp'),
    os: runnerOs(),
  };
}

/** The whole run as the action does it, with outputs and summary recorded in memory. */
async function replayRun(
  loaded: LoadedFixture,
  spec: RunSpec,
  repos: ReplayRepos,
  server: LoopbackGitHub,
  root: string,
  options: ReplayOptions,
): Promise<{ publication: Publication; recorded: ReturnType<typeof recordingSinks>['recorded'] }> {
  const runner = replayContext(loaded, spec, repos, server, root);
  const inputs: Record<string, string> = { 'github-token': REPLAY_TOKEN, ...spec.inputs };
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
  // Only the fixture's own merge commit belongs to its pull request.
  server.on('GET', new RegExp(`^/repos/${repo}/commits/([0-9a-f]{40})/pulls$`), (_req, m, call) => ({
    body: payload && m[1] === repos.mergeCommit && call >= fixture.pulls_empty_calls ? [payload] : [],
  }));
  const pulls = new Map<number, Record<string, unknown>>();
  for (const step of fixture.then)
    if (step.pull_request) pulls.set(step.pull_request.number, stepPull(step.pull_request, repository));
  if (pr && payload) pulls.set(pr.number, payload);
  server.on('GET', new RegExp(`^/repos/${repo}/pulls/(\\d+)$`), (_req, m) => {
    const found = pulls.get(Number(m[1]));
    return found ? { body: found } : { status: 404, body: { message: 'Not Found' } };
  });
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

/** A streak step's pull request: its merge commit is only known once the step lands. */
function stepPull(pr: PullRequestFixture, repository: string): Record<string, unknown> {
  return pullPayload({
    number: pr.number,
    title: pr.title,
    body: pr.body,
    headRef: pr.head_ref,
    baseRef: pr.base_ref,
    mergedAt: pr.merged_at,
    mergeCommitSha: null,
    repository,
  });
}
