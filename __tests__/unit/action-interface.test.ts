// action.yml, the settings module and the README must describe the same interface.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readActionYml, renderReadme } from '../../scripts/action-docs.js';
import { INPUT_NAMES, OUTPUT_NAMES } from '../../src/settings.js';

const root = process.cwd();
const action = readActionYml(root);

describe('action.yml', () => {
  it('declares exactly the inputs the settings module reads, in order', () => {
    expect(Object.keys(action.inputs)).toEqual([...INPUT_NAMES]);
  });

  it('declares exactly the outputs the action sets, in order', () => {
    expect(Object.keys(action.outputs)).toEqual([...OUTPUT_NAMES]);
  });

  it('runs dist/index.js on node24 and gives every input a description', () => {
    const raw = readFileSync(join(root, 'action.yml'), 'utf8');
    expect(raw).toMatch(/using: 'node24'/);
    expect(raw).toMatch(/main: 'dist\/index.js'/);
    for (const [name, input] of Object.entries(action.inputs)) {
      expect([name, input.description.length > 20]).toEqual([name, true]);
      expect([name, input.required ?? false]).toEqual([name, false]);
    }
  });
});

describe('README.md', () => {
  it('carries the input and output tables generated from action.yml (run `npm run docs`)', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toBe(renderReadme(readme, action));
  });
});
