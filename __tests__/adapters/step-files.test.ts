// The step's runner files, kept while the smoke runs and put back after: on real files, with what a hostile
// smoke could put in their place (more lines, a rewrite, a symlink, a FIFO that would block a reader).
import { afterEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guardStepFiles, MAX_SMOKE_SUMMARY_BYTES } from '../../src/adapters/step-files.js';

const posix = process.platform === 'win32' ? it.skip : it;

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The runner's five files in a fresh folder, with `content` in each. */
function stepFiles(content: Partial<Record<string, string>> = {}): Record<string, string> {
  dir = mkdtempSync(join(tmpdir(), 'pms-step-files-'));
  const env: Record<string, string> = {};
  for (const name of ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY']) {
    env[name] = join(dir, `${name}.txt`);
    writeFileSync(env[name], content[name] ?? '');
  }
  return env;
}

describe('guardStepFiles', () => {
  it('puts back the file commands the smoke wrote to and names them', () => {
    const env = stepFiles({ GITHUB_OUTPUT: 'mode=run\n' });
    const guard = guardStepFiles(env);
    appendFileSync(env.GITHUB_OUTPUT, 'status=PASS\n');
    appendFileSync(env.GITHUB_ENV, 'INJECTED=1\n');
    writeFileSync(env.GITHUB_PATH, '/tmp/evil-bin\n');
    const change = guard.restore();
    expect(change).toEqual({
      changed: ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_PATH'],
      summary: null,
      failures: [],
    });
    expect(readFileSync(env.GITHUB_OUTPUT, 'utf8')).toBe('mode=run\n');
    expect(readFileSync(env.GITHUB_ENV, 'utf8')).toBe('');
    expect(readFileSync(env.GITHUB_PATH, 'utf8')).toBe('');
  });

  it('changes nothing and reports nothing when the smoke left the files alone', () => {
    const env = stepFiles({ GITHUB_STEP_SUMMARY: '# before\n' });
    expect(guardStepFiles(env).restore()).toEqual({ changed: [], summary: null, failures: [] });
    expect(readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8')).toBe('# before\n');
  });

  it('hands over what the smoke appended to the summary and leaves the summary as it was', () => {
    const env = stepFiles({ GITHUB_STEP_SUMMARY: '# before\n' });
    const guard = guardStepFiles(env);
    appendFileSync(env.GITHUB_STEP_SUMMARY, '## tests: 10 passed\n<!--\n');
    expect(guard.restore()).toEqual({
      changed: [],
      summary: { text: '## tests: 10 passed\n<!--\n', cut: false, rewritten: false },
      failures: [],
    });
    expect(readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8')).toBe('# before\n');
  });

  it("a rewritten summary is handed over whole, and a huge one is cut to leave room for the action's own section", () => {
    const env = stepFiles({ GITHUB_STEP_SUMMARY: '# before\n' });
    const guard = guardStepFiles(env);
    writeFileSync(env.GITHUB_STEP_SUMMARY, 'x'.repeat(MAX_SMOKE_SUMMARY_BYTES + 100));
    const { summary } = guard.restore();
    expect([summary?.rewritten, summary?.cut]).toEqual([true, true]);
    expect(summary?.text.length).toBeLessThanOrEqual(MAX_SMOKE_SUMMARY_BYTES + '# before\n'.length);
    expect(readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8')).toBe('# before\n');
  });

  posix("a symlink in a file's place is replaced by the file; its target is not touched", () => {
    const env = stepFiles();
    const guard = guardStepFiles(env);
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me\n');
    rmSync(env.GITHUB_ENV);
    symlinkSync(victim, env.GITHUB_ENV);
    expect(guard.restore().changed).toEqual(['GITHUB_ENV']);
    expect([lstatSync(env.GITHUB_ENV).isFile(), readFileSync(env.GITHUB_ENV, 'utf8')]).toEqual([true, '']);
    expect(readFileSync(victim, 'utf8')).toBe('keep me\n');
  });

  posix("a FIFO in a file's place neither blocks the action nor stays", () => {
    const env = stepFiles();
    const guard = guardStepFiles(env);
    rmSync(env.GITHUB_PATH);
    execFileSync('mkfifo', [env.GITHUB_PATH]);
    expect(guard.restore().changed).toEqual(['GITHUB_PATH']);
    expect(lstatSync(env.GITHUB_PATH).isFile()).toBe(true);
  });

  it('guards only the files the runner named', () => {
    const env = stepFiles();
    delete env.GITHUB_STATE;
    const guard = guardStepFiles(env);
    appendFileSync(join(dir, 'GITHUB_STATE.txt'), 'isPost=true\n');
    expect(guard.restore().changed).toEqual([]);
  });
});
