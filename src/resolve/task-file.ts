// The task file (SPEC §6): Markdown whose YAML front matter or any fenced ```yaml / ```yml block carries
//   smoke_command: <string>
//   smoke_profile: <registry profile name>
//   post_merge_smoke: { command, timeout_seconds, shell, working_directory }
// (top-level keys of the block). Task files carry a lot of unrelated YAML (expected_files, allowed_resources,
// …), so:
//   - a block without any of these keys is ignored;
//   - a block that fails to parse is an error only when its raw text mentions one of the keys — otherwise it
//     is ignored (it says nothing about smoke, and a typo in an unrelated list must not block a merge);
//   - `smoke_command: null` (or `~`, or an empty value) says "no command here" and defines nothing;
//   - several definitions are fine when they are identical; two different ones (two commands, or a command
//     and a profile) are a problem naming both lines;
//   - a top-level key that is a near miss of a smoke key (`smoke-command`, `Smoke_Profile`,
//     `smoke_commands`) is a problem with a "did you mean": silently ignoring it would run the registry's
//     default instead of the command the author wrote.
// Only ```yaml / ```yml fences count (not ```json or bare ``` fences). Line numbers in errors are lines of
// the Markdown file.
import { parseProfileName, type ProfileName } from '../domain/index.js';
import { ConfigError, Problems, type ConfigProblem } from './config-error.js';
import { nearMiss } from './did-you-mean.js';
import { frontMatter, fencedBlocks, type MarkdownBlock } from './markdown-blocks.js';
import type { CommandOptions } from './types.js';
import { NO_OPTIONS, readCommand, readDefinition, SNAKE_KEYS } from './run-options.js';
import { isNull, readYaml, stringValue } from './yaml-map.js';
import { DEFAULT_YAML_LIMITS, describeYaml, type YamlLimits, type YEntry, type YValue } from './yaml-safe.js';

const MENTIONS_SMOKE_KEY = /\b(?:smoke_command|smoke_profile|post_merge_smoke)\b/;
const YAML_LANGUAGES = new Set(['yaml', 'yml']);

export type TaskFileSpec =
  | {
      kind: 'command';
      command: string;
      options: CommandOptions;
      /** Which key defined it: smoke_command or post_merge_smoke. */
      key: 'smoke_command' | 'post_merge_smoke';
      /** Line of the key in the Markdown file. */
      line: number;
    }
  | { kind: 'profile'; profile: ProfileName; key: 'smoke_profile'; line: number };

type SpecKey = TaskFileSpec['key'];
type SpecReader = (v: YValue, line: number, p: Problems) => TaskFileSpec | null;

/** The keys that define a task's smoke, each with its reader. */
const SPEC_READERS: Record<SpecKey, SpecReader> = {
  smoke_command: (v, line, p) => {
    const command = readCommand(v, p, "'smoke_command'");
    return command === null
      ? null
      : { kind: 'command', key: 'smoke_command', command, options: NO_OPTIONS, line };
  },
  smoke_profile: (v, line, p) => {
    const profile = readProfileName(v, p);
    return profile === null ? null : { kind: 'profile', key: 'smoke_profile', profile, line };
  },
  post_merge_smoke: (v, line, p) => {
    const definition = readDefinition(v, POST_MERGE_SMOKE, p);
    return definition && { kind: 'command', key: 'post_merge_smoke', ...definition, line };
  },
};
const SPEC_KEYS = Object.keys(SPEC_READERS) as SpecKey[];

const POST_MERGE_SMOKE = {
  keys: SNAKE_KEYS,
  where: "'post_merge_smoke'",
  field: (key: string) => `'post_merge_smoke.${key}'`,
};

/** What checking a task file found: every problem, and every definition that could be read. */
export interface CheckedTaskFile {
  /** The definition a run uses: the first one, when there is no problem. */
  spec: TaskFileSpec | null;
  specs: TaskFileSpec[];
  problems: ConfigProblem[];
}

/**
 * The smoke definition of a task file, or null when it has none. Throws ConfigError (the first problem)
 * for an oversized file, a malformed relevant block, a wrong value type, a near miss of a smoke key or
 * conflicting definitions.
 */
