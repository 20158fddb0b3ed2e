// The README's input and output tables are generated from action.yml, so they cannot drift.
// `npm run docs` rewrites them between the markers; __tests__/unit/action-interface.test.ts fails when stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

interface ActionYml {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
}

export const INPUTS_BEGIN = '<!-- inputs:begin (generated from action.yml by `npm run docs`) -->';
export const INPUTS_END = '<!-- inputs:end -->';
export const OUTPUTS_BEGIN = '<!-- outputs:begin (generated from action.yml by `npm run docs`) -->';
export const OUTPUTS_END = '<!-- outputs:end -->';

export function readActionYml(root: string): ActionYml {
  return parse(readFileSync(join(root, 'action.yml'), 'utf8')) as ActionYml;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (text: string) => (text === '' ? '' : `\`${text.replace(/`/g, "'")}\``);

export function inputsTable(action: ActionYml): string {
  const rows = Object.entries(action.inputs).map(
    ([name, i]) => `| \`${name}\` | ${cell(code(i.default ?? ''))} | ${cell(i.description)} |`,
  );
  return ['| input | default | description |', '|---|---|---|', ...rows].join('\n');
}

export function outputsTable(action: ActionYml): string {
  const rows = Object.entries(action.outputs).map(([name, o]) => `| \`${name}\` | ${cell(o.description)} |`);
  return ['| output | description |', '|---|---|', ...rows].join('\n');
}

export function renderReadme(readme: string, action: ActionYml): string {
  const replace = (text: string, begin: string, end: string, body: string) => {
    const a = text.indexOf(begin);
    const b = text.indexOf(end);
    if (a < 0 || b < a) throw new Error(`README.md lacks the markers ${begin} … ${end}`);
    return `${text.slice(0, a + begin.length)}\n${body}\n${text.slice(b)}`;
  };
  return replace(
    replace(readme, INPUTS_BEGIN, INPUTS_END, inputsTable(action)),
    OUTPUTS_BEGIN,
    OUTPUTS_END,
    outputsTable(action),
  );
}

if (process.argv[1] && process.argv[1].endsWith('action-docs.ts')) {
  const root = join(import.meta.dirname, '..');
  const path = join(root, 'README.md');
  writeFileSync(path, renderReadme(readFileSync(path, 'utf8'), readActionYml(root)));
  console.log('README.md tables regenerated from action.yml');
}
