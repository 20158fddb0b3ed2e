// `mode: validate` (SPEC-v2 §1): the registry and the task files of a commit (for a pull request: its
// merge tree), checked without running anything. The action annotates every problem on its file and line,
// lists them in the job summary, sets every output and fails the check while a problem is left; the CLI's
// `validate` runs the same script on a commit or on the working tree.
//
// Outputs: `mode` validate; `status` PASS when the configuration is valid, BLOCKED (reason invalid_config)
// when it is not, BLOCKED invalid_input / ERROR when it could not be checked; the others stay empty: there
// is no SmokeResult, nothing ran.
import type { BranchName, Sha } from '../domain/index.js';
import { runScript, type ScriptEnd, run, type Script, type Stage } from '../pipeline/index.js';
import { emptyOutputs, setEachOutput } from '../report/index.js';
import { validateConfig, type ConfigProblem, type ValidationChecked } from '../resolve/index.js';
import { DEFAULT_REGISTRY_PATH, runInfo, type InputError, type Settings } from '../settings/index.js';
import type { ModeContext } from './context.js';
import type { ModeOutcome } from './index.js';
import type { SmokeOptions } from './smoke.js';
import { inputsStage, mergeCommitStage } from './stages/commit.js';
import { commitTree, readConfigStage, worktreeTree, type ConfigFiles } from './stages/config-files.js';
import { validationSummary } from './validate-report.js';

/** The working tree, or the commit a stage resolves. */
export type ValidateSource = { kind: 'worktree' } | { kind: 'commit'; resolve: Stage<Sha> };

export interface ValidateOptions {
  inputErrors: readonly InputError[];
  describeInputError: (e: InputError) => string;
  /** Who named the registry explicitly (`--registry-path`), or null: then a missing registry is no problem. */
  registryNamedBy: string | null;
}

export interface Validation {
  files: ConfigFiles;
  /** Every problem: the registry's first, then the task files', each by line. */
  problems: ConfigProblem[];
  checked: ValidationChecked;
  /** One line: what was checked, and how many problems. */
  summary: string;
}

export async function* validateScript(
  c: Pick<ModeContext, 'settings' | 'git'>,
  source: ValidateSource,
  o: ValidateOptions,
): Script<Validation> {
  yield* run(inputsStage(o.inputErrors, o.describeInputError));
  const tree =
    source.kind === 'worktree' ? worktreeTree(c.git) : commitTree(c.git, yield* run(source.resolve));
  const files = yield* run(readConfigStage(c.settings, tree));
  return checkConfiguration(c.settings, files, o.registryNamedBy);
}

/** The validator core over the files read, plus what reading found (files that are not files). */
export function checkConfiguration(
  s: Settings,
  files: ConfigFiles,
  registryNamedBy: string | null,
): Validation {
  const core = validateConfig({
    registry: files.registry,
    // A missing registry is reported here, where it is known whether a commit or the working tree lacks it.
    registryNamed: false,
    taskFiles: files.taskFiles,
    taskPath: s.taskPath,
    taskIdPattern: s.taskIdPattern,
  });
  const { path, text } = files.registry;
  const unreadable = files.problems.some((p) => p.file === path);
  const missing: ConfigProblem[] =
    registryNamedBy !== null && text === null && !unreadable
      ? [
          {
            file: path,
            line: null,
            column: null,
            message: `does not exist in ${files.where}, but ${registryNamedBy} names it.`,
          },
        ]
      : [];
  const registryFirst = (p: ConfigProblem) => (p.file === path ? 0 : 1);
  const problems = [...missing, ...files.problems, ...core.problems].sort(
    (a, b) => registryFirst(a) - registryFirst(b),
  );
  return {
    files,
    problems,
    checked: core.checked,
    summary: summaryLine(files, core.checked, problems.length),
  };
}

function summaryLine(files: ConfigFiles, c: ValidationChecked, problems: number): string {
  const registry = c.registry
    ? `registry ${files.registry.path}: ${c.profiles} profile(s), ${c.taskMappings} task mapping(s), ${c.defaultProfile ? `default ${c.defaultProfile}` : 'no default'}`
    : `no registry ${files.registry.path}`;
  const ignored =
    files.ignored.length > 0 ? ` (${files.ignored.length} other file(s) there define no smoke)` : '';
  const tasks = `${c.taskFiles} task file(s), ${c.taskFilesWithSmoke} with a smoke definition${ignored}`;
  const found = problems === 0 ? 'no problems' : `${problems} problem(s)`;
  return `${files.where}: ${registry}; ${tasks}; ${found}.`;
}

/** How a validation ended: PASS when valid, BLOCKED invalid_config when not, else the early verdict. */
export type ValidationOutcome = Omit<ModeOutcome, 'result'>;

export function validationOutcome(end: ScriptEnd<Validation>): ValidationOutcome {
  if (end.kind === 'stopped') return { ...end.verdict, failed: true };
  const { problems, summary } = end.value;
  return problems.length === 0
    ? {
        status: 'PASS',
        reason: 'valid_config',
        message: `The configuration is valid: ${summary}`,
        failed: false,
      }
    : {
        status: 'BLOCKED',
        reason: 'invalid_config',
        message: `The configuration has problems: ${summary}`,
        failed: true,
      };
}

export function runValidateScript(
  c: Pick<ModeContext, 'settings' | 'git' | 'sinks' | 'runner'>,
  source: ValidateSource,
  o: ValidateOptions & { signal: AbortSignal },
): Promise<ScriptEnd<Validation>> {
  return runScript(validateScript(c, source, o), {
    signal: o.signal,
    log: c.sinks.log,
    initial: { baseBranch: c.settings.baseBranch, run: runInfo(c.runner) },
    dryRun: c.settings.dryRun,
  });
}

/** The action's `mode: validate`: the commit under test (for a pull request, its merge commit). */
export async function validateAndPublish(c: ModeContext, o: SmokeOptions): Promise<ModeOutcome> {
  const end = await runValidateScript(
    c,
    { kind: 'commit', resolve: mergeCommitStage(c, c.settings.baseBranch ?? ('main' as BranchName)) },
    {
      ...o,
      registryNamedBy: c.settings.registryPath === DEFAULT_REGISTRY_PATH ? null : "input 'registry-path'",
    },
  );
  const outcome = validationOutcome(end);
  await publishValidation(c, end, outcome);
  return { ...outcome, result: null };
}

/** Annotations on file and line, the job summary, every output. Each on its own: one failing spares the rest. */
async function publishValidation(
  c: ModeContext,
  end: ScriptEnd<Validation>,
  outcome: ValidationOutcome,
): Promise<void> {
  const { log } = c.sinks;
  if (end.kind === 'stopped') log.error(outcome.message, { title: 'post-merge-smoke validate' });
  for (const p of end.kind === 'done' ? end.value.problems : []) {
    const props = { title: 'Invalid post-merge-smoke configuration', file: p.file };
    const at =
      p.line === null ? props : { ...props, line: p.line, ...(p.column ? { column: p.column } : {}) };
    log.error(p.hint ? `${p.message} ${p.hint}` : p.message, at);
  }
  if (c.sinks.appendSummary) {
    try {
      await c.sinks.appendSummary(validationSummary(end, outcome));
    } catch (e) {
      log.warning(`Could not write the job summary: ${(e as Error).message}`);
    }
  }
  setEachOutput(c.sinks, emptyOutputs('validate', outcome.status));
}
