// The command-line tool: the action's pipeline with local adapters (SPEC §9). Returns the exit code:
// 0 PASS / SKIPPED / STALE (skip) / a plan / a matching replay, 1 a failure status or a replay mismatch,
// 2 a usage error.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GitCli } from '../adapters/git.js';
import { SMOKE_PLAN_SCHEMA_ID, type SmokePlan } from '../contracts.js';
import { runPipeline, type PipelineOutcome } from '../pipeline.js';
import type { Logger } from '../report/types.js';
import { FixtureError, loadFixture } from '../replay/fixture.js';
import { platformSkip, replayFixture } from '../replay/replay.js';
import { parseSettings, runnerOs, type InputName, type RunnerContext } from '../settings.js';
import { appendAudit } from './audit.js';
import { parseArgs, type ReplayArgs, type RunArgs } from './args.js';
import { renderPlanText, renderResultText, terminalSafe } from './report-text.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Cancels a running command (the CLI wires SIGINT to it). */
  signal: AbortSignal;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  switch (args.command) {
    case 'help':
      io.stdout(args.text);
      return EXIT_OK;
    case 'usage-error':
      io.stderr(`post-merge-smoke: ${args.message}\n\n${args.usage}`);
      return EXIT_USAGE;
    case 'run':
      return runCommand(args, io);
    case 'replay':
      return replayCommand(args, io);
  }
}

function cliLogger(io: CliIo): Logger {
  return {
    info: (m) => io.stderr(`${terminalSafe(m)}\n`),
    warning: (m) => io.stderr(`warning: ${terminalSafe(m)}\n`),
    error: (m, title) => io.stderr(`error: ${title ? `${title}: ` : ''}${terminalSafe(m)}\n`),
    debug: (m) => {
      if (io.env.POST_MERGE_SMOKE_DEBUG) io.stderr(`debug: ${m}\n`);
    },
  };
}

