// `mode: plan` (SPEC-v2 §1, §5): which profiles this commit needs, as the shards of a job matrix. It reads
// the merge commit's registry (and, without fan-out, resolves like `run`) and runs nothing.
//
//   - fan-out `paths` (the input, or `fan-out: paths` in the registry): every profile whose `paths` select
//     a file the merge commit changed against its first parent, plus every `always: true` profile;
//   - otherwise the one profile the v1 precedence resolves; a command that names no profile (an explicit
//     `smoke-command`, a task file's command) is the shard `default`, whose run job names no profile and so
//     resolves the same command. The CLI's `--all-profiles` plans every profile of the registry instead.
//
// The plan never decides main's verdict: when it cannot read the profiles — the registry has a problem, or
// a fan-out finds no profile defined at all — it plans the one shard `default`, whose run job reaches the
// verdict (BLOCKED invalid_config, no_command…) and reports it. Only what stops any run (bad inputs, git
// failing, the API failing while resolving) stops the plan.
import type { GitRepository } from '../adapters/index.js';
import { DEFAULT_PROFILE, type Sha } from '../domain/index.js';
import { precedenceShard, profileShard, selectByPaths, type PlannedShard } from '../fanout/index.js';
import {
  info,
  next,
  run,
  runScript,
  stage,
  stop,
  warning,
  type Note,
  type Script,
  type ScriptEnd,
  type Stage,
} from '../pipeline/index.js';
import {
  checkRegistry,
  emptyRegistry,
  GitTreeReader,
  TreeReadError,
  ConfigError,
  type Registry,
  type ResolveOutcome,
} from '../resolve/index.js';
import { runInfo, type FanOut, type InputError } from '../settings/index.js';
import { API_BUDGET_MS, withApiBudget, type ModeContext } from './context.js';
import { baseBranchStage, inputsStage, mergeCommitStage } from './stages/commit.js';
import { metadataStage } from './stages/metadata.js';

/** How a plan without fan-out chooses: the v1 precedence (`mode: plan`) or every profile (`--all-profiles`). */
export type PlanWithoutFanOut = 'precedence' | 'every-profile';

export interface PlanOptions {
  inputErrors: readonly InputError[];
  describeInputError: (e: InputError) => string;
  withoutFanOut: PlanWithoutFanOut;
}

export interface Plan {
  mergeCommit: Sha;
  fanOut: FanOut;
  shards: PlannedShard[];
  /** The files the merge commit changed, when the plan went by paths. */
  changedFiles: readonly string[] | null;
}

export async function* planScript(c: ModeContext, o: PlanOptions): Script<Plan> {
  yield* run(inputsStage(o.inputErrors, o.describeInputError));
  const base = yield* run(baseBranchStage(c));
  const sha = yield* run(mergeCommitStage(c, base));
  const read = yield* run(registryStage(c, sha));
  const fanOut: FanOut =
    c.settings.fanOut === 'paths' || read.registry?.fanOut === 'paths' ? 'paths' : 'none';
  const plan = (shards: PlannedShard[], changedFiles: readonly string[] | null = null): Plan => ({
    mergeCommit: sha,
    fanOut,
    shards,
    changedFiles,
  });
  const profiles = read.registry?.profiles;
  if (read.registry === null) return plan([fallback(read.problem)]);
  if (fanOut === 'paths' || o.withoutFanOut === 'every-profile') {
    if (profiles!.size === 0) return plan([fallback(`${read.registry.file} defines no profile`)]);
  }
  if (fanOut === 'paths') {
    const changed = yield* run(changedFilesStage(c, sha));
    return plan(selectByPaths(profiles!, changed), changed);
  }
  if (o.withoutFanOut === 'every-profile') {
    return plan([...profiles!.keys()].map((p) => profileShard(p, 'every profile of the registry')));
  }
  const meta = yield* run(metadataStage(withApiBudget(c, API_BUDGET_MS.verdict), base, sha));
  return plan([shardOfResolution(meta.outcome)]);
}

