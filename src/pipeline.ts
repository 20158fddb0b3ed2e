// freshness → resolve → execute → decide → report, with the exit-path guarantee: whatever happens in the
// first four steps (a thrown error, a cancellation, a bad input), a SmokeResult is built and published.
import { isAbsolute, join, resolve as resolvePath } from 'node:path';
import type { Reason, RunInfo, SmokeResult, SmokeStatus } from './contracts.js';
import type { Git } from './adapters/git.js';
import { gitFailure } from './adapters/git.js';
import type { GitHubApi } from './adapters/github.js';
import { buildChildEnv, runSmoke } from './execute/index.js';
import type { SmokeRun, SmokeSpec } from './execute/types.js';
import { checkFreshness, ensureWorkspaceAt, readHeadAfter, resolveMergeCommit } from './freshness/index.js';
import type { FreshnessInput, RetryPolicy } from './freshness/types.js';
import { applyPolicy, GitTreeReader, ResolveInfraError, resolveCommand } from './resolve/index.js';
import { discoverPullRequest } from './resolve/pr-discovery.js';
import type { CommandOptions } from './resolve/types.js';
import { pendingStatus, postCommitStatus } from './report/commit-status.js';
import { createLiveEcho, fencedText, withWorkflowCommandsStopped } from './report/live-echo.js';
import { publishResult, type Publication, type PublishEffects } from './report/publish.js';
import { Redactor } from './report/redact.js';
import type { Logger } from './report/types.js';
import { DEFAULT_TIMEOUT_SECONDS, type InputError, type RunnerContext, type Settings } from './settings.js';
import { buildResult, emptyFacts, type RunFacts, type Verdict } from './verdict.js';

export interface PipelineEffects extends PublishEffects {
  git: Git;
  api: GitHubApi | null;
  log: Logger;
  /** Where the command's live output goes, redacted line by line (the job log, or the terminal). */
  writeLive: (text: string) => void;
  /** The runner interprets `::commands::` in our stdout: fence the command's output so it cannot inject any. */
  fenceWorkflowCommands: boolean;
  now: () => Date;
}

export interface PipelineConfig {
  settings: Settings;
  inputErrors: InputError[];
  ctx: RunnerContext;
  /** Result file, packet, logs. */
  outDir: string;
  retry: RetryPolicy;
  /** false: resolve and check freshness, then stop before running anything (the CLI's plan mode). */
  apply: boolean;
  /** Environment the smoke command inherits (scrubbed before use). */
  env: NodeJS.ProcessEnv;
  /** Secret values to redact everywhere besides the well-known shapes (the token, runner tokens). */
  secrets: string[];
  /** The CLI's --task-file: read from disk instead of the tree. */
  taskFileOverride?: { path: string; content: string } | null;
  /**
   * May the workspace be checked out at the merge commit when HEAD differs (SPEC §5)? The action: yes.
   * The CLI: no — it never moves a developer's checkout; it reports the mismatch instead.
   */
  checkoutWorkspace: boolean;
}

/** What a run would execute, when `apply` is false and the pipeline got that far. */
export interface Plan {
  command: string;
  source: NonNullable<SmokeResult['command_source']>;
  shell: string;
  workingDirectory: string;
  timeoutSeconds: number;
}

export type PipelineOutcome =
  | ({ kind: 'published' } & Publication)
  /** Plan mode got as far as a command: nothing ran and nothing was published. */
  | { kind: 'plan'; plan: Plan; facts: RunFacts };

/**
 * The reason the action aborts the run with when something outside the pipeline broke (an uncaught
 * exception): the smoke is killed like on a cancellation, but the verdict is ERROR, not CANCELLED.
 */
export class InternalFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InternalFailure';
  }
}

class Cancelled extends Error {
  constructor() {
    super('the run was cancelled');
  }
}

/** An early verdict that ends the decision steps. */
class Stop extends Error {
  constructor(readonly verdict: Verdict) {
    super(verdict.message);
  }
}

function stop(status: SmokeStatus, reason: Reason, message: string): never {
  throw new Stop({ status, reason, message });
}

