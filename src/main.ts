// The action's run(): read the runner's environment, build the adapters, run the pipeline, and fail the
// job only after everything is reported. Signals and stray errors are turned into a reported result too.
import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitCli } from './adapters/git.js';
import { GitHubRestApi } from './adapters/github-rest.js';
import { runPipeline, type PipelineEffects } from './pipeline.js';
import { uploadEscalationArtifact } from './report/artifact.js';
import { emergencyPublish } from './report/emergency.js';
import type { Logger } from './report/types.js';
import { parseSettings, runnerContextFromEnv, type InputName } from './settings.js';

/** Tokens the runner hands the action; they must never reach the smoke command or anything we write. */
const RUNNER_SECRET_VARS = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'];

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (!controller.signal.aborted) {
      core.info(`Received ${signal}: cancelling the smoke and reporting CANCELLED.`);
      controller.abort();
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('unhandledRejection', (reason) => {
    // A stray rejection must not crash the process before the result is reported.
    core.warning(
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
  for (const secret of secrets) core.setSecret(secret);

  const outDir = join(ctx.runnerTemp || tmpdir(), 'post-merge-smoke');
  // Backoff unit for the freshness gate, PR discovery and the API client. Only tests change it (to keep
  // "API unreachable" runs short); it is deliberately not an input.
  const backoffMs =
    Number(env.POST_MERGE_SMOKE_BACKOFF_MS) > 0 ? Number(env.POST_MERGE_SMOKE_BACKOFF_MS) : 1000;
  const log = actionLogger();
  try {
    const api =
      settings.githubToken && ctx.repository
        ? new GitHubRestApi({
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
      setOutput: (name, value) => core.setOutput(name, value),
      appendSummary: env.GITHUB_STEP_SUMMARY
        ? async (markdown) => {
            await core.summary.addRaw(markdown, true).write();
          }
        : null,
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
    const result = outcome.result;
    core.info(`post-merge-smoke: ${result.status} (${result.reason}): ${result.message}`);
    if (outcome.failed) {
      // The Critical #7 annotation is already out; only the exit code is left to set.
      if (result.status === 'STALE') core.setFailed(result.message);
      else process.exitCode = 1;
    }
  } catch (e) {
    // Only a bug in publishing itself lands here; report what we can and fail.
    await emergencyPublish(e, { settings, ctx, outDir, secrets, env, log });
    process.exitCode = 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function actionLogger(): Logger {
  return {
    info: (m) => core.info(m),
    warning: (m) => core.warning(m),
    error: (m, title) => core.error(m, title ? { title } : {}),
    debug: (m) => core.debug(m),
  };
}
