// Replays a fixture end to end (SPEC §9, §10): throwaway origin and clone, the fixture's pull request served
// from a loopback GitHub API, the whole pipeline as the action runs it, and a comparison with the expected
// result. A gate fixture runs `mode: gate` against the base branch's history and statuses instead.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliGitRepository, GitHubRestApi, GitProcessTransport } from '../adapters/index.js';
import type { SmokeResult } from '../contracts.js';
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
import { buildReplayRepos, type ReplayRepos } from './build-repos.js';
import { compareGateWithExpected, compareWithExpected, type GateReplayView } from './compare.js';
import { mergeGroupPayload, pullRequestPayload } from './events.js';
import { loadFixture, type LoadedFixture } from './fixture.js';
import { serveFromGit } from './git-backed-routes.js';
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

export interface ReplayOutcome {
  fixture: LoadedFixture;
  /** The throwaway directory of this replay (repositories, runner temp); gone unless `keep`. */
  root: string;
  repos: ReplayRepos;
  /** The published SmokeResult; null for a gate fixture (a gate makes none). */
  result: SmokeResult | null;
  /** A gate fixture's verdict, outputs and cost; null for a run. */
  gate: GateReplayView | null;
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
    serveFixture(server, loaded, repos, repository);
    const ran = await replayRun(loaded, repos, server, root, options);
    const shas = {
      mergeCommit: repos.mergeCommit,
      originHead: repos.originHead,
      history: repos.history,
      baseHead: repos.baseHead,
      mergeRef: `refs/heads/${repos.mergeBranch}`,
    };
    const packetWritten = ran.packetPath !== null;
    const differences = ran.gate
      ? compareGateWithExpected(loaded.fixture.expected, ran.gate, packetWritten, shas)
      : compareWithExpected(loaded.fixture.expected, ran.result!, packetWritten, shas);
    return {
      fixture: loaded,
      root,
      repos,
      result: ran.result,
      gate: ran.gate,
      outputs: ran.recorded.outputs,
      summary: ran.recorded.summary,
      packetPath: ran.packetPath,
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
  return {
    ...replayEvent(loaded, repos, repository),
    eventName: fixture.event_name,
    sha: repos.mergeCommit,
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

/** The event payload and GITHUB_REF of the fixture's event, in the shapes GitHub sends. */
function replayEvent(loaded: LoadedFixture, repos: ReplayRepos, repository: string) {
  const { fixture } = loaded;
  const base = fixture.base_branch;
  const repo = { full_name: repository, default_branch: base };
  const pr = fixture.pull_request;
  switch (fixture.event_name) {
    case 'push':
      return {
        ref: `refs/heads/${base}`,
        event: { ref: `refs/heads/${base}`, after: repos.mergeCommit, repository: repo },
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
  repos: ReplayRepos,
  server: LoopbackGitHub,
  root: string,
  options: ReplayOptions,
): Promise<Ran> {
  const runner = replayContext(loaded, repos, server, root);
  const inputs: Record<string, string> = {
    'github-token': REPLAY_TOKEN,
    mode: loaded.fixture.mode,
    ...loaded.fixture.inputs,
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

/** The loopback API of a replay: git-backed refs and compare, statuses, the fixture's PR and history. */
function serveFixture(
  server: LoopbackGitHub,
  loaded: LoadedFixture,
  repos: ReplayRepos,
  repository: string,
): void {
  const { fixture } = loaded;
  const repo = repository.replace('/', '\\/');
  const origin = new GitProcessTransport(repos.origin);
  serveFromGit(server, origin, repository);
  const statuses = new StatusBook();
  statuses.serve(server, repository);
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
  const editTimes = () => ({
    body: {
      data: {
        repository: {
          pullRequest: pr ? { lastEditedAt: pr.last_edited_at, mergedAt: pr.merged_at } : null,
        },
      },
    },
  });
  serveStatusHistory(server, origin, historyWorld(loaded, repos, repository, statuses), editTimes);
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
