import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, fencedBlocks, frontMatter, parseTaskFile } from '../../src/resolve/index.js';

const FILE = 'memory/tasks/task-2512.md';
const SEED_STYLE = readFileSync(join(process.cwd(), '__tests__/resolve/fixtures/task-2512.md'), 'utf8');

function taskFileError(markdown: string): ConfigError {
  try {
    parseTaskFile(markdown, FILE);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('parseTaskFile', () => {
  it('finds smoke_command among the unrelated yaml blocks of a seed-style task file', () => {
    const spec = parseTaskFile(SEED_STYLE, FILE);
    const expectedLine = SEED_STYLE.split('\n').findIndex((l) => l.startsWith('smoke_command:')) + 1;
    expect(expectedLine).toBeGreaterThan(1);
    expect(spec).toEqual({
      kind: 'command',
      key: 'smoke_command',
      command: 'PYTHONPATH=. pytest tests/regression/test_post_merge_smoke_runner_2512.py -q',
      options: { timeoutSeconds: null, shell: null, workingDirectory: null },
      line: expectedLine,
    });
    // The fixture really is in the seed's style: several yaml blocks, most without smoke keys.
    expect(fencedBlocks(SEED_STYLE).filter((b) => b.language === 'yaml').length).toBeGreaterThanOrEqual(3);
  });

  it('returns null for the original seed (no smoke definition in any block)', () => {
    const seed = readFileSync('/work/shared/seeds/000_01ea614a412c436d.txt', 'utf8');
    expect(parseTaskFile(seed, FILE)).toBeNull();
  });

  it('reads smoke_command from the front matter', () => {
    const md = lines(
      '---',
      'title: x',
      'smoke_command: make smoke',
      '---',
      '# Task',
      '',
      '```yaml',
      'a: 1',
      '```',
    );
    expect(parseTaskFile(md, FILE)).toMatchObject({ kind: 'command', command: 'make smoke', line: 3 });
    expect(frontMatter(md)?.text).toBe('title: x\nsmoke_command: make smoke');
  });

  it('reads smoke_profile', () => {
    const md = lines('# T', '', '```yml', 'smoke_profile: api', '```');
    expect(parseTaskFile(md, FILE)).toEqual({
      kind: 'profile',
      key: 'smoke_profile',
      profile: 'api',
      line: 4,
    });
  });

  it('reads the post_merge_smoke object with its options', () => {
    const md = lines(
      '# T',
      '```yaml',
      'post_merge_smoke:',
      '  command: |',
      '    npm ci',
      '    npm run smoke',
      '  timeout_seconds: 120',
      '  shell: sh',
      '  working_directory: services/api',
      '```',
    );
    expect(parseTaskFile(md, FILE)).toEqual({
      kind: 'command',
      key: 'post_merge_smoke',
      command: 'npm ci\nnpm run smoke',
      options: { timeoutSeconds: 120, shell: 'sh', workingDirectory: 'services/api' },
      line: 3,
    });
  });

  it('validates the post_merge_smoke object', () => {
    const unknown = taskFileError(
      lines('```yaml', 'post_merge_smoke:', '  command: x', '  timeout: 5', '```'),
    );
    expect(unknown.line).toBe(4);
    expect(unknown.detail).toMatch(/unknown key 'timeout' in 'post_merge_smoke'/);
    expect(taskFileError(lines('```yaml', 'post_merge_smoke:', '  shell: sh', '```')).detail).toMatch(
      /no 'command'/,
    );
    expect(taskFileError(lines('```yaml', 'post_merge_smoke: make', '```')).detail).toMatch(
      /must be a mapping/,
    );
    const dir = taskFileError(
      lines('```yaml', 'post_merge_smoke:', '  command: x', '  working_directory: ../up', '```'),
    );
    expect(dir.line).toBe(4);
  });

  it('reports malformed YAML in a relevant block with the line in the Markdown file', () => {
    const md = lines(
      '# Task', // 1
      '', // 2
      '```yaml', // 3
      'expected_files: [a]', // 4
      '```', // 5
      '', // 6
      'Smoke:', // 7
      '', // 8
      '```yaml', // 9
      'smoke_command: "make smoke', // 10
      'other: 1', // 11
      '```', // 12
    );
    const e = taskFileError(md);
    expect(e.file).toBe(FILE);
    expect(e.line).toBe(11);
    expect(e.message).toMatch(/^memory\/tasks\/task-2512\.md line 11, column \d+: invalid YAML/);
    const reserved = taskFileError(lines('# T', '```yaml', 'a: 1', 'smoke_command: x', 'b: @bad', '```'));
    expect([reserved.line, reserved.column]).toEqual([5, 4]);
    const indented = taskFileError(lines('- item', '  ```yaml', '  smoke_command: x', '  b: @bad', '  ```'));
    expect([indented.line, indented.column]).toEqual([4, 6]);
  });

  it('ignores a malformed block that does not mention a smoke key', () => {
    const md = lines('```yaml', 'expected_files: [a', '```', '```yaml', 'smoke_command: make', '```');
    expect(parseTaskFile(md, FILE)).toMatchObject({ command: 'make', line: 5 });
  });

  it('refuses conflicting definitions, naming both lines', () => {
    const md = lines(
      '```yaml',
      'smoke_command: make a',
      '```',
      'text',
      '```yaml',
      'smoke_command: make b',
      '```',
    );
    const e = taskFileError(md);
    expect(e.line).toBe(6);
    expect(e.detail).toMatch(/line 2 has smoke_command 'make a', line 6 has smoke_command 'make b'/);
    const mixed = taskFileError(lines('```yaml', 'smoke_command: make', 'smoke_profile: api', '```'));
    expect(mixed.detail).toMatch(/line 2 .* line 3 has smoke_profile 'api'/);
  });

  it('accepts the same definition repeated', () => {
    const md = lines('---', 'smoke_command: make', '---', '```yaml', 'smoke_command: make', '```');
    expect(parseTaskFile(md, FILE)).toMatchObject({ command: 'make', line: 2 });
  });

  it('treats smoke_command: null as no definition', () => {
    expect(parseTaskFile(lines('```yaml', 'smoke_command: ~', '```'), FILE)).toBeNull();
    expect(parseTaskFile(lines('```yaml', 'smoke_command:', 'x: 1', '```'), FILE)).toBeNull();
  });

  it('refuses wrong value types', () => {
    expect(taskFileError(lines('```yaml', 'smoke_command: 42', '```')).detail).toMatch(/must be a string/);
    expect(taskFileError(lines('```yaml', 'smoke_profile: "a b"', '```')).detail).toMatch(/profile name/);
  });

  it('only reads yaml/yml fences, and not fences quoted inside other fences', () => {
    const md = lines(
      '````markdown',
      '```yaml',
      'smoke_command: quoted example',
      '```',
      '````',
      '```json',
      '{"smoke_command": "json"}',
      '```',
      '```',
      'smoke_command: bare fence',
      '```',
      '~~~YAML',
      'smoke_command: tilde',
      '~~~',
    );
    expect(parseTaskFile(md, FILE)).toMatchObject({ command: 'tilde', line: 13 });
  });

  it('reads an indented fence (inside a list item)', () => {
    const md = lines('- step one', '', '  ```yaml', '  smoke_command: make', '  ```');
    expect(parseTaskFile(md, FILE)).toMatchObject({ command: 'make', line: 4 });
  });

  it('only reads top-level keys of a block', () => {
    expect(parseTaskFile(lines('```yaml', 'meta:', '  smoke_command: nested', '```'), FILE)).toBeNull();
    expect(parseTaskFile(lines('```yaml', '- smoke_command: in a list', '```'), FILE)).toBeNull();
  });

  it('refuses an oversized file', () => {
    const md = `# big\n\n${'x'.repeat(300 * 1024)}\n`;
    const e = taskFileError(md);
    expect(e.line).toBeNull();
    expect(e.message).toMatch(/^memory\/tasks\/task-2512\.md: file too large/);
  });

  it('fails fast on an alias bomb in a relevant block', () => {
    const levels = ['a: &a [x,x,x,x,x,x,x,x,x,x]'];
    for (let i = 1; i < 9; i++) {
      levels.push(
        `${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(10)
          .fill(`*${'abcdefghij'[i - 1]}`)
          .join(',')}]`,
      );
    }
    const md = lines('# T', '```yaml', 'smoke_command: make', ...levels, '```');
    const started = Date.now();
    const e = taskFileError(md);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(e.detail).toMatch(/alias/);
    expect(e.line).toBe(5);
  });

  it('handles CRLF line endings', () => {
    const md = '# T\r\n\r\n```yaml\r\nsmoke_command: make smoke\r\n```\r\n';
    expect(parseTaskFile(md, FILE)).toMatchObject({ command: 'make smoke', line: 4 });
  });
});
