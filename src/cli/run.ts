// `post-merge-smoke run`: the action's `mode: run` with local adapters (SPEC §9). Without --apply it plans:
// resolves, checks freshness and the working tree, and prints what --apply would do, writing nothing in the
// working tree but the audit line (a base branch or commit it lacks is fetched: remote-tracking refs and
// FETCH_HEAD move, the checkout never). With --apply it runs the smoke in this working tree and publishes the verdict.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliGitRepository, GitHubRestApi, type GitHubApi, type GitRepository } from '../adapters/index.js';
import { SMOKE_PLAN_SCHEMA_ID, type SmokePlan, type SmokeResult } from '../contracts.js';
import { knownSecrets, parseRepository, type BranchName, type Repository } from '../domain/index.js';
import { type ModeContext, runSmokeScript } from '../modes/index.js';
import { buildResult, type RunFacts, jobFails, type Verdict } from '../pipeline/index.js';
import { asFlagError, localContext, parseSettings, type Settings } from '../settings/index.js';
import { Redactor } from '../sinks/index.js';
import type { RunArgs } from './args.js';
import {
  appendAudit,
  auditEntry,
  ensureStateDir,
  pruneRuns,
  removeStateDirIfUnused,
  runFolder,
  STATE_DIR,
  type Audited,
} from './audit.js';
import {
  cliSinks,
  EXIT_FAILED,
  EXIT_OK,
  EXIT_USAGE,
  repositoryRoot,
  usageFailure,
  type CliIo,
  type Found,
} from './io.js';
import { runAllProfiles } from './all-profiles.js';
import { publishLocally } from './publish-local.js';
import { judgeLocally, localLog, type LocalOutcome } from './local.js';
import { renderHint, renderPlanStopText, renderPlanText, renderResultText } from './report-text.js';

export const WHO = 'post-merge-smoke run';

export interface Prepared {
  c: ModeContext;
  repo: string;
  /** Where --apply writes when --out-dir is not given: inside the repository's state folder. */
  defaultOutDir: boolean;
}

export async function runCommand(args: RunArgs, io: CliIo): Promise<number> {
  const root = await repositoryRoot(io, args.dir);
  // `--repo <dir>` outside a repository fails here first: the hint says where the directory flag went.
  if (!root.ok) return usageFailure(io, WHO, root.message, repoPathHint(args.repository, io.cwd));
  const prepared = await prepareRun(args, io, root.value);
  if (!prepared.ok) return usageFailure(io, WHO, prepared.message, prepared.hint);
  const { repo } = prepared.value;
  const stateDirExisted = existsSync(join(repo, STATE_DIR));
  try {
    return await runPrepared(args, io, prepared.value);
  } finally {
    // A run that ended up writing nothing leaves no folder behind.
    if (!stateDirExisted) await removeStateDirIfUnused(repo);
  }
}

async function runPrepared(args: RunArgs, io: CliIo, p: Prepared): Promise<number> {
  const { c } = p;
  // The smoke may look at the working tree: the folder it writes its logs in is ignored before it starts.
  if (c.apply && p.defaultOutDir) await ensureStateDir(p.repo);
  const printed = args.allProfiles ? await runAllProfiles(args, io, p) : await runOneProfile(args, io, p);
  if (printed.kind === 'refused') return usageFailure(io, WHO, printed.message, printed.hint);
  if (args.audit && printed.audited) await audit(p.repo, printed.audited, args, c, io);
  return printed.code;
}

async function runOneProfile(args: RunArgs, io: CliIo, p: Prepared): Promise<Printed | Refused> {
  const { c } = p;
  const end = await runSmokeScript(c, {
    signal: io.signal,
    inputErrors: [],
    describeInputError: asFlagError,
    uploadArtifact: null,
  });
  const outcome = judgeLocally(end, { apply: c.apply, settings: c.settings });
  if (outcome.kind === 'refused') return outcome;
  const stdout = (t: string) => io.stdout(c.sinks.redactor.redact(t));
  return outcome.kind === 'plan'
    ? printPlan(outcome, c, args.json, stdout)
    : await finishVerdict(outcome, p, args.json, stdout);
}

type Prep = { ok: true; value: Prepared } | { ok: false; message: string; hint: string | null };

