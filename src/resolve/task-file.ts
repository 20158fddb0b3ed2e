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
//     and a profile) are a ConfigError naming both lines.
// Only ```yaml / ```yml fences count (not ```json or bare ``` fences). Line numbers in errors are lines of
// the Markdown file.
import { parseProfileName, type ProfileName } from '../domain/index.js';
import { ConfigError } from './config-error.js';
import { frontMatter, fencedBlocks, type MarkdownBlock } from './markdown-blocks.js';
import type { CommandOptions } from './types.js';
import { NO_OPTIONS, readCommand, readDefinition, SNAKE_KEYS } from './run-options.js';
import { isNull, stringValue } from './yaml-map.js';
import {
  DEFAULT_YAML_LIMITS,
  describeYaml,
  errorAt,
  parseYamlSafe,
  type YamlLimits,
  type YEntry,
  type YValue,
} from './yaml-safe.js';

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

/** The keys that define a task's smoke, each with its reader. */
const SPEC_READERS: Record<TaskFileSpec['key'], (v: YValue, line: number, file: string) => TaskFileSpec> = {
  smoke_command: (v, line, file) => ({
    kind: 'command',
    key: 'smoke_command',
    command: readCommand(v, file, "'smoke_command'"),
    options: NO_OPTIONS,
    line,
  }),
  smoke_profile: (v, line, file) => ({
    kind: 'profile',
    key: 'smoke_profile',
    profile: readProfileName(v, file),
    line,
  }),
  post_merge_smoke: (v, line, file) => ({
    kind: 'command',
    key: 'post_merge_smoke',
    ...readDefinition(v, {
      file,
      keys: SNAKE_KEYS,
      where: "'post_merge_smoke'",
      field: (key) => `'post_merge_smoke.${key}'`,
    }),
    line,
  }),
};

/**
 * The smoke definition of a task file, or null when it has none. Throws ConfigError for an oversized file,
 * a malformed relevant block, a wrong value type or conflicting definitions.
 */
export function parseTaskFile(
  markdown: string,
  file: string,
  limits?: Partial<YamlLimits>,
): TaskFileSpec | null {
  const maxBytes = limits?.maxBytes ?? DEFAULT_YAML_LIMITS.maxBytes;
  const bytes = Buffer.byteLength(markdown, 'utf8');
  if (bytes > maxBytes) {
    throw new ConfigError(file, null, `file too large: ${bytes} bytes, the limit is ${maxBytes}.`);
  }
  const specs = yamlBlocks(markdown).flatMap((block) => blockSpecs(block, file, limits));
  const [first, ...rest] = specs;
  if (!first) return null;
  const other = rest.find((s) => !sameSpec(first, s));
  if (other) {
    throw new ConfigError(
      file,
      other.line,
      `conflicting smoke definitions: line ${first.line} has ${describeSpec(first)}, line ${other.line} has ${describeSpec(other)}. Keep one.`,
    );
  }
  return first;
}

/** The front matter and the ```yaml / ```yml blocks, in file order. */
function yamlBlocks(markdown: string): MarkdownBlock[] {
  const fm = frontMatter(markdown);
  return [...(fm ? [fm] : []), ...fencedBlocks(markdown).filter((b) => YAML_LANGUAGES.has(b.language))];
}

/** The definitions among a block's top-level keys. */
function blockSpecs(block: MarkdownBlock, file: string, limits?: Partial<YamlLimits>): TaskFileSpec[] {
  let root: YValue | null;
  try {
    root = parseYamlSafe(
      block.text,
      { file, lineOffset: block.lineOffset, columnOffset: block.columnOffset },
      limits,
    );
  } catch (e) {
    if (e instanceof ConfigError && !MENTIONS_SMOKE_KEY.test(block.text)) return [];
    throw e;
  }
  if (root === null || root.kind !== 'map') return [];
  return root.entries.flatMap((entry) => {
    const spec = readSpec(entry, file);
    return spec ? [spec] : [];
  });
}

function readSpec(entry: YEntry, file: string): TaskFileSpec | null {
  if (!Object.hasOwn(SPEC_READERS, entry.key) || isNull(entry.value)) return null;
  return SPEC_READERS[entry.key as TaskFileSpec['key']](entry.value, entry.line, file);
}

function readProfileName(v: YValue, file: string): ProfileName {
  const text = stringValue(v);
  if (text === null) {
    throw errorAt(file, v, `'smoke_profile' must be a registry profile name, not ${describeYaml(v)}.`);
  }
  const name = parseProfileName(text);
  if (!name.ok) throw errorAt(file, v, `'smoke_profile' is '${text}', which ${name.problem}.`);
  return name.value;
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
