// Replays a fixture end to end (SPEC §9, §10): throwaway origin and clone, the fixture's pull request served
// from a loopback GitHub API, the whole pipeline as the action runs it, and a comparison with the expected
// result. A streak runs several merges in turn against one loopback GitHub; a gate fixture runs `mode: gate`
// against the base branch's history and statuses instead.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliGitRepository, GitHubRestApi, GitProcessTransport } from '../adapters/index.js';
import type { EscalationPacket, SmokeResult } from '../contracts.js';
import type { Repository } from '../domain/index.js';
import {
  type GateOutcome,
  type ModeContext,
  runGate,
  smokeAndPublish,
  type SmokeOptions,
} from '../modes/index.js';
import { parseSettings, runnerOs, type OutputName, type RunnerContext } from '../settings/index.js';
import { recordingSinks, Redactor, type Log, type Recorded } from '../sinks/index.js';
import { buildReplayRepos, landStreakStep, type ReplayRepos } from './build-repos.js';
import {
  compareGateWithExpected,
  compareWithExpected,
  type GateReplayView,
  type ReplayShas,
} from './compare.js';
import { mergeGroupPayload, pullRequestPayload } from './events.js';
import { loadFixture, type Fixture, type LoadedFixture, type PullRequestFixture } from './fixture.js';
import { serveFromGit } from './git-backed-routes.js';
import { serveMainHealth, type MainHealthState } from './health-routes.js';
import { serveStatusHistory, StatusBook, type HistoryWorld } from './history-routes.js';
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

/** One run of a replay and how it compares with the fixture. */
export interface ReplayStep {
  mergeCommit: string;
  /** The SmokeResult; null for a gate fixture (a gate makes none). */
  result: SmokeResult | null;
  /** A gate fixture's verdict, outputs and cost; null for a run. */
  gate: GateReplayView | null;
  /** Job outputs as the action would set them. */
  outputs: Partial<Record<OutputName, string>>;
  summary: string;
  packetPath: string | null;
  /** Empty when the run matches the fixture. */
  differences: string[];
}