export function parseTaskFile(
  markdown: string,
  file: string,
  limits?: Partial<YamlLimits>,
): TaskFileSpec | null {
  const checked = checkTaskFile(markdown, file, limits);
  if (checked.problems[0]) throw ConfigError.of(checked.problems[0]);
  return checked.spec;
}

/** Every problem of a task file, in file order. */
export function checkTaskFile(markdown: string, file: string, limits?: Partial<YamlLimits>): CheckedTaskFile {
  const p = new Problems(file);
  const maxBytes = limits?.maxBytes ?? DEFAULT_YAML_LIMITS.maxBytes;
  const bytes = Buffer.byteLength(markdown, 'utf8');
  if (bytes > maxBytes) {
    p.add(null, `file too large: ${bytes} bytes, the limit is ${maxBytes}.`);
    return { spec: null, specs: [], problems: p.list };
  }
  const specs = yamlBlocks(markdown).flatMap((block) => blockSpecs(block, p, limits));
  const [first, ...rest] = specs;
  for (const other of first ? rest : []) {
    if (sameSpec(first!, other)) continue;
    p.add(
      { line: other.line, column: null },
      `conflicting smoke definitions: line ${first!.line} has ${describeSpec(first!)}, line ${other.line} has ${describeSpec(other)}. Keep one.`,
    );
  }
  return { spec: p.list.length === 0 ? (first ?? null) : null, specs, problems: p.list };
}

/** The front matter and the ```yaml / ```yml blocks, in file order. */
function yamlBlocks(markdown: string): MarkdownBlock[] {
  const fm = frontMatter(markdown);
  return [...(fm ? [fm] : []), ...fencedBlocks(markdown).filter((b) => YAML_LANGUAGES.has(b.language))];
}

/** The definitions among a block's top-level keys; a malformed block counts only if it mentions one. */
function blockSpecs(block: MarkdownBlock, p: Problems, limits?: Partial<YamlLimits>): TaskFileSpec[] {
  const relevant = MENTIONS_SMOKE_KEY.test(block.text);
  const origin = { lineOffset: block.lineOffset, columnOffset: block.columnOffset };
  const root = readYaml(block.text, origin, relevant ? p : new Problems(p.file), limits);
  if (!root || root.kind !== 'map') return [];
  return root.entries.flatMap((entry) => {
    const spec = readSpec(entry, p);
    return spec ? [spec] : [];
  });
}

/**
 * A smoke key's definition; null for any other key — but a near miss of a smoke key (`smoke-command`) is
 * a problem: ignoring it would run a lower step's command instead of the one the author meant.
 */
function readSpec(entry: YEntry, p: Problems): TaskFileSpec | null {
  if (!Object.hasOwn(SPEC_READERS, entry.key)) {
    const meant = nearMiss(entry.key, SPEC_KEYS, true);
    if (meant === null) return null;
    return p.add(
      entry,
      `'${entry.key}' is not a smoke key (${SPEC_KEYS.join(', ')}), so it would be ignored.`,
      `Did you mean '${meant}'?`,
    );
  }
  if (isNull(entry.value)) return null;
  return SPEC_READERS[entry.key as SpecKey](entry.value, entry.line, p);
}

function readProfileName(v: YValue, p: Problems): ProfileName | null {
  const text = stringValue(v);
  if (text === null) {
    return p.add(v, `'smoke_profile' must be a registry profile name, not ${describeYaml(v)}.`);
  }
  const name = parseProfileName(text);
  return name.ok ? name.value : p.add(v, `'smoke_profile' is '${text}', which ${name.problem}.`);
}
function sameSpec(a: TaskFileSpec, b: TaskFileSpec): boolean {
  if (a.kind === 'profile' || b.kind === 'profile') {
    return a.kind === 'profile' && b.kind === 'profile' && a.profile === b.profile;
  }
  return (
    a.command === b.command &&
    a.options.timeoutSeconds === b.options.timeoutSeconds &&
    a.options.shell === b.options.shell &&
    a.options.workingDirectory === b.options.workingDirectory
  );
}

function describeSpec(s: TaskFileSpec): string {
  if (s.kind === 'profile') return `smoke_profile '${s.profile}'`;
  const flat = s.command.replace(/\s+/g, ' ');
  return `${s.key === 'smoke_command' ? 'smoke_command' : 'post_merge_smoke.command'} '${flat.length > 60 ? `${flat.slice(0, 59)}…` : flat}'`;
}
