// The command-line tool: the action's modes with local adapters (SPEC §9). Returns the exit code:
// 0 PASS / SKIPPED / STALE (skip) / a plan / a matching replay, 1 a failure status or a replay mismatch,
// 2 a usage error.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GitCli } from '../adapters/index.js';
import { SMOKE_PLAN_SCHEMA_ID, type SmokePlan } from '../contracts.js';
import { knownSecrets } from '../domain/index.js';
import {
  type ModeContext,
  endOfRun,
  runSmokeScript,
  smokeAndPublish,
  type SmokeOptions,
  type Command,
} from '../modes/index.js';
import { buildResult, type RunFacts } from '../pipeline/index.js';
import { publishResult, type Publication } from '../report/index.js';
import { FixtureError, loadFixture, platformSkip, replayFixture } from '../replay/index.js';
import { asFlagError, localContext, parseSettings, type Settings } from '../settings/index.js';
import { Redactor, terminalSafe, terminalSinks, type Sinks } from '../sinks/index.js';
import { appendAudit, auditEntry } from './audit.js';
import { parseArgs, type ReplayArgs, type RunArgs } from './args.js';
import { renderPlanText, renderResultText } from './report-text.js';

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

/** The outcome of `run`: a plan (nothing ran) or a published result. */
type RunOutcome =
  { kind: 'plan'; command: Command; facts: RunFacts } | { kind: 'published'; publication: Publication };

async function runCommand(args: RunArgs, io: CliIo): Promise<number> {
  const usage = (message: string) => {
    io.stderr(`post-merge-smoke run: ${message}\n`);
    return EXIT_USAGE;
  };
  const repoDir = resolve(io.cwd, args.repo ?? '.');
  const top = await new GitCli(repoDir, io.env).run(['rev-parse', '--show-toplevel']);
  if (top.exitCode !== 0) return usage(`${repoDir} is not inside a git repository`);
  const repo = resolve(top.stdout.trim());
  // No commit statuses from a developer's machine: the CLI never writes to GitHub.
  const inputs: Record<string, string> = { 'status-context': '', ...args.inputs };
  const { settings, errors } = parseSettings((name) => inputs[name], localContext(repo));
  if (errors.length > 0) return usage(errors.map(asFlagError).join('\n'));
  let taskFileOverride: ModeContext['taskFileOverride'] = null;
  if (args.taskFile) {
    const path = resolve(io.cwd, args.taskFile);
    if (!existsSync(path)) return usage(`--task-file ${args.taskFile} does not exist`);
    taskFileOverride = { path, content: readFileSync(path, 'utf8') };
  }
  const c = cliContext(args, io, repo, settings, taskFileOverride);
  const outcome = await runOrPlan(c, {
    signal: io.signal,
    inputErrors: [],
    describeInputError: asFlagError,
    uploadArtifact: null,
  });
  const exitCode = report(outcome, settings.dryRun, args.json, {
    ...io,
    stdout: (t) => io.stdout(c.sinks.redactor.redact(t)),
  });
  if (args.audit) await audit(repo, outcome, args, c.sinks, io);
  return exitCode;
}

function cliContext(
  args: RunArgs,
  io: CliIo,
  repo: string,
  settings: Settings,
  taskFileOverride: ModeContext['taskFileOverride'],
): ModeContext {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const secrets = knownSecrets(io.env);
  const redactor = Redactor.fromEnv(io.env, secrets, settings.redactPatterns);
  const terminal = { stdout: io.stdout, stderr: io.stderr, debug: Boolean(io.env.POST_MERGE_SMOKE_DEBUG) };
  // With --json, stdout carries only the JSON document; the command's output goes to stderr.
  const sinks: Sinks = terminalSinks(redactor, terminal, args.json ? io.stderr : io.stdout);
  return {
    entry: 'cli',
    settings,
    runner: localContext(repo),
    git: new GitCli(repo, io.env),
    api: null,
    sinks,
    outDir: args.outDir ? resolve(io.cwd, args.outDir) : join(repo, '.post-merge-smoke', 'runs', stamp),
    env: io.env,
    secrets,
    retry: { delaysMs: [500, 1000, 2000] },
    apply: args.apply,
    checkoutWorkspace: false,
    taskFileOverride,
    now: () => new Date(),
  };
}

