// The registry file (SPEC §6), read from the merge commit's tree:
//
//   version: 1
//   defaults: { timeout-seconds: 600, shell: bash, working-directory: . }
//   profiles:
//     api: { command: npm run smoke:api, timeout-seconds: 300, working-directory: services/api }
//     web: { command: npm run smoke:web, paths: ['web/**', 'packages/ui/**'] }   # fan-out (SPEC-v2 §5)
//     deps: { command: make smoke-deps, always: true }                          # every fan-out
//   tasks:
//     task-2512: api                              # task id → profile name
//     task-2511: { command: pytest tests/smoke }  # task id → inline command (+ options)
//   default: full                                 # optional
//   fan-out: paths                                # optional: `mode: plan` selects profiles by `paths`
//
// Validation is strict: an unknown key, a wrong type or an unsupported version is a problem naming the
// line (checkRegistry collects them all; a run stops at the first). One thing is deliberately NOT checked here: whether the profile named by a `tasks:` entry or by
// `default:` exists. That is reported as BLOCKED `unknown_profile` only when that mapping is the one a run
// actually uses, so one stale mapping for an old task does not block every other merge.
import {
  parsePathGlob,
  parseProfileName,
  parseTaskId,
  type PathGlob,
  type ProfileName,
  type TaskId,
} from '../domain/index.js';
import { FAN_OUT, type FanOut } from '../settings/index.js';
import { ConfigError, Problems, type ConfigProblem } from './config-error.js';
import type { CommandOptions } from './types.js';
import {
  DASHED_KEYS,
  NO_OPTIONS,
  optionKeys,
  readDefinition,
  readOptions,
  type DefinitionPlace,
} from './run-options.js';
import { checkKeys, expectMap, findEntry, givenEntry, readYaml, stringValue } from './yaml-map.js';
import { describeYaml, type YamlLimits, type YEntry, type YMap, type YValue } from './yaml-safe.js';

export const REGISTRY_VERSION = 1;
const TOP_KEYS = ['version', 'defaults', 'profiles', 'tasks', 'default', 'fan-out'] as const;
/** What a profile may say besides its command and options: when a fan-out selects it. */
const SELECTION_KEYS = ['paths', 'always'] as const;

export interface RegistryCommand {
  command: string;
  /** Only what this entry says; registry defaults are merged in by the resolver. */
  options: CommandOptions;
  /** Line of the entry in the registry file. */
  line: number;
}

/** A profile: its command, and when a fan-out by paths selects it (SPEC-v2 §5). */
export interface RegistryProfile extends RegistryCommand {
  /** `paths:` — selected when a changed file matches (the last matching glob decides); empty: not by paths. */
  paths: readonly PathGlob[];
  /** `always: true` — selected by every fan-out. */
  always: boolean;
}

export type TaskMapping =
  { kind: 'profile'; profile: ProfileName; line: number } | ({ kind: 'command' } & RegistryCommand);

export interface Registry {
  file: string;
  /** false when the file does not exist in the merge commit (an empty registry). */
  present: boolean;
  defaults: CommandOptions;
  /** In the order the file lists them. */
  profiles: ReadonlyMap<ProfileName, RegistryProfile>;
  tasks: ReadonlyMap<TaskId, TaskMapping>;
  /** `default:` profile name, or null. */
  defaultProfile: { profile: ProfileName; line: number } | null;
  /** `fan-out:` at the top level, or null when the file does not say. */
  fanOut: FanOut | null;
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
    fanOut: null,
  };
}

/** Known profile names, sorted, for messages. */
export function knownProfiles(registry: Registry): string[] {
  return [...registry.profiles.keys()].sort();
}

/** What checking a registry file found: every problem, and what could be read despite them. */
export interface CheckedRegistry {
  /** Every valid part (whole when there are no problems). */
  registry: Registry;
  problems: ConfigProblem[];
  /**
   * Every name under `profiles:`, usable or not (a mapping to a profile with a broken command names a
   * defined profile); null when `profiles:` itself could not be read.
   */
  declaredProfiles: ReadonlySet<string> | null;
}

