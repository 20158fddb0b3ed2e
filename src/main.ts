// The action's run(): read the runner's environment through @actions/core, build the context, run the mode
// and fail the job only after everything is reported. Signals and stray errors become a reported result too.
// `@github/local-action` calls this run() directly (README: "Debugging locally").
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CliGitRepository,
  GitHubRestApi,
  coreRunnerPort,
  maskSecret,
  readInput,
  type GitAuth,
} from './adapters/index.js';
import { knownSecrets } from './domain/index.js';
import { type ModeContext, runSelectedMode, type ModeOutcome } from './modes/index.js';
import { InternalFailure } from './pipeline/index.js';
import {
  createArtifactStore,
  emergencyPublish,
  preloadValidators,
  REPORTING_MS,
  uploadEscalationArtifact,
} from './report/index.js';
import {
  parseSettings,
  runnerContextFromEnv,
  type ParsedSettings,
  type RunnerContext,
} from './settings/index.js';
import {
  BASIC_AUTH_USER,
  Redactor,
  runnerSinks,
  type Log,
  type RunnerPort,
  type Sinks,
} from './sinks/index.js';

/** After an uncaught exception, how long the pipeline gets to report before the emergency report. */
const WATCHDOG_MS = 15_000;

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  preloadValidators();
  const runner = runnerContextFromEnv(env, (p) => readFileSync(p, 'utf8'));
  const parsed = parseSettings((name) => readInput(name, env), runner);
  const secrets = knownSecrets(env, [parsed.settings.githubToken]);
  for (const secret of secrets) maskSecret(secret);
  const port = recordingLostOutputs(coreRunnerPort(env));
  const sinks = runnerSinks(Redactor.fromEnv(env, secrets, parsed.settings.redactPatterns), port);
  const outDir = join(runner.runnerTemp || tmpdir(), 'post-merge-smoke');
  const guards = installGuards(sinks.log, () => emergencyPublish(guards.crash, { parsed, outDir, sinks }));
  try {
    const outcome = await runSelectedMode(actionContext(parsed, runner, sinks, outDir, env, secrets), {
      signal: guards.signal,
      inputErrors: parsed.errors,
      describeInputError: (e) => e.message,
      uploadArtifact: artifactUploader(env, runner),
      artifacts: artifactStore(env),
    });
    guards.reported();
    finish(outcome, sinks.log, port.lost);
  } catch (e) {
    // Only a bug in publishing itself lands here; report what we can and fail.
    if (guards.reportOnce()) await emergencyPublish(e, { parsed, outDir, sinks });
    process.exitCode = 1;
  } finally {
    guards.dispose();
  }
}

function actionContext(
  parsed: ParsedSettings,
  runner: RunnerContext,
  sinks: Sinks,
  outDir: string,
  env: NodeJS.ProcessEnv,
  secrets: string[],
): ModeContext {
  const { settings } = parsed;
  // Backoff unit for the freshness gate, PR discovery and the API client. Only tests change it (to keep
  // "API unreachable" runs short); it is deliberately not an input.
  const backoffMs =
    Number(env.POST_MERGE_SMOKE_BACKOFF_MS) > 0 ? Number(env.POST_MERGE_SMOKE_BACKOFF_MS) : 1000;
  const api =
    settings.githubToken && runner.repository
      ? new GitHubRestApi({
          token: settings.githubToken,
          repository: runner.repository,
          apiUrl: runner.apiUrl,
          graphqlUrl: runner.graphqlUrl,
          retryBaseMs: backoffMs,
        })
      : null;
  return {
    entry: 'action',
    settings,
    runner,
    git: new CliGitRepository(runner.workspace, {
      env,
      auth: gitAuth(settings.githubToken, runner.serverUrl),
    }),
    api,
    sinks,
    outDir,
    env,
    secrets,
    retry: { delaysMs: [1, 2, 4, 8].map((n) => n * backoffMs) },
    apply: true,
    checkoutWorkspace: true,
    taskFileOverride: null,
    now: () => new Date(),
  };
}

/**
 * The token for the git calls that reach the remote (ls-remote, fetch): as the header actions/checkout would
 * persist, but in that one git process's environment only — never in .git/config, where the smoke could
 * read it (the README's workflow checks out with `persist-credentials: false`).
 */
function gitAuth(token: string, serverUrl: string): GitAuth | null {
  if (token === '') return null;
  const credential = Buffer.from(`${BASIC_AUTH_USER}:${token}`, 'utf8').toString('base64');
  return { extraHeader: `AUTHORIZATION: basic ${credential}`, serverUrl };
}