/** With --apply: the whole run, published. Without: the plan, or the early verdict published. */
async function runOrPlan(c: ModeContext, o: SmokeOptions): Promise<RunOutcome> {
  if (c.apply) return { kind: 'published', publication: await smokeAndPublish(c, o) };
  const end = await runSmokeScript(c, o);
  if (end.kind === 'done' && end.value.kind === 'planned') {
    return { kind: 'plan', command: end.value.command, facts: end.facts };
  }
  const { verdict, smoke } = endOfRun(end);
  const publication = await publishResult(buildResult(end.facts, verdict), smoke, {
    settings: c.settings,
    runner: c.runner,
    outDir: c.outDir,
    sinks: c.sinks,
    api: c.api,
    uploadArtifact: null,
    now: c.now,
    stepTimeoutMs: null,
  });
  return { kind: 'published', publication };
}

function report(outcome: RunOutcome, dryRun: boolean, json: boolean, io: CliIo): number {
  if (outcome.kind === 'plan') {
    io.stdout(
      json
        ? JSON.stringify(planDocument(outcome, dryRun), null, 2) + '\n'
        : renderPlanText(outcome.command, outcome.facts),
    );
    return EXIT_OK;
  }
  const { publication } = outcome;
  io.stdout(
    json
      ? JSON.stringify(publication.result, null, 2) + '\n'
      : renderResultText(publication.result, {
          resultPath: publication.resultPath,
          packetPath: publication.packetPath,
        }),
  );
  return publication.failed ? EXIT_FAILED : EXIT_OK;
}

function planDocument(plan: Extract<RunOutcome, { kind: 'plan' }>, dryRun: boolean): SmokePlan {
  const { command, facts } = plan;
  return {
    schema: SMOKE_PLAN_SCHEMA_ID,
    applied: false,
    merge_commit: facts.mergeCommit!,
    base_branch: facts.baseBranch ?? '',
    origin_head: facts.originHead,
    stale: facts.stale,
    task_id: facts.taskId,
    pr_number: facts.prNumber,
    pr_discovery: facts.prDiscovery,
    profile: facts.profile,
    smoke_command: command.command,
    command_source: command.source,
    shell: command.shell,
    working_directory: command.workingDirectory,
    timeout_seconds: command.timeoutSeconds,
    dry_run: dryRun,
  };
}

async function audit(
  repo: string,
  outcome: RunOutcome,
  args: RunArgs,
  sinks: Sinks,
  io: CliIo,
): Promise<void> {
  const { log, redactor } = sinks;
  try {
    const entry =
      outcome.kind === 'plan'
        ? auditEntry({ plan: outcome.command, facts: outcome.facts }, args.apply)
        : auditEntry({ publication: outcome.publication }, args.apply);
    const path = await appendAudit(repo, entry, redactor);
    if (!args.json) io.stderr(`audit: ${path}\n`);
  } catch (e) {
    log.warning(`could not append to the audit trail: ${(e as Error).message}`);
  }
}

async function replayCommand(args: ReplayArgs, io: CliIo): Promise<number> {
  let loaded;
  try {
    loaded = loadFixture(resolve(io.cwd, args.fixtureDir));
  } catch (e) {
    if (!(e instanceof FixtureError)) throw e;
    io.stderr(`post-merge-smoke replay: ${e.message}\n`);
    return EXIT_USAGE;
  }
  const skip = platformSkip(loaded);
  if (skip) {
    io.stderr(`skipped: ${skip}\n`);
    return EXIT_OK;
  }
  const { fixture } = loaded;
  const say = args.json ? io.stderr : io.stdout;
  say(`replay ${fixture.name}${fixture.seed ? ` — ${fixture.seed}` : ''}\n  ${fixture.description}\n\n`);
  const redactor = Redactor.fromEnv(io.env);
  const terminal = { stdout: io.stdout, stderr: io.stderr, debug: Boolean(io.env.POST_MERGE_SMOKE_DEBUG) };
  const outcome = await replayFixture(loaded.dir, {
    writeLive: args.json ? io.stderr : io.stdout,
    log: terminalSinks(redactor, terminal, io.stderr).log,
    keep: args.keep,
  });
  if (args.json) io.stdout(JSON.stringify(outcome.result ?? outcome.gate, null, 2) + '\n');
  else if (outcome.result)
    say('\n' + renderResultText(outcome.result, { resultPath: null, packetPath: outcome.packetPath }));
  else say(`\ngate: ${outcome.gate?.status} (${outcome.gate?.reason}): ${outcome.gate?.message}\n`);
  if (args.keep) say(`kept: ${outcome.root}\n`);
  if (outcome.differences.length === 0) {
    const checked = Object.keys(fixture.expected).length;
    say(`\n✔ ${fixture.name}: the result matches the fixture's expected result (${checked} checks)\n`);
    return EXIT_OK;
  }
  say(`\n✘ ${fixture.name}: the result differs from the fixture's expected result:\n`);
  for (const d of outcome.differences) say(`    ${terminalSafe(d)}\n`);
  return EXIT_FAILED;
}
