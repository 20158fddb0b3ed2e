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
import { ConfigError } from './config-error.js';
import { frontMatter, fencedBlocks, type MarkdownBlock } from './markdown-blocks.js';
import { PROFILE_NAME } from './registry.js';
import type { CommandOptions } from './types.js';
import {
  checkKeys,
  findEntry,
  isNull,
  readCommand,
  readShell,
  readTimeout,
  readWorkingDirectory,
} from './run-options.js';
import {
  DEFAULT_YAML_LIMITS,
  describeYaml,
  errorAt,
  parseYamlSafe,
  type YamlLimits,
  type YValue,
} from './yaml-safe.js';

export const TASK_FILE_KEYS = ['smoke_command', 'smoke_profile', 'post_merge_smoke'] as const;
const POST_MERGE_SMOKE_KEYS = ['command', 'timeout_seconds', 'shell', 'working_directory'] as const;
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
  | { kind: 'profile'; profile: string; key: 'smoke_profile'; line: number };

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
  const fm = frontMatter(markdown);
  const blocks: MarkdownBlock[] = [
    ...(fm ? [fm] : []),
    ...fencedBlocks(markdown).filter((b) => YAML_LANGUAGES.has(b.language)),
  ];

  const specs: TaskFileSpec[] = [];
  for (const block of blocks) {
    let root: YValue | null;
    try {
      root = parseYamlSafe(
        block.text,
        { file, lineOffset: block.lineOffset, columnOffset: block.columnOffset },
        limits,
      );
    } catch (e) {
      if (e instanceof ConfigError && !MENTIONS_SMOKE_KEY.test(block.text)) continue;
      throw e;
    }
    if (root === null || root.kind !== 'map') continue;
    for (const entry of root.entries) {
      const spec = readSpec(entry.key, entry.value, entry.line, file);
      if (spec) specs.push(spec);
    }
  }

  const [first, ...rest] = specs;
  if (!first) return null;
  for (const other of rest) {
    if (!sameSpec(first, other)) {
      throw new ConfigError(
        file,
        other.line,
        `conflicting smoke definitions: line ${first.line} has ${describeSpec(first)}, line ${other.line} has ${describeSpec(other)}. Keep one.`,
      );
    }
  }
  return first;
}

function readSpec(key: string, v: YValue, line: number, file: string): TaskFileSpec | null {
  if (isNull(v)) return null;
  switch (key) {
    case 'smoke_command':
      return {
        kind: 'command',
        key,
        command: readCommand(v, file, "'smoke_command'"),
        options: { timeoutSeconds: null, shell: null, workingDirectory: null },
        line,
      };
    case 'smoke_profile': {
      if (v.kind !== 'scalar' || typeof v.value !== 'string' || !PROFILE_NAME.test(v.value.trim())) {
        throw errorAt(file, v, `'smoke_profile' must be a registry profile name, not ${describeYaml(v)}.`);
      }
      return { kind: 'profile', key, profile: v.value.trim(), line };
    }
    case 'post_merge_smoke': {
      if (v.kind !== 'map') {
        throw errorAt(
          file,
          v,
          `'post_merge_smoke' must be a mapping { command, timeout_seconds, shell, working_directory }, not ${describeYaml(v)}.`,
        );
      }
      checkKeys(v, POST_MERGE_SMOKE_KEYS, file, "'post_merge_smoke'");
      const command = findEntry(v, 'command');
      if (!command || isNull(command.value)) throw errorAt(file, v, "'post_merge_smoke' has no 'command'.");
      const get = (k: string) => findEntry(v, k)?.value;
      const timeout = get('timeout_seconds');
      const shell = get('shell');
      const dir = get('working_directory');
      return {
        kind: 'command',
        key,
        command: readCommand(command.value, file, "'post_merge_smoke.command'"),
        options: {
          timeoutSeconds: timeout ? readTimeout(timeout, file, "'post_merge_smoke.timeout_seconds'") : null,
          shell: shell ? readShell(shell, file, "'post_merge_smoke.shell'") : null,
          workingDirectory: dir
            ? readWorkingDirectory(dir, file, "'post_merge_smoke.working_directory'")
            : null,
        },
        line,
      };
    }
    default:
      return null;
  }
}

function sameSpec(a: TaskFileSpec, b: TaskFileSpec): boolean {
  if (a.kind === 'profile' || b.kind === 'profile') {
    return a.kind === b.kind && a.kind === 'profile' && b.kind === 'profile' && a.profile === b.profile;
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
