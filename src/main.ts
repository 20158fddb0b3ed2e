// The action's run(): read the runner's environment, build the adapters, run the pipeline, and fail the
// job only after everything is reported. Signals and stray errors are turned into a reported result too.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitCli } from './adapters/git.js';
import { RunnerProtocol } from './adapters/runner.js';
import { InternalFailure, runPipeline, type PipelineEffects } from './pipeline.js';
import { uploadEscalationArtifact } from './report/artifact.js';
import { emergencyPublish } from './report/emergency.js';
import { preloadValidators } from './report/schema-check.js';
import { parseSettings, runnerContextFromEnv, type InputName } from './settings.js';

/** Tokens the runner hands the action; they must never reach the smoke command or anything we write. */
const RUNNER_SECRET_VARS = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
/** After an uncaught exception, how long the pipeline gets to report before the emergency report. */
const WATCHDOG_MS = 15_000;

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  preloadValidators();
  const runner = new RunnerProtocol(env);
  const log = runner.logger();
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (!controller.signal.aborted) {
      log.info(`Received ${signal}: cancelling the smoke and reporting CANCELLED.`);
      controller.abort();
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('unhandledRejection', (reason) => {
    // A stray rejection must not crash the process before the result is reported.
    log.warning(
      `Unhandled rejection (continuing): ${reason instanceof Error ? reason.message : String(reason)}`,
    );
  });

  const ctx = runnerContextFromEnv(env, (p) => readFileSync(p, 'utf8'));
  // The runner keeps hyphens in INPUT_ names (INPUT_SMOKE-COMMAND); read them exactly as @actions/core does.
  const getInput = (name: InputName) => env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
  const { settings, errors } = parseSettings(getInput, ctx);
  const secrets = [settings.githubToken, ...RUNNER_SECRET_VARS.map((v) => env[v] ?? '')].filter(
    (s) => s !== '',
  );
  for (const secret of secrets) runner.setSecret(secret);

  const outDir = join(ctx.runnerTemp || tmpdir(), 'post-merge-smoke');
  // Something threw outside every await (a callback): stop the smoke through the pipeline, which then
  // reports ERROR. If the pipeline cannot finish, the watchdog reports on its own and ends the process.
  let watchdog: NodeJS.Timeout | undefined;
  let reported = false;
  const onUncaught = (error: Error) => {
    log.error(`Unexpected error: ${error.message}`, 'post-merge-smoke internal error');
    if (controller.signal.aborted) return;
    controller.abort(new InternalFailure(error.message));
    watchdog = setTimeout(() => {
      if (reported) return;
      reported = true;
      void emergencyPublish(error, { settings, outDir, secrets, env, log, runner }).finally(() =>
        process.exit(1),
      );
    }, WATCHDOG_MS);
  };
  process.on('uncaughtException', onUncaught);
  // Backoff unit for the freshness gate, PR discovery and the API client. Only tests change it (to keep
  // "API unreachable" runs short); it is deliberately not an input.
  const backoffMs =
    Number(env.POST_MERGE_SMOKE_BACKOFF_MS) > 0 ? Number(env.POST_MERGE_SMOKE_BACKOFF_MS) : 1000;
  try {
    // The REST client (octokit, undici) is a third of the bundle: load it only when there is a token to use.
    const api =
      settings.githubToken && ctx.repository
        ? new (await import('./adapters/github-rest.js')).GitHubRestApi({
            token: settings.githubToken,
            repository: ctx.repository,
            apiUrl: ctx.apiUrl,
            graphqlUrl: ctx.graphqlUrl,
            retryBaseMs: backoffMs,
          })
        : null;
    const artifactService = Boolean(env.ACTIONS_RESULTS_URL && env.ACTIONS_RUNTIME_TOKEN);
    const fx: PipelineEffects = {
      git: new GitCli(ctx.workspace, env),
      api,
      log,
      writeLive: (text) => process.stdout.write(text),
      fenceWorkflowCommands: true,
      setOutput: (name, value) => runner.setOutput(name, value),
      appendSummary: runner.hasSummary ? async (markdown) => runner.appendSummary(markdown) : null,
      uploadArtifact: artifactService
        ? (upload) =>
            uploadEscalationArtifact(upload, {
              serverUrl: ctx.serverUrl,
              repository: ctx.repository,
              runId: ctx.runId,
            })
        : null,
      now: () => new Date(),
    };
    const outcome = await runPipeline(
      {
        settings,
        inputErrors: errors,
        ctx,
        outDir,
        retry: { delaysMs: [1, 2, 4, 8].map((n) => n * backoffMs) },
        apply: true,
        env,
        secrets,
        checkoutWorkspace: true,
      },
      fx,
      controller.signal,
    );
    if (outcome.kind !== 'published')
      throw new Error('the action always applies; a plan cannot be its outcome');
    reported = true;
    const result = outcome.result;
    log.info(`post-merge-smoke: ${result.status} (${result.reason}): ${result.message}`);
    if (outcome.failed) {
      // The Critical #7 annotation is already out; a failing STALE still needs its own.
      if (result.status === 'STALE') log.error(result.message, 'post-merge-smoke STALE');
      process.exitCode = 1;
    }
  } catch (e) {
    // Only a bug in publishing itself lands here; report what we can and fail.
    if (!reported) {
      reported = true;
      await emergencyPublish(e, { settings, outDir, secrets, env, log, runner });
    }
    process.exitCode = 1;
  } finally {
    clearTimeout(watchdog);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('uncaughtException', onUncaught);
  }
}
