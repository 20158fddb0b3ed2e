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
import { parseProfileName, parseTaskId, type ProfileName, type TaskId } from '../domain/index.js';
import { ConfigError } from './config-error.js';
import type { CommandOptions } from './types.js';
import {
  DASHED_KEYS,
  NO_OPTIONS,
  optionKeys,
  readDefinition,
  readOptions,
  type DefinitionPlace,
} from './run-options.js';
import { checkKeys, expectMap, findEntry, givenEntry, stringValue } from './yaml-map.js';
import {
  describeYaml,
  errorAt,
  parseYamlSafe,
  type YamlLimits,
  type YEntry,
  type YMap,
} from './yaml-safe.js';

export const REGISTRY_VERSION = 1;
const TOP_KEYS = ['version', 'defaults', 'profiles', 'tasks', 'default'] as const;

export interface RegistryCommand {
  command: string;
  /** Only what this entry says; registry defaults are merged in by the resolver. */
  options: CommandOptions;
  /** Line of the entry in the registry file. */
  line: number;
}

export type TaskMapping =
  { kind: 'profile'; profile: ProfileName; line: number } | ({ kind: 'command' } & RegistryCommand);

export interface Registry {
  file: string;
  /** false when the file does not exist in the merge commit (an empty registry). */
  present: boolean;
  defaults: CommandOptions;
  profiles: ReadonlyMap<ProfileName, RegistryCommand>;
  tasks: ReadonlyMap<TaskId, TaskMapping>;
  /** `default:` profile name, or null. */
  defaultProfile: { profile: ProfileName; line: number } | null;
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
  checkVersion(top, file);
  const section = (key: (typeof TOP_KEYS)[number]) => givenEntry(top, key);
  return {
    file,
    present: true,
    defaults: readDefaults(section('defaults'), file),
    profiles: readProfiles(section('profiles'), file),
    tasks: readTasks(section('tasks'), file),
    defaultProfile: readDefaultProfile(section('default'), file),
  };
}

function checkVersion(top: YMap, file: string): void {
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
}

/** How a registry entry is named in messages. */
function place(file: string, where: string): DefinitionPlace {
  return { file, keys: DASHED_KEYS, where, field: (key) => `'${key}' of ${where}` };
}

function readDefaults(entry: YEntry | undefined, file: string): CommandOptions {
  if (!entry) return NO_OPTIONS;
  const map = expectMap(entry.value, file, "'defaults'");
  checkKeys(map, optionKeys(DASHED_KEYS), file, "'defaults'");
  return readOptions(map, place(file, "'defaults'"));
}

function readProfiles(entry: YEntry | undefined, file: string): Map<ProfileName, RegistryCommand> {
  const profiles = new Map<ProfileName, RegistryCommand>();
  if (!entry) return profiles;
  for (const e of expectMap(entry.value, file, "'profiles'").entries) {
    const name = parseProfileName(e.key);
    if (!name.ok) throw errorAt(file, e, `profile '${e.key}' ${name.problem}.`);
    profiles.set(name.value, { ...readDefinition(e.value, place(file, `profile '${e.key}'`)), line: e.line });
  }
  return profiles;
}

function readTasks(entry: YEntry | undefined, file: string): Map<TaskId, TaskMapping> {
  const tasks = new Map<TaskId, TaskMapping>();
  if (!entry) return tasks;
  for (const e of expectMap(entry.value, file, "'tasks'").entries) {
    const id = parseTaskId(e.key);
    if (!id.ok) throw errorAt(file, e, `task id '${e.key}' ${id.problem}.`);
    tasks.set(id.value, readTaskMapping(e, file));
  }
  return tasks;
}

/** `task-1: api` (a profile) or `task-1: { command: … }` (inline). */
function readTaskMapping(e: YEntry, file: string): TaskMapping {
  const v = e.value;
  const what = `task '${e.key}'`;
  const text = stringValue(v);
  if (text !== null) {
    const profile = parseProfileName(text);
    if (!profile.ok) throw errorAt(file, v, `${what} maps to '${text}', which ${profile.problem}.`);
    return { kind: 'profile', profile: profile.value, line: e.line };
  }
  if (v.kind === 'map') return { kind: 'command', ...readDefinition(v, place(file, what)), line: e.line };
  throw errorAt(file, v, `${what} must map to a profile name or to { command: … }, not ${describeYaml(v)}.`);
}

function readDefaultProfile(entry: YEntry | undefined, file: string): Registry['defaultProfile'] {
  if (!entry) return null;
  const text = stringValue(entry.value);
  if (text === null) {
    throw errorAt(file, entry.value, `'default' must be a profile name, not ${describeYaml(entry.value)}.`);
  }
  const profile = parseProfileName(text);
  if (!profile.ok) throw errorAt(file, entry.value, `'default' is '${text}', which ${profile.problem}.`);
  return { profile: profile.value, line: entry.line };
}
