// A command definition and its run settings, as the registry (`timeout-seconds`), the task file
// (`post_merge_smoke.timeout_seconds`) and the PR-body block spell them: command, timeout, shell, working
// directory. One reader for all three; each file only says how it spells the keys and names the place.
// Every problem is recorded at the offending value's line; the value then reads as absent (null).
import { parseRepoDir, type RepoDir } from '../domain/index.js';
import { SHELL_NAMES } from '../settings/index.js';
import type { CommandOptions } from './types.js';
import type { Problems } from './config-error.js';
import { nearMiss } from './did-you-mean.js';
import { checkKeys, expectMap, findEntry, isNull, stringValue } from './yaml-map.js';
import { describeYaml, type YMap, type YValue } from './yaml-safe.js';

/** setTimeout's ceiling (2^31-1 ms), as for the `timeout-seconds` input. */
export const MAX_TIMEOUT_SECONDS = 2_147_483;

export const NO_OPTIONS: CommandOptions = Object.freeze({
  timeoutSeconds: null,
  shell: null,
  workingDirectory: null,
});

/** How one kind of file spells the option keys. */
export interface OptionKeys {
  timeoutSeconds: string;
  shell: string;
  workingDirectory: string;
}

/** The registry and the PR-body block. */
export const DASHED_KEYS: OptionKeys = {
  timeoutSeconds: 'timeout-seconds',
  shell: 'shell',
  workingDirectory: 'working-directory',
};
/** The task file's post_merge_smoke. */
export const SNAKE_KEYS: OptionKeys = {
  timeoutSeconds: 'timeout_seconds',
  shell: 'shell',
  workingDirectory: 'working_directory',
};

/** Where a definition sits, for messages. */
export interface DefinitionPlace {
  keys: OptionKeys;
  /** The definition: "profile 'api'", "'post_merge_smoke'", "the ```post-merge-smoke block". */
  where: string;
  /** One of its keys: "'shell' of profile 'api'", "'post_merge_smoke.shell'", "'shell'". */
  field(key: string): string;
  /** Keys this kind of definition accepts besides the command and the options (a profile's `paths`). */
  extraKeys?: readonly string[];
}

export function optionKeys(keys: OptionKeys): string[] {
  return [keys.timeoutSeconds, keys.shell, keys.workingDirectory];
}

/** `over` wins field by field; `under` fills the nulls (registry defaults under a profile). */
export function mergeOptions(over: CommandOptions, under: CommandOptions): CommandOptions {
  return {
    timeoutSeconds: over.timeoutSeconds ?? under.timeoutSeconds,
    shell: over.shell ?? under.shell,
    workingDirectory: over.workingDirectory ?? under.workingDirectory,
  };
}

/** `{ command, <options> }`: the command is required, the options are not. Null when unusable. */
export function readDefinition(
  v: YValue,
  at: DefinitionPlace,
  p: Problems,
): { command: string; options: CommandOptions } | null {
  const accepted = ['command', ...optionKeys(at.keys), ...(at.extraKeys ?? [])];
  const map = expectMap(v, p, at.where, ` { ${accepted.join(', ')} }`);
  if (!map) return null;
  checkKeys(map, accepted, p, at.where);
  const entry = findEntry(map, 'command');
  if (!entry || isNull(entry.value)) {
    // A misspelt `command:` is already reported as an unknown key with a "did you mean": one mistake, one problem.
    const misspelt = !entry && map.entries.some((e) => nearMiss(e.key, ['command']) !== null);
    return misspelt ? null : p.add(map, `${at.where} has no 'command'.`);
  }
  const command = readCommand(entry.value, p, at.field('command'));
  const options = readOptions(map, at, p);
  return command === null ? null : { command, options };
}

/** The option keys of `map` (its other keys are the caller's to check); a bad value reads as null. */
export function readOptions(map: YMap, at: DefinitionPlace, p: Problems): CommandOptions {
  const read = <T>(key: string, reader: (v: YValue, p: Problems, what: string) => T | null): T | null => {
    const v = findEntry(map, key)?.value;
    return v && !isNull(v) ? reader(v, p, at.field(key)) : null;
  };
  return {
    timeoutSeconds: read(at.keys.timeoutSeconds, readTimeout),
    shell: read(at.keys.shell, readShell),
    workingDirectory: read(at.keys.workingDirectory, readWorkingDirectory),
  };
}

/** A command: a non-empty string (a block scalar keeps its lines: it becomes a script). */
export function readCommand(v: YValue, p: Problems, what: string): string | null {
  if (v.kind !== 'scalar' || typeof v.value !== 'string') {
    return p.add(v, `${what} must be a string (a shell command), not ${describeYaml(v)}.`);
  }
  const command = v.value.replace(/^\s*\n/, '').replace(/\s+$/, '');
  if (command.trim() === '') return p.add(v, `${what} is empty.`);
  if (command.includes('\0')) return p.add(v, `${what} contains a NUL character.`);
  return command;
}

/** A positive number of seconds, at most MAX_TIMEOUT_SECONDS. */
function readTimeout(v: YValue, p: Problems, what: string): number | null {
  const n = v.kind === 'scalar' && typeof v.value === 'number' ? v.value : NaN;
  if (Number.isFinite(n) && n > 0 && n <= MAX_TIMEOUT_SECONDS) return n;
  return p.add(
    v,
    `${what} must be a number of seconds greater than 0 and at most ${MAX_TIMEOUT_SECONDS}, not ${describeYaml(v)}.`,
  );
}

/** bash, sh, pwsh, python, cmd, or a command template containing {0}. */
function readShell(v: YValue, p: Problems, what: string): string | null {
  const shell = stringValue(v);
  if (shell !== null && ((SHELL_NAMES as readonly string[]).includes(shell) || shell.includes('{0}'))) {
    return shell;
  }
  return p.add(
    v,
    `${what} must be one of ${SHELL_NAMES.join(', ')} or a command template containing {0}, not ${describeYaml(v)}.`,
  );
}

/** A directory inside the repository (the domain's rule). */
function readWorkingDirectory(v: YValue, p: Problems, what: string): RepoDir | null {
  if (v.kind !== 'scalar' || typeof v.value !== 'string') {
    return p.add(v, `${what} must be a relative directory path, not ${describeYaml(v)}.`);
  }
  const dir = parseRepoDir(v.value);
  return dir.ok ? dir.value : p.add(v, `${what} is '${v.value}': it ${dir.problem}.`);
}