/** Parses and validates registry text; the run stops at the first problem. Throws ConfigError. */
export function parseRegistry(text: string, file: string, limits?: Partial<YamlLimits>): Registry {
  const checked = checkRegistry(text, file, limits);
  if (checked.problems[0]) throw ConfigError.of(checked.problems[0]);
  return checked.registry;
}

/** Every problem of a registry file, in the order a reader meets them. */
export function checkRegistry(text: string, file: string, limits?: Partial<YamlLimits>): CheckedRegistry {
  const p = new Problems(file);
  const registry: Registry = { ...emptyRegistry(file), present: true };
  const root = readYaml(text, {}, p, limits);
  if (root === null) {
    p.add(null, `is empty; a registry starts with 'version: ${REGISTRY_VERSION}'.`);
  }
  const top = root ? expectMap(root, p, 'the registry') : null;
  if (!top) return { registry, problems: p.list, declaredProfiles: null };
  checkKeys(top, TOP_KEYS, p, 'the registry');
  checkVersion(top, p);
  const section = (key: (typeof TOP_KEYS)[number]) => givenEntry(top, key);
  const profiles = readProfiles(section('profiles'), p);
  return {
    registry: {
      ...registry,
      defaults: readDefaults(section('defaults'), p),
      profiles: profiles.usable,
      tasks: readTasks(section('tasks'), p),
      defaultProfile: readDefaultProfile(section('default'), p),
      fanOut: readFanOut(section('fan-out'), p),
    },
    problems: p.list,
    declaredProfiles: profiles.declared,
  };
}

function checkVersion(top: YMap, p: Problems): void {
  const version = findEntry(top, 'version');
  if (!version) {
    p.add(top, `'version: ${REGISTRY_VERSION}' is missing (it is required).`);
  } else if (version.value.kind !== 'scalar' || version.value.value !== REGISTRY_VERSION) {
    p.add(
      version.value,
      `unsupported registry version ${describeYaml(version.value)}; this action reads version ${REGISTRY_VERSION}.`,
    );
  }
}

/** How a registry entry is named in messages. */
function place(where: string, extraKeys: readonly string[] = []): DefinitionPlace {
  return { keys: DASHED_KEYS, where, field: (key) => `'${key}' of ${where}`, extraKeys };
}

function readDefaults(entry: YEntry | undefined, p: Problems): CommandOptions {
  const map = entry ? expectMap(entry.value, p, "'defaults'") : null;
  if (!map) return NO_OPTIONS;
  checkKeys(map, optionKeys(DASHED_KEYS), p, "'defaults'");
  return readOptions(map, place("'defaults'"), p);
}

function readProfiles(
  entry: YEntry | undefined,
  p: Problems,
): { usable: Map<ProfileName, RegistryProfile>; declared: Set<string> | null } {
  const usable = new Map<ProfileName, RegistryProfile>();
  const map = entry ? expectMap(entry.value, p, "'profiles'") : null;
  if (entry && !map) return { usable, declared: null };
  for (const e of map?.entries ?? []) {
    const name = parseProfileName(e.key);
    if (!name.ok) p.add(e, `profile '${e.key}' ${name.problem}.`);
    const where = `profile '${e.key}'`;
    const definition = readDefinition(e.value, place(where, SELECTION_KEYS), p);
    const selection = e.value.kind === 'map' ? readSelection(e.value, where, p) : null;
    if (name.ok && definition && selection)
      usable.set(name.value, { ...definition, ...selection, line: e.line });
  }
  return { usable, declared: new Set(map?.entries.map((e) => e.key)) };
}