async function prepareRun(args: RunArgs, io: CliIo, repo: string): Promise<Prep> {
  const fail = (message: string, hint: string | null = null): Prep => ({ ok: false, message, hint });
  // No commit statuses from a developer's machine: the CLI never writes to GitHub.
  const inputs: Record<string, string> = { 'status-context': '', ...args.inputs };
  const { settings, errors } = parseSettings((name) => inputs[name], localContext(repo));
  if (errors.length > 0) return fail(errors.map(asFlagError).join('\n'));
  const git = new CliGitRepository(repo, { env: io.env });
  if (settings.baseBranch === null) {
    const found = await defaultBaseBranch(git, settings.remote);
    if (!found.ok) return fail(found.message, `set it with git remote set-head ${settings.remote} --auto`);
    settings.baseBranch = found.value;
  }
  const taskFile = readTaskFile(args, io);
  if (!taskFile.ok) return fail(taskFile.message);
  const github = apiFor(args, io.env);
  if (!github.ok) return fail(github.message, repoPathHint(args.repository, io.cwd));
  const dirty = await git.dirtyFiles({ untracked: true });
  if (!dirty.ok) return fail(`could not read the working tree: ${dirty.failure.message}`);
  const secrets = knownSecrets(io.env);
  const terminal = cliSinks(io, Redactor.fromEnv(io.env, secrets, settings.redactPatterns), args.json);
  const sinks = { ...terminal, log: localLog(terminal.log) };
  const c: ModeContext = {
    entry: 'cli',
    settings,
    runner: localContext(repo, { repository: github.value?.repository ?? null }),
    git,
    api: github.value?.api ?? null,
    sinks,
    outDir: args.outDir ? resolve(io.cwd, args.outDir) : runFolder(repo, new Date()),
    env: io.env,
    secrets,
    // Short: a developer waits for it, and git ls-remote answers for the remote itself.
    retry: { delaysMs: [250, 750] },
    apply: args.apply,
    checkoutWorkspace: false,
    local: { dirtyFiles: dirty.value, allowDirty: args.allowDirty },
    taskFileOverride: taskFile.value,
    now: () => new Date(),
  };
  return { ok: true, value: { c, repo, defaultOutDir: args.outDir === null } };
}

/** --base-branch unset: the remote's default branch, as git knows it. */
async function defaultBaseBranch(git: GitRepository, remote: Settings['remote']): Promise<Found<BranchName>> {
  const found = await git.remoteDefaultBranch(remote);
  if (found.ok && found.value !== null) return { ok: true, value: found.value };
  return {
    ok: false,
    message:
      `cannot tell the base branch: refs/remotes/${remote}/HEAD is not set and ${remote} does not have exactly ` +
      'one of main and master; pass --base-branch <name>',
  };
}

function readTaskFile(args: RunArgs, io: CliIo): Found<ModeContext['taskFileOverride']> {
  if (!args.taskFile) return { ok: true, value: null };
  const path = resolve(io.cwd, args.taskFile);
  if (!existsSync(path) || !statSync(path).isFile()) {
    return { ok: false, message: `--task-file ${args.taskFile} is not a file` };
  }
  return { ok: true, value: { path, content: readFileSync(path, 'utf8') } };
}

/** `--repo owner/name` and a token (GH_TOKEN, else GITHUB_TOKEN): pull requests and freshness via the API. */
function apiFor(
  args: RunArgs,
  env: NodeJS.ProcessEnv,
): Found<{ api: GitHubApi; repository: Repository } | null> {
  if (args.repository === null) return { ok: true, value: null };
  const repository = parseRepository(args.repository);
  if (!repository.ok)
    return { ok: false, message: `--repo is '${args.repository}'; it ${repository.problem}` };
  const token = env.GH_TOKEN || env.GITHUB_TOKEN;
  if (!token) {
    return { ok: false, message: '--repo needs a token for the GitHub API: set GH_TOKEN (or GITHUB_TOKEN)' };
  }
  // GitHub Enterprise Server: GITHUB_API_URL=https://host/api/v3, its GraphQL at https://host/api/graphql.
  const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const graphqlUrl = env.GITHUB_GRAPHQL_URL || `${apiUrl.replace(/\/v3$/, '')}/graphql`;
  const api = new GitHubRestApi({ token, repository: repository.value, apiUrl, graphqlUrl });
  return { ok: true, value: { api, repository: repository.value } };
}

/**
 * `--repo ../app`: in 0.1 --repo named the repository directory. When the value looks like a path (starts
 * with `.`, `/` or `~`, has a `/` that is not owner/name, or is a directory here), say where that flag went.
 */
