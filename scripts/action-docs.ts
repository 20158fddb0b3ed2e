// action.yml and the README's input and output tables are generated from the inputs and outputs tables
// (src/settings), so they cannot drift. `npm run docs` rewrites them; __tests__/unit/action-interface.test.ts
// fails when either is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { INPUTS, OUTPUTS } from '../src/settings/index.js';

export const INPUTS_BEGIN = '<!-- inputs:begin (generated from src/settings/inputs.ts by `npm run docs`) -->';
export const INPUTS_END = '<!-- inputs:end -->';
export const OUTPUTS_BEGIN =
  '<!-- outputs:begin (generated from src/settings/outputs.ts by `npm run docs`) -->';
export const OUTPUTS_END = '<!-- outputs:end -->';

const HEADER = {
  name: 'post-merge-smoke',
  description:
    'Smoke-test main right after a merge: prove the SHA is still the head, run the trusted smoke command, escalate a failure as Critical #7.',
  author: 'post-merge-smoke maintainers',
  branding: { icon: 'shield', color: 'red' },
};

export function renderActionYml(): string {
  const inputs = Object.fromEntries(
    INPUTS.map((row) => [row.name, { description: row.description, required: false, default: row.default }]),
  );
  const outputs = Object.fromEntries(OUTPUTS.map((row) => [row.name, { description: row.description }]));
  const doc = { ...HEADER, inputs, outputs, runs: { using: 'node24', main: 'dist/index.js' } };
  const body = stringify(doc, { lineWidth: 0, defaultStringType: 'QUOTE_SINGLE', defaultKeyType: 'PLAIN' });
  return `# Generated from src/settings (the inputs and outputs tables) by \`npm run docs\`: edit those, not this.\n${body}`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (text: string) => (text === '' ? '' : `\`${text.replace(/`/g, "'")}\``);

export function inputsTable(): string {
  const rows = INPUTS.map((row) => {
    const flag = row.cli ? code(`--${row.name}${row.cli.arg ? ` ${row.cli.arg}` : ''}`) : '—';
    return `| \`${row.name}\` | ${cell(code(row.default))} | ${cell(flag)} | ${cell(row.description)} |`;
  });
  return ['| input | default | CLI flag | description |', '|---|---|---|---|', ...rows].join('\n');
}

export function outputsTable(): string {
  const rows = OUTPUTS.map((row) => `| \`${row.name}\` | ${cell(row.description)} |`);
  return ['| output | description |', '|---|---|', ...rows].join('\n');
}

export function renderReadme(readme: string): string {
  const replace = (text: string, begin: string, end: string, body: string) => {
    const a = text.indexOf(begin);
    const b = text.indexOf(end);
    if (a < 0 || b < a) throw new Error(`README.md lacks the markers ${begin} … ${end}`);
    return `${text.slice(0, a + begin.length)}\n${body}\n${text.slice(b)}`;
  };
  return replace(
    replace(readme, INPUTS_BEGIN, INPUTS_END, inputsTable()),
    OUTPUTS_BEGIN,
    OUTPUTS_END,
    outputsTable(),
  );
}

if (process.argv[1] && process.argv[1].endsWith('action-docs.ts')) {
  const root = join(import.meta.dirname, '..');
  writeFileSync(join(root, 'action.yml'), renderActionYml());
  const readme = join(root, 'README.md');
  writeFileSync(readme, renderReadme(readFileSync(readme, 'utf8')));
  console.log('action.yml and the README tables regenerated from src/settings');
}