export async function runPipeline(
  cfg: PipelineConfig,
  fx: PipelineEffects,
  signal: AbortSignal,
): Promise<PipelineOutcome> {
  const facts = emptyFacts(cfg.settings.dryRun);
  facts.run = runInfo(cfg.ctx);
  facts.baseBranch = cfg.settings.baseBranch;
  const redactor = Redactor.fromEnv(cfg.env, cfg.secrets, cfg.settings.redactPatterns);
  let smokeRun: SmokeRun | null = null;
  let verdict: Verdict;
  try {
    const decided = await decide(cfg, fx, facts, signal, redactor);
    if (decided.kind === 'plan') return { kind: 'plan', plan: decided.plan, facts };
    smokeRun = decided.run;
    verdict = decided.verdict;
  } catch (e) {
    if (e instanceof Stop) verdict = e.verdict;
    else if (e instanceof Cancelled || signal.aborted) verdict = cancelledVerdict();
    else if (e instanceof ResolveInfraError) {
      facts.taskId = e.context.taskId;
      facts.profile = e.context.profile;
      verdict = { status: 'ERROR', reason: e.reason, message: e.message };
    } else {
      fx.log.debug(e instanceof Error && e.stack ? e.stack : String(e));
      verdict = {
        status: 'ERROR',
        reason: 'internal_error',
        message: `post-merge-smoke failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`,
      };
    }
  }
  if (verdict.status === 'CANCELLED' && signal.reason instanceof InternalFailure) {
    verdict = {
      status: 'ERROR',
      reason: 'internal_error',
      message: `post-merge-smoke failed unexpectedly: ${signal.reason.message}; the smoke was stopped and its process tree killed.`,
    };
  }
  const draft = buildResult(facts, verdict);
  const publication = await publishResult(draft, {
    settings: cfg.settings,
    ctx: cfg.ctx,
    outDir: cfg.outDir,
    redactor,
    smokeRun,
    fx,
    // After a cancellation the runner allows a few seconds: no reporting step may wait long.
    stepTimeoutMs: verdict.status === 'CANCELLED' ? 3000 : null,
  });
  return { kind: 'published', ...publication };
}

function cancelledVerdict(): Verdict {
  return {
    status: 'CANCELLED',
    reason: 'cancelled',
    message: 'The run was cancelled; the smoke process tree was killed.',
  };
}

/** Rejects with Cancelled as soon as the signal fires, so a slow step cannot hold up the report. */
function orCancel<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Cancelled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

