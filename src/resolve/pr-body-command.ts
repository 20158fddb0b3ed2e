// The raw command a PR body may carry (SPEC §6), in a fenced block whose language is `post-merge-smoke`:
//
//   ```post-merge-smoke
//   command: npm run smoke
//   timeout-seconds: 300          # optional, like a registry profile
//   shell: bash                   # optional
//   working-directory: services   # optional
//   ```
//
// Whether it may be used at all is trust.ts's decision; this file only finds and validates it. More than
// one such block is a ConfigError (which one would be meant?).
import { ConfigError } from './config-error.js';
import { fencedBlocks, type MarkdownBlock } from './markdown-blocks.js';
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
import { describeYaml, errorAt, parseYamlSafe, type YamlLimits } from './yaml-safe.js';

export const PR_BODY_LANGUAGE = 'post-merge-smoke';
const KEYS = ['command', 'timeout-seconds', 'shell', 'working-directory'] as const;

export interface PrBodyCommand {
  command: string;
  options: CommandOptions;
  /** Line of the opening fence in the PR body. */
  line: number;
}

/** The ```post-merge-smoke blocks of a PR body. */
export function prBodyBlocks(body: string | null): MarkdownBlock[] {
  if (!body) return [];
  return fencedBlocks(body).filter((b) => b.language === PR_BODY_LANGUAGE);
}

/**
 * The PR body's command, or null when the body has no ```post-merge-smoke block. `label` names the body in
 * messages, e.g. "PR #12 body". Throws ConfigError.
 */
export function parsePrBodyCommand(
  body: string | null,
  label: string,
  limits?: Partial<YamlLimits>,
): PrBodyCommand | null {
  const blocks = prBodyBlocks(body);
  const [block, second] = blocks;
  if (!block) return null;
  if (second) {
    throw new ConfigError(
      label,
      second.openLine,
      `several \`\`\`${PR_BODY_LANGUAGE} blocks (lines ${blocks.map((b) => b.openLine).join(', ')}); keep one.`,
    );
  }
  const root = parseYamlSafe(
    block.text,
    { file: label, lineOffset: block.lineOffset, columnOffset: block.columnOffset },
    limits,
  );
  if (root === null || root.kind !== 'map') {
    const what = root === null ? 'is empty' : `holds ${describeYaml(root)}`;
    throw new ConfigError(
      label,
      block.openLine,
      `the \`\`\`${PR_BODY_LANGUAGE} block ${what}; expected 'command: <shell command>'.`,
    );
  }
  checkKeys(root, KEYS, label, `the \`\`\`${PR_BODY_LANGUAGE} block`);
  const command = findEntry(root, 'command');
  if (!command || isNull(command.value)) {
    throw errorAt(label, root, `the \`\`\`${PR_BODY_LANGUAGE} block has no 'command'.`);
  }
  const get = (k: string) => findEntry(root, k)?.value;
  const timeout = get('timeout-seconds');
  const shell = get('shell');
  const dir = get('working-directory');
  return {
    command: readCommand(command.value, label, "'command'"),
    options: {
      timeoutSeconds: timeout ? readTimeout(timeout, label, "'timeout-seconds'") : null,
      shell: shell ? readShell(shell, label, "'shell'") : null,
      workingDirectory: dir ? readWorkingDirectory(dir, label, "'working-directory'") : null,
    },
    line: block.openLine,
  };
}