function repoPathHint(value: string | null, cwd: string): string | null {
  if (value === null) return null;
  const pathLike =
    /^[./~\\]/.test(value) ||
    /^[A-Za-z]:/.test(value) ||
    (/[/\\]/.test(value) && !parseRepository(value).ok) ||
    isDirectory(resolve(cwd, value));
  if (!pathLike) return null;
  return `since 0.2 --repo takes owner/name (for API lookups); the repository directory is --dir <dir> or -C <dir>: did you mean -C ${value}?`;
}

const isDirectory = (path: string): boolean => existsSync(path) && statSync(path).isDirectory();

/** What a run printed: its exit code and what goes in the audit trail (null: nothing). */
export type Printed = { kind: 'printed'; code: number; audited: Audited | null };
export type Refused = Extract<LocalOutcome, { kind: 'refused' }>;

function printPlan(
  outcome: Extract<LocalOutcome, { kind: 'plan' }>,
  c: ModeContext,
  json: boolean,
  stdout: (text: string) => void,
): Printed {
  const { command, facts, refusals } = outcome;
  const dirtyFiles = c.local?.dirtyFiles ?? [];
  stdout(
    json
      ? JSON.stringify(planDocument(outcome, c.settings.dryRun), null, 2) + '\n'
      : renderPlanText(command, facts, { refusals, dirtyFiles }),
  );
  // The exit code --apply would give: 2 when it would refuse to run here.
  const code = refusals.length > 0 ? EXIT_USAGE : EXIT_OK;
  return { kind: 'printed', code, audited: { plan: command, facts } };
}

function planDocument(plan: Extract<LocalOutcome, { kind: 'plan' }>, dryRun: boolean): SmokePlan {
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
    apply_refusals: plan.refusals,
  };
}

/** A verdict: published when it is about the commit, printed either way. */
async function finishVerdict(
  outcome: Extract<LocalOutcome, { kind: 'verdict' }>,
  p: Prepared,
  json: boolean,
  stdout: (text: string) => void,
): Promise<Printed> {
  const { c } = p;
  const draft = buildResult(outcome.facts, withDirtyNote(outcome.verdict, outcome.facts, c));
  let result: SmokeResult = draft;
  let paths = { resultPath: null as string | null, packetPath: null as string | null };
  if (outcome.publish) {
    const publication = await publishLocally(draft, outcome.smoke, c);
    result = publication.result;
    paths = { resultPath: publication.resultPath, packetPath: publication.packetPath };
    if (p.defaultOutDir) await pruneRuns(p.repo);
  } else {
    result = { ...draft, reporting: unpublished(c.apply) };
  }
  const text = c.apply ? renderResultText(result, paths) : renderPlanStopText(outcome.verdict, outcome.facts);
  stdout(json ? JSON.stringify(result, null, 2) + '\n' : text + renderHint(outcome.hint));
  if (json && outcome.hint) c.sinks.log.info(`hint: ${outcome.hint}`);
  const code = jobFails(result.status, c.settings.onStale) ? EXIT_FAILED : EXIT_OK;
  return { kind: 'printed', code, audited: { result, resultPath: paths.resultPath } };
}

function unpublished(applied: boolean): SmokeResult['reporting'] {
  const why = applied
    ? 'skipped: not published (nothing ran; not a verdict about the commit)'
    : 'skipped: a plan';
  return {
    commit_status: why,
    artifact: why,
    summary: why,
    green_ref: why,
    escalation_issue: why,
    result_artifact: why,
  };
}

/** A run on uncommitted changes says so in its verdict: it is not the commit's alone. */
function withDirtyNote(verdict: Verdict, facts: RunFacts, c: ModeContext): Verdict {
  const dirty = c.local?.dirtyFiles ?? [];
  if (!c.apply || facts.execution === null || dirty.length === 0) return verdict;
  const files = dirty.slice(0, 5).join(', ') + (dirty.length > 5 ? ` and ${dirty.length - 5} more` : '');
  const sha = facts.mergeCommit?.slice(0, 12) ?? 'the commit';
  const note = `Ran with --allow-dirty on uncommitted changes (${files}): not the verdict of ${sha} alone.`;
  return { ...verdict, message: `${verdict.message} ${note}` };
}

async function audit(repo: string, what: Audited, args: RunArgs, c: ModeContext, io: CliIo): Promise<void> {
  try {
    const path = await appendAudit(
      repo,
      auditEntry(what, args.apply, c.local?.dirtyFiles ?? []),
      c.sinks.redactor,
    );
    if (!args.json) io.stderr(`audit: ${path}\n`);
  } catch (e) {
    c.sinks.log.warning(`could not append to the audit trail: ${(e as Error).message}`);
  }
}