/** The shard whose run job reaches (and reports) the verdict the plan could not plan around. */
function fallback(why: string): PlannedShard {
  return { profile: DEFAULT_PROFILE, input: '', why: `${why}; its run job reports the verdict` };
}

/** The one shard without fan-out: what the precedence resolved, or what its run job will block on. */
export function shardOfResolution(outcome: ResolveOutcome): PlannedShard {
  if (outcome.kind === 'command') return precedenceShard(outcome.profile, `resolved from ${outcome.source}`);
  const verdict = outcome.kind === 'none' ? 'no command resolved' : `${outcome.reason}: ${outcome.message}`;
  return precedenceShard(outcome.profile, `${verdict}; its run job reports the verdict`);
}

interface RegistryRead {
  /** null: the registry has a problem (or is not a file), named in `problem`. */
  registry: Registry | null;
  problem: string;
}

/** The merge commit's registry; a missing file is an empty registry, as for a run. */
function registryStage(c: ModeContext, sha: Sha): Stage<RegistryRead> {
  return stage('read the registry', async (signal) => {
    const path = c.settings.registryPath;
    let text: string | null;
    try {
      text = await new GitTreeReader(c.git, sha, { signal }).read(path);
    } catch (e) {
      if (e instanceof TreeReadError)
        return stop('ERROR', 'git_failed', `Could not read ${path}: ${e.message}`);
      if (!(e instanceof ConfigError)) throw e;
      return next(problemRead(e.message));
    }
    if (text === null) {
      return next({ registry: emptyRegistry(path), problem: '' }, { notes: [info(`No registry ${path}.`)] });
    }
    const checked = checkRegistry(text, path);
    const first = checked.problems[0];
    if (first) return next(problemRead(ConfigError.of(first).message));
    const { profiles, fanOut } = checked.registry;
    const said = `Registry ${path}: ${profiles.size} profile(s)${fanOut ? `, fan-out: ${fanOut}` : ''}.`;
    return next({ registry: checked.registry, problem: '' }, { notes: [info(said)] });
  });
}

function problemRead(problem: string): RegistryRead {
  return { registry: null, problem: `the registry has a problem (${problem})` };
}

/** The files the merge commit changed against its first parent. */
function changedFilesStage(c: ModeContext, sha: Sha): Stage<string[]> {
  return stage('list the changed files', async (signal) => {
    const changed = await c.git.changedFiles(sha, { signal });
    if (!changed.ok) {
      return stop(
        'ERROR',
        'git_failed',
        `Could not list the files ${sha} changed: ${changed.failure.message}.`,
      );
    }
    const notes: Note[] = [
      info(`${sha.slice(0, 12)} changed ${changed.value.length} file(s) against its first parent.`),
    ];
    if (await parentMissing(c.git, sha, signal)) {
      notes.push(
        warning(
          `This shallow clone lacks the parent of ${sha.slice(0, 12)}, so every file of the commit counts as changed and every profile whose paths match any file is planned. Check out with fetch-depth: 2.`,
        ),
      );
    }
    return next(changed.value as string[], { notes });
  });
}

/** A shallow clone's boundary commit shows no parent: git then lists every file as changed. */
async function parentMissing(git: GitRepository, sha: Sha, signal: AbortSignal): Promise<boolean> {
  if (!(await git.isShallow({ signal }))) return false;
  const log = await git.firstParentLog({ to: sha, after: null, max: 1 }, { signal });
  return log.ok && log.value[0]?.parents.length === 0;
}

export function runPlanScript(
  c: ModeContext,
  o: PlanOptions & { signal: AbortSignal },
): Promise<ScriptEnd<Plan>> {
  return runScript(planScript(c, o), {
    signal: o.signal,
    log: c.sinks.log,
    initial: { baseBranch: c.settings.baseBranch, run: runInfo(c.runner) },
    dryRun: c.settings.dryRun,
  });
}