async function decide(
  cfg: PipelineConfig,
  fx: PipelineEffects,
  facts: RunFacts,
  signal: AbortSignal,
  redactor: Redactor,
): Promise<{ kind: 'verdict'; verdict: Verdict; run: SmokeRun | null } | { kind: 'plan'; plan: Plan }> {
  const s = cfg.settings;
  if (cfg.inputErrors.length > 0) {
    stop('BLOCKED', 'invalid_input', cfg.inputErrors.map((e) => e.message).join(' '));
  }

  // --- the commit under test
  const mc = await orCancel(
    resolveMergeCommit(fx.git, s.remote, s.mergeCommit, { baseBranch: s.baseBranch }),
    signal,
  );
  if (!mc.ok) stop(mc.reason === 'invalid_input' ? 'BLOCKED' : 'ERROR', mc.reason, mc.message);
  const sha = mc.sha;
  facts.mergeCommit = sha;

  // --- freshness gate
  const freshnessInput: FreshnessInput = {
    git: fx.git,
    api: fx.api,
    remote: s.remote,
    baseBranch: s.baseBranch,
    mergeCommit: sha,
    retry: cfg.retry,
  };
  // The gate and the resolution only read (git, the API), so they run side by side; the gate's verdict
  // still comes first. A stale run keeps the task and PR the resolution found, for the record.
  const resolution = settle(resolveFromMetadata(cfg, fx, sha));
  const fresh = await orCancel(checkFreshness(freshnessInput), signal);
  facts.originHead = fresh.originHead;
  fx.log.info(`Freshness (${fresh.via}): ${fresh.message}`);
  if (fresh.kind !== 'fresh') {
    const found = await orCancel(resolution, signal);
    if (found.ok) {
      facts.prNumber = found.value.discovery.number;
      facts.taskId = found.value.outcome.taskId;
    }
  }
  if (fresh.kind === 'stale') {
    facts.stale = true;
    if (s.onStale !== 'run') stop('STALE', fresh.reason, fresh.message);
    fx.log.warning(
      `${fresh.message} on-stale is 'run': testing ${sha} anyway; the result records stale: true.`,
    );
  } else if (fresh.kind === 'error') {
    stop('ERROR', fresh.reason, fresh.message);
  } else if (fresh.kind === 'blocked') {
    stop('BLOCKED', fresh.reason, fresh.message);
  }

  // --- which command, from which reviewed source
  const settled = await orCancel(resolution, signal);
  if (!settled.ok) throw settled.error;
  const { discovery, outcome, notes } = settled.value;
  facts.prNumber = discovery.number;
  for (const [level, note] of notes) fx.log[level](note);
  facts.taskId = outcome.taskId;
  facts.profile = outcome.profile;

  const policy = applyPolicy(s.dryRun, outcome);
  if (policy.kind !== 'run') stop(policy.status, policy.reason, policy.message);
  if (outcome.kind !== 'command') throw new Error('policy allowed a run without a command');
  facts.smokeCommand = outcome.command;
  facts.commandSource = outcome.source;
  const effective = effectiveOptions(s, outcome.options, cfg.ctx);
  facts.timeoutSeconds = effective.timeoutSeconds;
  fx.log.info(
    `Smoke command (from ${outcome.source}${outcome.profile ? `, profile ${outcome.profile}` : ''}):`,
  );
  const shownCommand = redactor.redact(outcome.command);
  fx.log.info(fx.fenceWorkflowCommands ? fencedText(shownCommand) : shownCommand);

  if (!cfg.apply)
    return { kind: 'plan', plan: { command: outcome.command, source: outcome.source, ...effective } };

  // --- the workspace must be the merge commit's tree
  await orCancel(workspaceAt(cfg, fx, sha), signal);

  const pendingContent = pendingStatus({
    taskId: facts.taskId,
    prNumber: facts.prNumber,
    timeoutSeconds: effective.timeoutSeconds,
  });
  const pending = postCommitStatus(
    fx.api,
    sha,
    s.statusContext,
    pendingContent.state,
    redactor.redact(pendingContent.description),
    facts.run?.url ?? null,
  ).then((outcome) => {
    if (outcome.startsWith('failed')) fx.log.warning(`Pending commit status: ${outcome}`);
  });

  // --- execution
  const spec: SmokeSpec = {
    command: outcome.command,
    shell: effective.shell,
    workingDirectory: effective.workingDirectory,
    timeoutSeconds: effective.timeoutSeconds,
    killGraceSeconds: s.killGraceSeconds,
    maxOutputBytes: s.maxOutputBytes,
    logMaxBytes: s.logMaxBytes,
    logDir: join(cfg.outDir, 'logs'),
    env: buildChildEnv(
      cfg.env,
      {
        SMOKE_MERGE_COMMIT: sha,
        SMOKE_TASK_ID: facts.taskId ?? '',
        SMOKE_PR_NUMBER: facts.prNumber === null ? '' : String(facts.prNumber),
      },
      cfg.secrets,
    ),
    retries: s.retries,
    retryOn: s.retryOn,
    echo: (stream, chunk) => echo.push(stream, chunk),
    onAttempt: (n, of) => {
      if (of > 1) echo.note(`::: attempt ${n} of ${of} :::\n`);
    },
  };
  const echo = liveEcho(fx, redactor);
  const execute = () => runSmoke(spec, { signal }).finally(() => echo.flush());
  const run = fx.fenceWorkflowCommands
    ? await withWorkflowCommandsStopped(fx.writeLive, execute)
    : await execute();
  await pending;
  facts.execution = {
    exitCode: run.final.exitCode,
    signal: run.final.signal,
    durationMs: run.durationMs,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    stdout: run.final.stdout.text,
    stderr: run.final.stderr.text,
    stdoutBytes: run.final.stdout.totalBytes,
    stderrBytes: run.final.stderr.totalBytes,
    stdoutTruncated: run.final.stdout.truncated,
    stderrTruncated: run.final.stderr.truncated,
    attempts: run.attempts.map((a) => ({
      exit_code: a.exitCode,
      signal: a.signal,
      status: a.status,
      duration_ms: a.durationMs,
    })),
    flaky: run.flaky,
    orphansKilled: run.orphansKilled,
  };
  if (run.flaky) {
    fx.log.warning(`The smoke passed on attempt ${run.attempts.length} after failing: it is flaky.`);
  }
  if (run.status !== 'CANCELLED') {
    facts.originHeadAfter = await orCancel(readHeadAfter(freshnessInput), signal).catch(() => null);
  }
  return { kind: 'verdict', verdict: { status: run.status, reason: run.reason, message: run.message }, run };
}