/** Every upload (packet, hand-over, plan) gives up after REPORTING_MS.artifactUpload, not the client's ~15 min. */
function artifactUploader(env: NodeJS.ProcessEnv, runner: RunnerContext) {
  if (!env.ACTIONS_RESULTS_URL || !env.ACTIONS_RUNTIME_TOKEN) return null;
  const ctx = {
    serverUrl: runner.serverUrl,
    repository: runner.repository,
    runId: runner.runId,
    timeoutMs: artifactMs(env, REPORTING_MS.artifactUpload),
  };
  return (upload: Parameters<typeof uploadEscalationArtifact>[0]) => uploadEscalationArtifact(upload, ctx);
}

/** How long `mode: report` may spend on each call to the artifact service (list, one download). */
const ARTIFACT_READ_MS = 60_000;

function artifactStore(env: NodeJS.ProcessEnv) {
  if (!env.ACTIONS_RESULTS_URL || !env.ACTIONS_RUNTIME_TOKEN) return null;
  return createArtifactStore({ timeoutMs: artifactMs(env, ARTIFACT_READ_MS) });
}

/**
 * A limit on one call to the artifact service. Only tests shorten it (a silent service would cost each of
 * them a minute); it is deliberately not an input.
 */
function artifactMs(env: NodeJS.ProcessEnv, standard: number): number {
  const override = Number(env.POST_MERGE_SMOKE_ARTIFACT_MS);
  return override > 0 ? override : standard;
}

/** The runner's port, noting each output whose write to $GITHUB_OUTPUT failed (a full disk, a directory…). */
function recordingLostOutputs(port: RunnerPort): RunnerPort & { lost: string[] } {
  const lost: string[] = [];
  const setOutput = (name: string, value: string) => {
    try {
      port.setOutput(name, value);
    } catch (e) {
      lost.push(name);
      throw e;
    }
  };
  return { ...port, setOutput, lost };
}

function finish(outcome: ModeOutcome, log: Log, lostOutputs: readonly string[]): void {
  log.info(`post-merge-smoke: ${outcome.status} (${outcome.reason}): ${outcome.message}`);
  if (lostOutputs.length > 0) {
    // Later steps and jobs read `status` and `continuation-ready` from there: a green step without them lies.
    const names = lostOutputs.slice(0, 3).join(', ') + (lostOutputs.length > 3 ? ', …' : '');
    log.error(
      `The step's outputs could not be written to $GITHUB_OUTPUT (${lostOutputs.length} lost: ${names}); the job fails so that nothing downstream acts on missing outputs.`,
      { title: 'post-merge-smoke outputs lost' },
    );
    process.exitCode = 1;
  }
  if (!outcome.failed) return;
  // The Critical #7 annotation is already out; a failing STALE still needs its own.
  if (outcome.status === 'STALE') log.error(outcome.message, { title: 'post-merge-smoke STALE' });
  process.exitCode = 1;
}

interface Guards {
  signal: AbortSignal;
  /** The uncaught exception that triggered the emergency path, if any. */
  crash: unknown;
  reported(): void;
  /** true the first time: the caller reports; false once someone has. */
  reportOnce(): boolean;
  dispose(): void;
}

/**
 * SIGINT/SIGTERM cancel the run (the smoke is killed, CANCELLED is reported). An exception thrown outside
 * every await stops the smoke through the same signal and the run reports ERROR; if it cannot finish, a
 * watchdog reports on its own and ends the process.
 */
function installGuards(log: Log, emergency: () => Promise<void>): Guards {
  const controller = new AbortController();
  let reported = false;
  let watchdog: NodeJS.Timeout | undefined;
  const guards: Guards = {
    signal: controller.signal,
    crash: null,
    reported: () => void (reported = true),
    reportOnce: () => !reported && (reported = true),
    dispose: () => {
      clearTimeout(watchdog);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.off('uncaughtException', onUncaught);
      process.off('unhandledRejection', onRejection);
    },
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) return;
    log.info(`Received ${signal}: cancelling the smoke and reporting CANCELLED.`);
    controller.abort();
  };
  const onUncaught = (error: Error) => {
    log.error(`Unexpected error: ${error.message}`, { title: 'post-merge-smoke internal error' });
    if (controller.signal.aborted) return;
    guards.crash = error;
    controller.abort(new InternalFailure(error.message));
    watchdog = setTimeout(() => {
      if (guards.reportOnce()) void emergency().finally(() => process.exit(1));
    }, WATCHDOG_MS);
  };
  // A stray rejection must not crash the process before the result is reported.
  const onRejection = (reason: unknown) =>
    log.warning(
      `Unhandled rejection (continuing): ${reason instanceof Error ? reason.message : String(reason)}`,
    );
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onRejection);
  return guards;
}
