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
import { ConfigError, Problems } from './config-error.js';
import { fencedBlocks, type MarkdownBlock } from './markdown-blocks.js';
import { DASHED_KEYS, readDefinition } from './run-options.js';
import type { CommandOptions } from './types.js';
import { readYaml } from './yaml-map.js';
import { describeYaml, type YamlLimits } from './yaml-safe.js';

export const PR_BODY_LANGUAGE = 'post-merge-smoke';
const BLOCK = `the \`\`\`${PR_BODY_LANGUAGE} block`;

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
 * messages, e.g. "PR #12 body". Throws ConfigError (the first problem).
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
  const p = new Problems(label);
  const root = readYaml(
    block.text,
    { lineOffset: block.lineOffset, columnOffset: block.columnOffset },
    p,
    limits,
  );
  p.throwFirst();
  if (!root || root.kind !== 'map') {
    const what = root ? `holds ${describeYaml(root)}` : 'is empty';
    throw new ConfigError(label, block.openLine, `${BLOCK} ${what}; expected 'command: <shell command>'.`);
  }
  const definition = readDefinition(root, { keys: DASHED_KEYS, where: BLOCK, field: (key) => `'${key}'` }, p);
  p.throwFirst();
  return { ...definition!, line: block.openLine };
}
