// `validate` (SPEC-v2 §1): every problem of the configuration a commit carries, without running anything.
// Pure: the caller reads the registry and the task files the `task-path` template reaches (from git or
// disk) and reports the problems (annotations, CLI output).
//
// What is reported, each problem once, with file and line where there is one:
//   - the registry: malformed YAML, unknown keys (with a "did you mean"), invalid values, empty commands,
//     an unsupported version; an explicitly named registry that does not exist;
//   - its references: a `tasks:` mapping or the `default:` naming a profile that `profiles:` does not
//     define; a `tasks:` key that task-id-pattern can never select;
//   - each task file: everything a run would block on (malformed relevant YAML, wrong values, near misses
//     of the smoke keys, conflicting definitions), a `smoke_profile` the registry does not define, and a
//     file name whose task id is not a valid task id or does not fully match task-id-pattern (such a file
//     is never read).
// A reference is only checked against profiles that could be read: a broken `profiles:` section is
// reported once, not once more for every mapping.
import { parseTaskId, type Pattern } from '../domain/index.js';
import type { ConfigProblem } from './config-error.js';
import { didYouMean } from './did-you-mean.js';
import { checkRegistry, emptyRegistry, type CheckedRegistry } from './registry.js';
import { checkTaskFile } from './task-file.js';

export interface ValidateConfigInput {
  /** The registry file; text null when it does not exist in the commit. */
  registry: { path: string; text: string | null };
  /** Whether `registry-path` was given explicitly: then a missing registry is a problem. */
  registryNamed: boolean;
  /** The task files the `task-path` template reaches. */
  taskFiles: ReadonlyArray<{ path: string; text: string }>;
  /** The `task-path` template (`memory/tasks/{task_id}.md`), or null when task files are off. */
  taskPath: string | null;
  taskIdPattern: Pattern;
}

export interface ValidationChecked {
  /** Whether the registry file exists. */
  registry: boolean;
  profiles: number;
  taskMappings: number;
  defaultProfile: string | null;
  taskFiles: number;
  /** Task files that define a smoke (a command or a profile). */
  taskFilesWithSmoke: number;
}

export interface ConfigValidation {
  /** Every problem, by file (the registry first, then the task files in the order given) and line. */
  problems: ConfigProblem[];
  checked: ValidationChecked;
  /** One line for the log: what was checked and how many problems. */
  summary: string;
}

/** The profiles references are checked against; null when `profiles:` could not be read. */
interface KnownProfiles {
  file: string;
  present: boolean;
  names: ReadonlySet<string> | null;
}

export function validateConfig(input: ValidateConfigInput): ConfigValidation {
  const registry = readRegistry(input);
  const known: KnownProfiles = {
    file: input.registry.path,
    present: input.registry.text !== null,
    names: registry.declaredProfiles,
  };
  const problems = [...registry.problems, ...registryReferences(registry, known, input.taskIdPattern)];
  let withSmoke = 0;
  for (const file of input.taskFiles) {
    const checked = checkTaskFile(file.text, file.path);
    if (checked.specs.length > 0) withSmoke++;
    problems.push(...taskIdOfFile(file.path, input), ...checked.problems);
    for (const spec of checked.specs) {
      if (spec.kind !== 'profile') continue;
      const problem = undefinedProfile(spec.profile, `smoke_profile '${spec.profile}'`, known);
      if (problem) problems.push({ file: file.path, line: spec.line, column: null, ...problem });
    }
  }
  const checked: ValidationChecked = {
    registry: known.present,
    profiles: registry.registry.profiles.size,
    taskMappings: registry.registry.tasks.size,
    defaultProfile: registry.registry.defaultProfile?.profile ?? null,
    taskFiles: input.taskFiles.length,
    taskFilesWithSmoke: withSmoke,
  };
  const order = [input.registry.path, ...input.taskFiles.map((f) => f.path)];
  const sorted = sortProblems(problems, order);
  return { problems: sorted, checked, summary: summarise(checked, input.registry.path, sorted.length) };
}