/** Commit message → pull request → command: everything the reviewed metadata says about this merge. */
async function resolveFromMetadata(cfg: PipelineConfig, fx: PipelineEffects, sha: string) {
  const s = cfg.settings;
  const notes: ['info' | 'warning', string][] = [];
  const log = await fx.git.run(['log', '-1', '--format=%B', sha, '--']);
  if (log.exitCode !== 0)
    stop('ERROR', 'git_failed', `Could not read the message of ${sha}: ${gitFailure(log)}.`);
  const commitMessage = log.stdout;

  const discovery = await discoverPullRequest({
    commitMessage,
    sha,
    baseBranch: s.baseBranch,
    api: fx.api,
    retry: cfg.retry,
  });
  for (const note of discovery.notes) notes.push(['info', note]);
  if (discovery.error) {
    const why = `Could not look up the pull request of ${sha}: ${discovery.error.message}`;
    // An explicit command does not depend on PR metadata; everything else would be resolved on partial data.
    if (s.smokeCommand === null) stop('ERROR', 'api_failed', `${why}. Grant the token pull-requests: read.`);
    notes.push(['warning', `${why}; continuing with the smoke-command input.`]);
  }

  const outcome = await resolveCommand({
    smokeCommand: s.smokeCommand,
    profile: s.profile,
    taskId: s.taskId,
    taskIdPattern: s.taskIdPattern,
    registryPath: s.registryPath,
    taskPath: s.taskPath,
    prBodyCommand: s.prBodyCommand,
    commitMessage,
    pr: discovery.pr,
    loadPrEditTimes: () => {
      if (!fx.api || discovery.number === null)
        return Promise.resolve({ lastEditedAt: null, mergedAt: null });
      return fx.api.getPullEditTimes(discovery.number);
    },
    tree: new GitTreeReader(fx.git, sha),
    taskFileOverride: cfg.taskFileOverride ?? null,
  });
  for (const note of outcome.notes) notes.push(['info', note]);
  return { discovery, outcome, notes };
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** A promise that never rejects, so work started early cannot become an unhandled rejection. */
function settle<T>(work: Promise<T>): Promise<Settled<T>> {
  return work.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

/** The live echo of the command's output, redacted line by line. */
function liveEcho(fx: PipelineEffects, redactor: Redactor) {
  const echo = createLiveEcho(redactor, fx.writeLive);
  return {
    push: (stream: 'stdout' | 'stderr', chunk: Buffer) => echo.push(stream, chunk),
    flush: () => echo.flush(),
    note: (text: string) => {
      echo.flush();
      fx.writeLive(text);
    },
  };
}

async function workspaceAt(cfg: PipelineConfig, fx: PipelineEffects, sha: string): Promise<void> {
  const s = cfg.settings;
  if (!cfg.checkoutWorkspace) {
    const head = await fx.git.run(['rev-parse', '--verify', 'HEAD']);
    if (head.exitCode !== 0) stop('ERROR', 'git_failed', `Could not read HEAD: ${gitFailure(head)}.`);
    const at = head.stdout.trim();
    if (at !== sha) {
      stop(
        'ERROR',
        'workspace_mismatch',
        `The repository is at ${at.slice(0, 12)}, not at the merge commit ${sha.slice(0, 12)}; ` +
          `check it out first (git switch --detach ${sha}).`,
      );
    }
    return;
  }
  const ws = await ensureWorkspaceAt(fx.git, s.remote, sha, { baseBranch: s.baseBranch });
  if (!ws.ok) stop('ERROR', ws.reason, ws.message);
  if (ws.action === 'checked-out') fx.log.info(`Checked out ${sha} (detached) in the workspace.`);
}

function effectiveOptions(
  s: Settings,
  fromMetadata: CommandOptions,
  ctx: RunnerContext,
): { shell: string; workingDirectory: string; timeoutSeconds: number } {
  const wd = s.workingDirectory ?? fromMetadata.workingDirectory ?? '.';
  return {
    // An explicit input is a choice made in the reviewed workflow file: it wins over the registry.
    timeoutSeconds: s.timeoutSeconds ?? fromMetadata.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
    shell: s.shell ?? fromMetadata.shell ?? (ctx.os === 'Windows' ? 'pwsh' : 'bash'),
    workingDirectory: isAbsolute(wd) ? wd : resolvePath(ctx.workspace, wd),
  };
}

function runInfo(ctx: RunnerContext): RunInfo | null {
  if (!ctx.repository || !ctx.runId) return null;
  return {
    repository: ctx.repository,
    run_id: ctx.runId,
    run_attempt: ctx.runAttempt,
    url: `${ctx.serverUrl}/${ctx.repository}/actions/runs/${ctx.runId}/attempts/${ctx.runAttempt}`,
  };
}