/** `paths:` and `always:` of a profile; a bad value reads as absent (recorded). */
function readSelection(map: YMap, where: string, p: Problems): Pick<RegistryProfile, 'paths' | 'always'> {
  const paths = givenEntry(map, 'paths');
  const always = givenEntry(map, 'always');
  return {
    paths: paths ? readPaths(paths.value, `'paths' of ${where}`, p) : [],
    always: always ? readAlways(always.value, `'always' of ${where}`, p) : false,
  };
}

/** A list of globs, each checked where it stands; a list that can never select a file is a mistake. */
function readPaths(v: YValue, what: string, p: Problems): PathGlob[] {
  if (v.kind !== 'seq') {
    return p.add(v, `${what} must be a list of globs (paths: ['src/**']), not ${describeYaml(v)}.`) ?? [];
  }
  const globs: PathGlob[] = [];
  for (const item of v.items) {
    const text = item.kind === 'scalar' && typeof item.value === 'string' ? item.value : null;
    const glob = text === null ? null : parsePathGlob(text);
    if (glob === null)
      p.add(item, `each entry of ${what} must be a glob (a string), not ${describeYaml(item)}.`);
    else if (!glob.ok) p.add(item, `glob '${text}' in ${what} ${glob.problem}.`);
    else globs.push(glob.value);
  }
  if (v.items.length === 0) p.add(v, `${what} is empty; list the globs whose changes need this profile.`);
  else if (globs.length > 0 && globs.every((g) => g.negated)) {
    p.add(
      v,
      `${what} has only negated globs, so it selects nothing; put what the profile covers first ('**').`,
    );
  }
  return globs;
}

function readAlways(v: YValue, what: string, p: Problems): boolean {
  if (v.kind === 'scalar' && typeof v.value === 'boolean') return v.value;
  return p.add(v, `${what} must be true or false, not ${describeYaml(v)}.`) ?? false;
}

function readTasks(entry: YEntry | undefined, p: Problems): Map<TaskId, TaskMapping> {
  const tasks = new Map<TaskId, TaskMapping>();
  const map = entry ? expectMap(entry.value, p, "'tasks'") : null;
  for (const e of map?.entries ?? []) {
    const id = parseTaskId(e.key);
    if (!id.ok) p.add(e, `task id '${e.key}' ${id.problem}.`);
    const mapping = readTaskMapping(e, p);
    if (id.ok && mapping) tasks.set(id.value, mapping);
  }
  return tasks;
}

/** `task-1: api` (a profile) or `task-1: { command: … }` (inline). */
function readTaskMapping(e: YEntry, p: Problems): TaskMapping | null {
  const v = e.value;
  const what = `task '${e.key}'`;
  const text = stringValue(v);
  if (text !== null) {
    const profile = parseProfileName(text);
    if (!profile.ok) return p.add(v, `${what} maps to '${text}', which ${profile.problem}.`);
    return { kind: 'profile', profile: profile.value, line: e.line };
  }
  if (v.kind === 'map') {
    const definition = readDefinition(v, place(what), p);
    return definition && { kind: 'command', ...definition, line: e.line };
  }
  return p.add(v, `${what} must map to a profile name or to { command: … }, not ${describeYaml(v)}.`);
}

function readDefaultProfile(entry: YEntry | undefined, p: Problems): Registry['defaultProfile'] {
  if (!entry) return null;
  const text = stringValue(entry.value);
  if (text === null) {
    return p.add(entry.value, `'default' must be a profile name, not ${describeYaml(entry.value)}.`);
  }
  const profile = parseProfileName(text);
  if (!profile.ok) return p.add(entry.value, `'default' is '${text}', which ${profile.problem}.`);
  return { profile: profile.value, line: entry.line };
}

function readFanOut(entry: YEntry | undefined, p: Problems): FanOut | null {
  if (!entry) return null;
  const text = stringValue(entry.value);
  const fanOut = FAN_OUT.find((f) => f === text);
  if (fanOut) return fanOut;
  return p.add(
    entry.value,
    `'fan-out' must be one of ${FAN_OUT.join(', ')}, not ${describeYaml(entry.value)}.`,
  );
}