/** The last run's fields, and the differences of every run ("step i: …" for a streak). */
export interface ReplayOutcome extends Omit<ReplayStep, 'mergeCommit'> {
  fixture: LoadedFixture;
  /** The throwaway directory of this replay (repositories, runner temp); gone unless `keep`. */
  root: string;
  repos: ReplayRepos;
  /** Requests the pipeline made to the loopback GitHub API. */
  apiCalls: string[];
  /** One per run: a plain fixture has one, a streak one per step. */
  steps: ReplayStep[];
  /** The loopback GitHub's main-health state after the last run (statuses, issues). */
  health: MainHealthState;
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
    const health = serveFixture(server, loaded, repos, repository);
    const steps = await replaySteps(loaded, repos, server, root, options);
    const last = steps.at(-1)!;
    return {
      fixture: loaded,
      root,
      repos,
      result: last.result,
      gate: last.gate,
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
  const ran = await replayRun(loaded, spec, repos, server, root, options);
  const packet = ran.packetPath
    ? (JSON.parse(readFileSync(ran.packetPath, 'utf8')) as EscalationPacket)
    : null;
  const shas: ReplayShas = {
    mergeCommit: spec.mergeCommit,
    // The first run's origin head is the fixture's (after its later pushes); a streak step's is its merge.
    originHead: earlier.length === 0 ? repos.originHead : spec.mergeCommit,
    history: repos.history,
    baseHead: repos.baseHead,
    mergeRef: `refs/heads/${repos.mergeBranch}`,
    steps: [...earlier, spec.mergeCommit],
  };
  return {
    mergeCommit: spec.mergeCommit,
    result: ran.result,
    gate: ran.gate,
    outputs: ran.recorded.outputs,
    summary: ran.recorded.summary,
    packetPath: ran.packetPath,
    differences: ran.gate
      ? compareGateWithExpected(expected, ran.gate, packet !== null, shas)
      : compareWithExpected(expected, ran.result!, packet !== null, shas, packet),
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
  return {
    ...replayEvent(loaded, spec.mergeCommit, repos, repository),
    eventName: fixture.event_name,
    sha: spec.mergeCommit,
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

/** The event payload and GITHUB_REF of the fixture's event, in the shapes GitHub sends. */
function replayEvent(loaded: LoadedFixture, mergeCommit: string, repos: ReplayRepos, repository: string) {
  const { fixture } = loaded;
  const base = fixture.base_branch;
  const repo = { full_name: repository, default_branch: base };
  const pr = fixture.pull_request;
  switch (fixture.event_name) {
    case 'push':
      return {
        ref: `refs/heads/${base}`,
        event: { ref: `refs/heads/${base}`, after: mergeCommit, repository: repo },
      };
    case 'workflow_dispatch':
      return { ref: `refs/heads/${base}`, event: { inputs: {}, repository: repo } };
    case 'merge_group': {
      const headRef = `refs/heads/${repos.mergeBranch}`;
      const group = {
        headSha: repos.mergeCommit,
        headRef,
        baseSha: repos.baseHead,
        baseRef: `refs/heads/${base}`,
      };
      const event = mergeGroupPayload({ ...group, message: fixture.merge_commit_message, repository });
      return { ref: headRef, event };
    }
    case 'pull_request': {
      const number = pr?.number ?? 1;
      const event = pullRequestPayload({
        number,
        title: pr?.title ?? '',
        body: pr?.body ?? null,
        labels: pr?.labels ?? [],
        headRef: repos.mergeBranch,
        headSha: repos.mergeCommit,
        baseRef: base,
        baseSha: repos.baseHead,
        repository,
      });
      return { ref: `refs/pull/${number}/merge`, event };
    }
  }
}

interface Ran {
  result: SmokeResult | null;
  gate: GateReplayView | null;
  packetPath: string | null;
  recorded: Recorded;
}

/** The whole run as the action does it, with outputs and summary recorded in memory. */
async function replayRun(
  loaded: LoadedFixture,
  spec: RunSpec,
  repos: ReplayRepos,
  server: LoopbackGitHub,
  root: string,
  options: ReplayOptions,
): Promise<Ran> {
  const runner = replayContext(loaded, spec, repos, server, root);
  const inputs: Record<string, string> = {
    'github-token': REPLAY_TOKEN,
    mode: loaded.fixture.mode,
    ...spec.inputs,
  };
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
  const o: SmokeOptions = {
    signal: new AbortController().signal,
    inputErrors: errors,
    describeInputError: (e) => e.message,
    uploadArtifact: null,
  };
  if (settings.mode === 'gate') {
    const gate = gateView(await runGate(c, o), server.requests.length);
    return { result: null, gate, packetPath: null, recorded };
  }
  const publication = await smokeAndPublish(c, o);
  return { result: publication.result, gate: null, packetPath: publication.packetPath, recorded };
}

/** What a gate replay is compared on: its verdict, its outputs' values and its cost in API requests. */
function gateView(g: GateOutcome, apiRequests: number): GateReplayView {
  return {
    status: g.status,
    reason: g.reason,
    message: g.message,
    main_state: g.mainState,
    red_since: g.redSince,
    bypassed: g.bypassed,
    api_requests: apiRequests,
  };
}

/** Does this fixture run on this platform? null: yes; otherwise the reason it is skipped. */
export function platformSkip(loaded: LoadedFixture): string | null {
  const platforms = loaded.fixture.platforms;
  if (platforms === null || (platforms as string[]).includes(process.platform)) return null;
  return `fixture ${loaded.fixture.name} runs only on ${platforms.join(', ')}`;
}

/**
 * The loopback API of a replay: git-backed refs and compare, the fixture's pull requests, main health's
 * statuses, refs and issues, and the gate's history — all over one status book seeded with the fixture's
 * base history.
 */
function serveFixture(
  server: LoopbackGitHub,
  loaded: LoadedFixture,
  repos: ReplayRepos,
  repository: string,
): MainHealthState {
  const origin = new GitProcessTransport(repos.origin);
  serveFromGit(server, origin, repository);
  servePulls(server, loaded, repos, repository);
  const statuses = new StatusBook();
  const health = serveMainHealth(server, origin, repository, { book: statuses });
  const pr = loaded.fixture.pull_request;
  const editTimes = (query: string) =>
    query.includes('lastEditedAt')
      ? {
          body: {
            data: {
              repository: {
                pullRequest: pr ? { lastEditedAt: pr.last_edited_at, mergedAt: pr.merged_at } : null,
              },
            },
          },
        }
      : null;
  serveStatusHistory(server, origin, historyWorld(loaded, repos, repository, statuses), editTimes);
  return health;
}

/** The fixture's pull request and its streak's, by number and (only its own merge commit) by commit. */
function servePulls(server: LoopbackGitHub, loaded: LoadedFixture, repos: ReplayRepos, repository: string) {
  const { fixture } = loaded;
  const repo = repository.replace('/', '\\/');
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
}

/** The base branch's statuses and PRs as the fixture declares them, and its pull request with labels. */
function historyWorld(
  loaded: LoadedFixture,
  repos: ReplayRepos,
  repository: string,
  statuses: StatusBook,
): HistoryWorld {
  const { fixture } = loaded;
  const prs = new Map<string, { number: number; title: string }>();
  fixture.base_history.forEach((c, i) => {
    const sha = repos.history[i]!;
    if (c.pr) prs.set(sha, c.pr);
    if (c.status) {
      const targetUrl = `https://github.com/${repository}/actions/runs/${100 + i}`;
      statuses.add(sha, { state: c.status, context: 'post-merge-smoke', targetUrl });
    }
  });
  const pr = fixture.pull_request;
  return {
    statuses,
    pullOf: (sha) => prs.get(sha) ?? null,
    pull: (n) => (pr && pr.number === n ? { number: n, title: pr.title, labels: pr.labels } : null),
  };
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