async function runCommand(args: RunArgs, io: CliIo): Promise<number> {
  const usage = (message: string) => {
    io.stderr(`post-merge-smoke run: ${message}\n`);
    return EXIT_USAGE;
  };
  const repoDir = resolve(io.cwd, args.repo ?? '.');
  const top = await new GitCli(repoDir, io.env).run(['rev-parse', '--show-toplevel']);
  if (top.exitCode !== 0) return usage(`${repoDir} is not inside a git repository`);
  const repo = resolve(top.stdout.trim());

  const ctx: RunnerContext = {
    eventName: 'cli',
    event: {},
    sha: '',
    ref: '',
    repository: null,
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    graphqlUrl: 'https://api.github.com/graphql',
    runId: null,
    runAttempt: 1,
    workspace: repo,
    runnerTemp: '',
    os: runnerOs(),
  };
  // No commit statuses from a developer's machine: the CLI never writes to GitHub.
  const inputs: Partial<Record<InputName, string>> = { 'status-context': '', ...args.inputs };
  const { settings, errors } = parseSettings((name) => inputs[name] ?? '', ctx);
  if (errors.length > 0) {
    // Flags are inputs: name the flag, not the input.
    return usage(errors.map((e) => e.message.replace(`Input '${e.input}'`, `--${e.input}`)).join('\n'));
  }
  let taskFileOverride: { path: string; content: string } | null = null;
  if (args.taskFile) {
    const path = resolve(io.cwd, args.taskFile);
    if (!existsSync(path)) return usage(`--task-file ${args.taskFile} does not exist`);
    taskFileOverride = { path, content: readFileSync(path, 'utf8') };
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const outDir = args.outDir ? resolve(io.cwd, args.outDir) : join(repo, '.post-merge-smoke', 'runs', stamp);
  const secrets = ['GITHUB_TOKEN', 'GH_TOKEN'].map((v) => io.env[v] ?? '').filter((v) => v !== '');
  const log = cliLogger(io);

  const outcome = await runPipeline(
    {
      settings,
      inputErrors: [],
      ctx,
      outDir,
      retry: { delaysMs: [500, 1000, 2000] },
      apply: args.apply,
      env: io.env,
      secrets,
      taskFileOverride,
      checkoutWorkspace: false,
    },
    {
      git: new GitCli(repo, io.env),
      api: null,
      log,
      // With --json, stdout carries only the JSON document; the command's output goes to stderr.
      writeLive: args.json ? io.stderr : io.stdout,
      fenceWorkflowCommands: false,
      setOutput: null,
      appendSummary: null,
      uploadArtifact: null,
      now: () => new Date(),
    },
    io.signal,
  );

  const exitCode = report(outcome, settings.dryRun, args.json, io);
  if (args.audit) {
    try {
      const path = await appendAudit(repo, auditEntry(outcome, args.apply));
      if (!args.json) io.stderr(`audit: ${path}\n`);
    } catch (e) {
      log.warning(`could not append to the audit trail: ${(e as Error).message}`);
    }
  }
  return exitCode;
}

function report(outcome: PipelineOutcome, dryRun: boolean, json: boolean, io: CliIo): number {
  if (outcome.kind === 'plan') {
    const { plan, facts } = outcome;
    const doc: SmokePlan = {
      schema: SMOKE_PLAN_SCHEMA_ID,
      applied: false,
      merge_commit: facts.mergeCommit!,
      base_branch: facts.baseBranch ?? '',
      origin_head: facts.originHead,
      stale: facts.stale,
      task_id: facts.taskId,
      pr_number: facts.prNumber,
      profile: facts.profile,
      smoke_command: plan.command,
      command_source: plan.source,
      shell: plan.shell,
      working_directory: plan.workingDirectory,
      timeout_seconds: plan.timeoutSeconds,
      dry_run: dryRun,
    };
    io.stdout(json ? JSON.stringify(doc, null, 2) + '\n' : renderPlanText(plan, facts));
    return EXIT_OK;
  }
  io.stdout(
    json
      ? JSON.stringify(outcome.result, null, 2) + '\n'
      : renderResultText(outcome.result, { resultPath: outcome.resultPath, packetPath: outcome.packetPath }),
  );
  return outcome.failed ? EXIT_FAILED : EXIT_OK;
}

function auditEntry(outcome: PipelineOutcome, applied: boolean): Parameters<typeof appendAudit>[1] {
  const at = new Date().toISOString();
  if (outcome.kind === 'plan') {
    return {
      at,
      command: 'run',
      applied,
      merge_commit: outcome.facts.mergeCommit,
      status: 'PLAN',
      reason: null,
      task_id: outcome.facts.taskId,
      pr_number: outcome.facts.prNumber,
      smoke_command: outcome.plan.command,
      command_source: outcome.plan.source,
      exit_code: null,
      duration_ms: null,
      result_path: null,
    };
  }
  const r = outcome.result;
  return {
    at,
    command: 'run',
    applied,
    merge_commit: r.merge_commit,
    status: r.status,
    reason: r.reason,
    task_id: r.task_id,
    pr_number: r.pr_number,
    smoke_command: r.smoke_command,
    command_source: r.command_source,
    exit_code: r.exit_code,
    duration_ms: r.duration_ms,
    result_path: outcome.resultPath,
  };
}

async function replayCommand(args: ReplayArgs, io: CliIo): Promise<number> {
  const dir = resolve(io.cwd, args.fixtureDir);
  let loaded;
  try {
    loaded = loadFixture(dir);
  } catch (e) {
    if (e instanceof FixtureError) {
      io.stderr(`post-merge-smoke replay: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
  const skip = platformSkip(loaded);
  if (skip) {
    io.stderr(`skipped: ${skip}\n`);
    return EXIT_OK;
  }
  const { fixture } = loaded;
  const say = args.json ? io.stderr : io.stdout;
  say(`replay ${fixture.name}${fixture.seed ? ` — ${fixture.seed}` : ''}\n  ${fixture.description}\n\n`);
  const outcome = await replayFixture(dir, {
    writeLive: args.json ? io.stderr : io.stdout,
    log: cliLogger(io),
    keep: args.keep,
  });
  if (args.json) io.stdout(JSON.stringify(outcome.result, null, 2) + '\n');
  else say('\n' + renderResultText(outcome.result, { resultPath: null, packetPath: outcome.packetPath }));
  if (args.keep) say(`kept: ${outcome.root}\n`);
  const checked = Object.keys(fixture.expected).length;
  if (outcome.differences.length === 0) {
    say(`\n✔ ${fixture.name}: the result matches the fixture's expected result (${checked} checks)\n`);
    return EXIT_OK;
  }
  say(`\n✘ ${fixture.name}: the result differs from the fixture's expected result:\n`);
  for (const d of outcome.differences) say(`    ${terminalSafe(d)}\n`);
  return EXIT_FAILED;
}
