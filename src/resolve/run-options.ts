// Validation of the fields a command definition carries, shared by the registry (`timeout-seconds`), the
// task file (`timeout_seconds`) and the PR-body block: command, timeout, shell, working directory.
// Every check throws ConfigError at the offending value's line.
import { SHELL_NAMES } from '../settings.js';
import type { CommandOptions } from './types.js';
import { describeYaml, errorAt, type YEntry, type YMap, type YValue } from './yaml-safe.js';

/** setTimeout's ceiling (2^31-1 ms), as for the `timeout-seconds` input. */
export const MAX_TIMEOUT_SECONDS = 2_147_483;

export const NO_OPTIONS: CommandOptions = Object.freeze({
  timeoutSeconds: null,
  shell: null,
  workingDirectory: null,
});

/** `over` wins field by field; `under` fills the nulls (registry defaults under a profile). */
export function mergeOptions(over: CommandOptions, under: CommandOptions): CommandOptions {
  return {
    timeoutSeconds: over.timeoutSeconds ?? under.timeoutSeconds,
    shell: over.shell ?? under.shell,
    workingDirectory: over.workingDirectory ?? under.workingDirectory,
  };
}

/** Refuses keys outside `allowed`, naming the key, its line and the accepted keys. */
export function checkKeys(map: YMap, allowed: readonly string[], file: string, where: string): void {
  for (const e of map.entries) {
    if (!allowed.includes(e.key)) {
      throw errorAt(file, e, `unknown key '${e.key}' in ${where}; accepted keys: ${allowed.join(', ')}.`);
    }
  }
}

export function findEntry(map: YMap, key: string): YEntry | undefined {
  return map.entries.find((e) => e.key === key);
}

export function isNull(v: YValue): boolean {
  return v.kind === 'scalar' && v.value === null;
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
export function readTimeout(v: YValue, file: string, what: string): number | null {
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
export function readShell(v: YValue, file: string, what: string): string | null {
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

/** A directory inside the repository: relative, without '..'; null stays null. */
export function readWorkingDirectory(v: YValue, file: string, what: string): string | null {
  if (isNull(v)) return null;
  if (v.kind !== 'scalar' || typeof v.value !== 'string' || v.value.trim() === '') {
    throw errorAt(file, v, `${what} must be a relative directory path, not ${describeYaml(v)}.`);
  }
  const dir = v.value.trim();
  const problem = repoRelativeProblem(dir);
  if (problem) throw errorAt(file, v, `${what} '${dir}' ${problem}.`);
  return dir;
}

/** Why `path` is not a safe repository-relative path, or null when it is. */
export function repoRelativeProblem(path: string): string | null {
  if (path.includes('\0')) return 'contains a NUL character';
  if (path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path) || path.startsWith('~')) {
    return 'must be relative to the repository root';
  }
  if (path.split(/[\\/]+/).includes('..')) return "must stay inside the repository (no '..')";
  return null;
}