function readRegistry(input: ValidateConfigInput): CheckedRegistry {
  const { path, text } = input.registry;
  if (text !== null) return checkRegistry(text, path);
  const problems: ConfigProblem[] = input.registryNamed
    ? [
        {
          file: path,
          line: null,
          column: null,
          message: "does not exist in this commit, but input 'registry-path' names it.",
        },
      ]
    : [];
  return { registry: emptyRegistry(path), problems, declaredProfiles: new Set() };
}

/** `tasks:` and `default:` naming undefined profiles; `tasks:` keys the pattern never selects. */
function registryReferences(
  checked: CheckedRegistry,
  known: KnownProfiles,
  pattern: Pattern,
): ConfigProblem[] {
  const { registry } = checked;
  const at = (line: number, problem: Omit<ConfigProblem, 'file' | 'line' | 'column'>): ConfigProblem => ({
    file: registry.file,
    line,
    column: null,
    ...problem,
  });
  const problems: ConfigProblem[] = [];
  for (const [id, mapping] of registry.tasks) {
    if (!pattern.fullMatch(id)) {
      problems.push(
        at(mapping.line, {
          message: `task id '${id}' does not match task-id-pattern '${pattern.source}', so this mapping is never used.`,
        }),
      );
    }
    const problem = mapping.kind === 'profile' && undefinedProfile(mapping.profile, `task '${id}'`, known);
    if (problem) problems.push(at(mapping.line, problem));
  }
  const fallback = registry.defaultProfile;
  const problem = fallback && undefinedProfile(fallback.profile, "'default'", known);
  if (problem) problems.push(at(fallback.line, problem));
  return problems;
}

/** The problem of a reference to profile `name`, or null when it is defined (or cannot be checked). */
function undefinedProfile(
  name: string,
  by: string,
  known: KnownProfiles,
): { message: string; hint?: string } | null {
  if (known.names === null || known.names.has(name)) return null;
  if (!known.present) {
    return {
      message: `${by} names profile '${name}', but there is no registry ${known.file} in this commit, so no profiles are defined.`,
    };
  }
  const names = [...known.names].sort();
  const list = names.length > 0 ? names.join(', ') : '(none)';
  const problem = {
    message: `${by} names profile '${name}', which ${known.file} does not define; known profiles: ${list}.`,
  };
  const hint = didYouMean(name, names);
  return hint ? { ...problem, hint } : problem;
}

/** The task id a task file's path gives through the template: a problem when no run would ever read it. */
function taskIdOfFile(path: string, input: ValidateConfigInput): ConfigProblem[] {
  if (input.taskPath === null) return [];
  const problem = (message: string): ConfigProblem[] => [{ file: path, line: null, column: null, message }];
  const parts = input.taskPath.split('{task_id}');
  const shape = new RegExp(`^${parts.map(escapeRegExp).join('(.+?)')}$`).exec(path);
  const id = shape?.[1];
  if (id === undefined || shape!.slice(1).some((other) => other !== id)) {
    return problem(`is not a path task-path '${input.taskPath}' gives for a task id.`);
  }
  const parsed = parseTaskId(id);
  if (!parsed.ok) return problem(`its task id '${id}' ${parsed.problem}, so no run reads this file.`);
  if (!input.taskIdPattern.fullMatch(id)) {
    return problem(
      `its task id '${id}' does not match task-id-pattern '${input.taskIdPattern.source}', so no run reads this file.`,
    );
  }
  return [];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function sortProblems(problems: readonly ConfigProblem[], fileOrder: readonly string[]): ConfigProblem[] {
  const rank = (p: ConfigProblem) => {
    const i = fileOrder.indexOf(p.file);
    return i === -1 ? fileOrder.length : i;
  };
  return [...problems].sort(
    (a, b) => rank(a) - rank(b) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}

function summarise(c: ValidationChecked, registryPath: string, problems: number): string {
  const registry = c.registry
    ? `registry ${registryPath}: ${c.profiles} profile(s), ${c.taskMappings} task mapping(s), ${c.defaultProfile ? `default ${c.defaultProfile}` : 'no default'}`
    : `no registry ${registryPath}`;
  const files = `${c.taskFiles} task file(s), ${c.taskFilesWithSmoke} with a smoke definition`;
  return `${registry}; ${files}; ${problems === 0 ? 'no problems' : `${problems} problem(s)`}.`;
}
