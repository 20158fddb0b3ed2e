// Finds YAML-carrying regions in Markdown: the front matter and fenced code blocks. Not a Markdown parser;
// just enough of CommonMark's fence rules to find the blocks the way a reader sees them:
//   - a fence is a line of 3+ backticks or 3+ tildes; the first word of its info string is the language;
//   - it closes at a line of the same character, at least as long, with nothing else on it; an unclosed
//     fence runs to the end of the file;
//   - every fence is tracked (not only the ones we want), so a ```yaml line quoted inside a ````markdown
//     block is not mistaken for a block;
//   - fences may be indented (list items); that indentation is removed from the block's lines.
// Front matter is a `---` first line up to the next `---` or `...` line.

export interface MarkdownBlock {
  kind: 'front-matter' | 'fence';
  /** Lower-cased first word of the info string ('' for front matter or a bare fence). */
  language: string;
  /** The block's content lines, indentation removed, joined with '\n'. */
  text: string;
  /** 1-based line of the opening `---` / fence in the Markdown file. */
  openLine: number;
  /** Lines before the first content line (add to a 1-based line inside `text` to get the file line). */
  lineOffset: number;
  /** Indentation removed from each content line. */
  columnOffset: number;
}

const FENCE_OPEN = /^([ \t]*)(`{3,}|~{3,})(.*)$/;

export function splitLines(markdown: string): string[] {
  return markdown
    .replace(/^\uFEFF/, '')
    .split('\n')
    .map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** The front matter, or null when the file does not start with a closed `---` block. */
export function frontMatter(markdown: string): MarkdownBlock | null {
  const lines = splitLines(markdown);
  const end = frontMatterEnd(lines);
  if (end === null) return null;
  return {
    kind: 'front-matter',
    language: '',
    text: lines.slice(1, end).join('\n'),
    openLine: 1,
    lineOffset: 1,
    columnOffset: 0,
  };
}

/** Index of the line closing the front matter, or null when there is none. */
function frontMatterEnd(lines: readonly string[]): number | null {
  if (lines.length === 0 || lines[0]!.trimEnd() !== '---') return null;
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i]!.trimEnd();
    if (l === '---' || l === '...') return i;
  }
  return null;
}

/** Every fenced block, in order (front matter excluded). */
export function fencedBlocks(markdown: string): MarkdownBlock[] {
  const lines = splitLines(markdown);
  const blocks: MarkdownBlock[] = [];
  for (let i = (frontMatterEnd(lines) ?? -1) + 1; i < lines.length; i++) {
    const open = FENCE_OPEN.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const fence = open[2]!;
    const info = open[3]!.trim();
    if (fence[0] === '`' && info.includes('`')) continue; // inline code, not a fence
    const closing = new RegExp(`^[ \\t]*${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
    const content: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !closing.test(lines[j]!); j++) {
      content.push(stripIndent(lines[j]!, indent));
    }
    blocks.push({
      kind: 'fence',
      language: (info.split(/\s+/)[0] ?? '').toLowerCase(),
      text: content.join('\n'),
      openLine: i + 1,
      lineOffset: i + 1,
      columnOffset: indent,
    });
    i = j; // the closing fence (or the end)
  }
  return blocks;
}

function stripIndent(line: string, indent: number): string {
  let k = 0;
  while (k < indent && k < line.length && (line[k] === ' ' || line[k] === '\t')) k++;
  return line.slice(k);
}
