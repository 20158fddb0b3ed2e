// The registry file (SPEC §6), read from the merge commit's tree:
//
//   version: 1
//   defaults: { timeout-seconds: 600, shell: bash, working-directory: . }
//   profiles:
//     api: { command: npm run smoke:api, timeout-seconds: 300, working-directory: services/api }
//   tasks:
//     task-2512: api                              # task id → profile name
//     task-2511: { command: pytest tests/smoke }  # task id → inline command (+ options)
//   default: full                                 # optional
//
// Validation is strict: an unknown key, a wrong type or an unsupported version is a ConfigError naming the
// line. One thing is deliberately NOT checked here: whether the profile named by a `tasks:` entry or by
// `default:` exists. That is reported as BLOCKED `unknown_profile` only when that mapping is the one a run
// actually uses, so one stale mapping for an old task does not block every other merge.
import type { CommandOptions } from './types.js';
import {
  checkKeys,
  findEntry,
  isNull,
  NO_OPTIONS,
  readCommand,
  readShell,
  readTimeout,
  readWorkingDirectory,
} from './run-options.js';
import { ConfigError } from './config-error.js';
import {
  describeYaml,
  errorAt,
  parseYamlSafe,
  type YamlLimits,
  type YMap,
  type YValue,
} from './yaml-safe.js';

export const REGISTRY_VERSION = 1;

/** Profile names: the same characters the `profile` input accepts. */
export const PROFILE_NAME = /^[A-Za-z0-9._-]+$/;
/** Task ids as registry keys: the characters a task id may have. */
const TASK_ID_KEY = /^[A-Za-z0-9._+-]+$/;

const TOP_KEYS = ['version', 'defaults', 'profiles', 'tasks', 'default'] as const;
const OPTION_KEYS = ['timeout-seconds', 'shell', 'working-directory'] as const;
const COMMAND_KEYS = ['command', ...OPTION_KEYS] as const;

export interface RegistryCommand {
  command: string;
  /** Only what this entry says; registry defaults are merged in by the resolver. */
  options: CommandOptions;
  /** Line of the entry in the registry file. */
  line: number;
}

export type TaskMapping =
  { kind: 'profile'; profile: string; line: number } | ({ kind: 'command' } & RegistryCommand);

export interface Registry {
  file: string;
  /** false when the file does not exist in the merge commit (an empty registry). */
  present: boolean;
  defaults: CommandOptions;
  profiles: ReadonlyMap<string, RegistryCommand>;
  tasks: ReadonlyMap<string, TaskMapping>;
  /** `default:` profile name, or null. */
  defaultProfile: { profile: string; line: number } | null;
}

/** The registry of a repository that has no registry file. */
export function emptyRegistry(file: string): Registry {
  return {
    file,
    present: false,
    defaults: NO_OPTIONS,
    profiles: new Map(),
    tasks: new Map(),
    defaultProfile: null,
  };
}

/** Known profile names, sorted, for messages. */
export function knownProfiles(registry: Registry): string[] {
  return [...registry.profiles.keys()].sort();
}

