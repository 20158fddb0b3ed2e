// action.yml and the README are generated from the inputs and outputs tables: they must not drift.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { renderActionYml, renderReadme } from '../../scripts/action-docs.js';
import { INPUTS, INPUT_NAMES, OUTPUT_NAMES, defaultInputs } from '../../src/settings/index.js';

const root = process.cwd();
const actionYml = readFileSync(join(root, 'action.yml'), 'utf8');
const action = parse(actionYml) as {
  inputs: Record<string, { description: string; default: string; required: boolean }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};

describe('action.yml', () => {
  it('is what the tables generate (run `npm run docs`)', () => {
    expect(actionYml).toBe(renderActionYml());
  });

  it('declares exactly the inputs and outputs of the tables, in order, with their defaults', () => {
    expect(Object.keys(action.inputs)).toEqual(INPUT_NAMES);
    expect(Object.keys(action.outputs)).toEqual(OUTPUT_NAMES);
    const defaults = defaultInputs();
    for (const [name, input] of Object.entries(action.inputs)) {
      expect([name, input.default]).toEqual([name, defaults[name as keyof typeof defaults]]);
    }
  });

  it('runs dist/index.js on node24; every input optional and described', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    for (const row of INPUTS) {
      expect([row.name, row.description.length > 20]).toEqual([row.name, true]);
      expect([row.name, action.inputs[row.name]!.required]).toEqual([row.name, false]);
    }
  });
});

describe('README.md', () => {
  it('carries the input and output tables generated from the tables (run `npm run docs`)', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toBe(renderReadme(readme));
  });
});
