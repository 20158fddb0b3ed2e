// A command definition and its run settings, as the registry (`timeout-seconds`), the task file
// (`post_merge_smoke.timeout_seconds`) and the PR-body block spell them: command, timeout, shell, working
// directory. One reader for all three; each file only says how it spells the keys and names the place.
// Every check throws ConfigError at the offending value's line.
import { parseRepoDir, type RepoDir } from '../domain/index.js';
import { SHELL_NAMES } from '../settings.js';
import type { CommandOptions } from './types.js';
import { checkKeys, expectMap, findEntry, isNull } from './yaml-map.js';
import { describeYaml, errorAt, type YMap, type YValue } from './yaml-safe.js';

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
  file: string;
  keys: OptionKeys;
  /** The definition: "profile 'api'", "'post_merge_smoke'", "the ```post-merge-smoke block". */
  where: string;
  /** One of its keys: "'shell' of profile 'api'", "'post_merge_smoke.shell'", "'shell'". */
  field(key: string): string;
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

/** `{ command, <options> }`: the command is required, the options are not. */
export function readDefinition(v: YValue, at: DefinitionPlace): { command: string; options: CommandOptions } {
  const accepted = ['command', ...optionKeys(at.keys)];
  const map = expectMap(v, at.file, at.where, ` { ${accepted.join(', ')} }`);
  checkKeys(map, accepted, at.file, at.where);
  const command = findEntry(map, 'command');
  if (!command || isNull(command.value)) throw errorAt(at.file, map, `${at.where} has no 'command'.`);
  return { command: readCommand(command.value, at.file, at.field('command')), options: readOptions(map, at) };
}

/** The option keys of `map` (its other keys are the caller's to check). */
export function readOptions(map: YMap, at: DefinitionPlace): CommandOptions {
  const get = (key: string) => findEntry(map, key)?.value;
  const timeout = get(at.keys.timeoutSeconds);
  const shell = get(at.keys.shell);
  const dir = get(at.keys.workingDirectory);
  return {
    timeoutSeconds: timeout ? readTimeout(timeout, at.file, at.field(at.keys.timeoutSeconds)) : null,
    shell: shell ? readShell(shell, at.file, at.field(at.keys.shell)) : null,
    workingDirectory: dir ? readWorkingDirectory(dir, at.file, at.field(at.keys.workingDirectory)) : null,
  };
}

/** A command: a non-empty string (a block scalar keeps its lines: it becomes a script). */
export function readCommand(v: YValue, file: string, what: string): string {
  if (v.kind !== 'scalar' || typeof v.value !== 'string') {
    throw errorAt(file, v, `${what} must be a string (a shell command), not ${describeYaml(v)}.`);
  }
  const command = v.value.replace(/^\s*\n/, '').replace(/\s+$/, '');
  if (command.trim() === '') throw errorAt(file, v, `${what} is empty.`);
  if (command.includes('\0')) throw errorAt(file, v, `${what} contains a NUL character.`);
  return command;
}

/** A positive number of seconds, at most MAX_TIMEOUT_SECONDS; null stays null. */
function readTimeout(v: YValue, file: string, what: string): number | null {
  if (isNull(v)) return null;
  if (
    v.kind !== 'scalar' ||
    typeof v.value !== 'number' ||
    !Number.isFinite(v.value) ||
    v.value <= 0 ||
    v.value > MAX_TIMEOUT_SECONDS
  ) {
    throw errorAt(
      file,
      v,
      `${what} must be a number of seconds greater than 0 and at most ${MAX_TIMEOUT_SECONDS}, not ${describeYaml(v)}.`,
    );
  }
  return v.value;
}

/** bash, sh, pwsh, python, cmd, or a command template containing {0}; null stays null. */
function readShell(v: YValue, file: string, what: string): string | null {
  if (isNull(v)) return null;
  const ok =
    v.kind === 'scalar' &&
    typeof v.value === 'string' &&
    ((SHELL_NAMES as readonly string[]).includes(v.value.trim()) || v.value.includes('{0}'));
  if (!ok) {
    throw errorAt(
      file,
      v,
      `${what} must be one of ${SHELL_NAMES.join(', ')} or a command template containing {0}, not ${describeYaml(v)}.`,
    );
  }
  return (v.value as string).trim();
}

/** A directory inside the repository (the domain's rule); null stays null. */
function readWorkingDirectory(v: YValue, file: string, what: string): RepoDir | null {
  if (isNull(v)) return null;
  if (v.kind !== 'scalar' || typeof v.value !== 'string') {
    throw errorAt(file, v, `${what} must be a relative directory path, not ${describeYaml(v)}.`);
  }
  const dir = parseRepoDir(v.value);
  if (!dir.ok) throw errorAt(file, v, `${what} is '${v.value}': it ${dir.problem}.`);
  return dir.value;
}