/** Parses and validates registry text. Throws ConfigError. */
export function parseRegistry(text: string, file: string, limits?: Partial<YamlLimits>): Registry {
  const root = parseYamlSafe(text, { file }, limits);
  if (root === null) {
    throw new ConfigError(file, null, `is empty; a registry starts with 'version: ${REGISTRY_VERSION}'.`);
  }
  const top = expectMap(root, file, 'the registry');
  checkKeys(top, TOP_KEYS, file, 'the registry');

  const version = findEntry(top, 'version');
  if (!version) {
    throw errorAt(file, top, `'version: ${REGISTRY_VERSION}' is missing (it is required).`);
  }
  if (version.value.kind !== 'scalar' || version.value.value !== REGISTRY_VERSION) {
    throw errorAt(
      file,
      version.value,
      `unsupported registry version ${describeYaml(version.value)}; this action reads version ${REGISTRY_VERSION}.`,
    );
  }

  const defaultsEntry = findEntry(top, 'defaults');
  let defaults = NO_OPTIONS;
  if (defaultsEntry && !isNull(defaultsEntry.value)) {
    const map = expectMap(defaultsEntry.value, file, "'defaults'");
    checkKeys(map, OPTION_KEYS, file, "'defaults'");
    defaults = readOptions(map, file, "'defaults'");
  }

  const profiles = new Map<string, RegistryCommand>();
  const profilesEntry = findEntry(top, 'profiles');
  if (profilesEntry && !isNull(profilesEntry.value)) {
    const map = expectMap(profilesEntry.value, file, "'profiles'");
    for (const e of map.entries) {
      if (!PROFILE_NAME.test(e.key)) {
        throw errorAt(file, e, `profile name '${e.key}' may only use letters, digits, '.', '_' and '-'.`);
      }
      profiles.set(e.key, readCommandEntry(e.value, file, `profile '${e.key}'`, e.line));
    }
  }

  const tasks = new Map<string, TaskMapping>();
  const tasksEntry = findEntry(top, 'tasks');
  if (tasksEntry && !isNull(tasksEntry.value)) {
    const map = expectMap(tasksEntry.value, file, "'tasks'");
    for (const e of map.entries) {
      if (!TASK_ID_KEY.test(e.key)) {
        throw errorAt(file, e, `task id '${e.key}' may only use letters, digits, '.', '_', '+' and '-'.`);
      }
      const v = e.value;
      if (v.kind === 'scalar' && typeof v.value === 'string') {
        const profile = v.value.trim();
        if (!PROFILE_NAME.test(profile)) {
          throw errorAt(file, v, `task '${e.key}' maps to '${profile}', which is not a profile name.`);
        }
        tasks.set(e.key, { kind: 'profile', profile, line: e.line });
      } else if (v.kind === 'map') {
        tasks.set(e.key, { kind: 'command', ...readCommandEntry(v, file, `task '${e.key}'`, e.line) });
      } else {
        throw errorAt(
          file,
          v,
          `task '${e.key}' must map to a profile name or to { command: … }, not ${describeYaml(v)}.`,
        );
      }
    }
  }

  const defaultEntry = findEntry(top, 'default');
  let defaultProfile: Registry['defaultProfile'] = null;
  if (defaultEntry && !isNull(defaultEntry.value)) {
    const v = defaultEntry.value;
    if (v.kind !== 'scalar' || typeof v.value !== 'string' || !PROFILE_NAME.test(v.value.trim())) {
      throw errorAt(file, v, `'default' must be a profile name, not ${describeYaml(v)}.`);
    }
    defaultProfile = { profile: v.value.trim(), line: defaultEntry.line };
  }

  return { file, present: true, defaults, profiles, tasks, defaultProfile };
}

function expectMap(v: YValue, file: string, what: string): YMap {
  if (v.kind !== 'map') throw errorAt(file, v, `${what} must be a mapping, not ${describeYaml(v)}.`);
  return v;
}

function readOptions(map: YMap, file: string, where: string): CommandOptions {
  const get = (key: string) => findEntry(map, key)?.value;
  const timeout = get('timeout-seconds');
  const shell = get('shell');
  const dir = get('working-directory');
  return {
    timeoutSeconds: timeout ? readTimeout(timeout, file, `'timeout-seconds' of ${where}`) : null,
    shell: shell ? readShell(shell, file, `'shell' of ${where}`) : null,
    workingDirectory: dir ? readWorkingDirectory(dir, file, `'working-directory' of ${where}`) : null,
  };
}

function readCommandEntry(v: YValue, file: string, what: string, line: number): RegistryCommand {
  const map = expectMap(v, file, what);
  checkKeys(map, COMMAND_KEYS, file, what);
  const command = findEntry(map, 'command');
  if (!command || isNull(command.value)) throw errorAt(file, map, `${what} has no 'command'.`);
  return {
    command: readCommand(command.value, file, `'command' of ${what}`),
    options: readOptions(map, file, what),
    line,
  };
}
