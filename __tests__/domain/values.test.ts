import { describe, expect, it } from '@jest/globals';
import {
  parseBranchName,
  parsePattern,
  parsePrNumber,
  parseProfileName,
  parseRefName,
  parseRemoteName,
  parseRepoDir,
  parseRepoPath,
  parseRepository,
  parseSha,
  parseTaskId,
  type Parsed,
} from '../../src/domain/index.js';

const value = <T>(p: Parsed<T>): T | string => (p.ok ? p.value : `problem: ${p.problem}`);

describe('domain values', () => {
  it('a SHA is 40 hex digits in any case and always lower case once parsed', () => {
    expect(value(parseSha('ABCDEF0123456789abcdef0123456789ABCDEF01'))).toBe(
      'abcdef0123456789abcdef0123456789abcdef01',
    );
    for (const bad of ['abc', 'g'.repeat(40), ' ' + 'a'.repeat(40), 'a'.repeat(41)]) {
      expect(value(parseSha(bad))).toMatch(/^problem: is not a full 40-hex commit SHA/);
    }
  });

  it('git names can never read as an option or a range', () => {
    expect(value(parseBranchName('refs/heads/release/1.x'))).toBe('release/1.x');
    for (const bad of ['-x', '--upload-pack=evil', 'a..b', 'a b', 'x.lock', 'a~1', 'a^', 'a:b', '', 'a\nb']) {
      expect(value(parseBranchName(bad))).toMatch(/^problem: is not a git ref name/);
      expect(value(parseRefName(bad))).toMatch(/^problem: is not a git ref name/);
    }
  });

  it('a remote is a name, a path or a URL, never an option', () => {
    for (const good of ['origin', '.', '../origin.git', 'https://github.com/o/r.git']) {
      expect(value(parseRemoteName(good))).toBe(good);
    }
    for (const bad of ['--upload-pack=x', '', 'a b', 'a\nb']) {
      expect(value(parseRemoteName(bad))).toMatch(/^problem: is not a git remote/);
    }
  });

  it('task ids and profile names have one rule each', () => {
    expect(value(parseTaskId('task-2509+2'))).toBe('task-2509+2');
    expect(value(parseTaskId('../etc'))).toMatch(/may only use letters/);
    expect(value(parseTaskId('.hidden'))).toMatch(/must not start with '.'/);
    expect(value(parseProfileName('web.full_2'))).toBe('web.full_2');
    expect(value(parseProfileName('a+b'))).toMatch(/is not a profile name/);
  });

  it('repository paths stay inside the repository, in normal form', () => {
    expect(value(parseRepoPath('./.github//post-merge-smoke.yml'))).toBe('.github/post-merge-smoke.yml');
    for (const bad of ['/etc/passwd', '../x', 'a/../../x', 'C:/x', 'a\\b', 'a\0b', '', 'dir/', '.', '~/x']) {
      expect(value(parseRepoPath(bad))).toMatch(/^problem: /);
    }
    expect(value(parseRepoDir('services/api'))).toBe('services/api');
    expect(value(parseRepoDir('.'))).toBe('.');
    expect(value(parseRepoDir('..\\up'))).toMatch(/inside the repository/);
  });

  it('repositories and pull request numbers', () => {
    expect(value(parseRepository('octo/repo'))).toBe('octo/repo');
    expect(value(parseRepository('octo/../x'))).toMatch(/owner\/name/);
    expect(value(parsePrNumber('42'))).toBe(42);
    expect(value(parsePrNumber('0'))).toMatch(/not a pull request number/);
    expect(value(parsePrNumber('1e3'))).toMatch(/not a pull request number/);
  });
});

describe('user patterns (RE2)', () => {
  it('match in linear time: a catastrophic pattern on a long line returns at once', () => {
    const p = parsePattern('(a+)+$');
    if (!p.ok) throw new Error(p.problem);
    // With a backtracking engine this input takes longer than the test timeout.
    expect(p.value.test('a'.repeat(100_000) + 'b')).toBe(false);
    expect(p.value.replaceAll('aaa', '*')).toBe('*');
  });

  it('refuses lookaround and backreferences with a message that says why', () => {
    for (const source of ['a(?=b)', '(?<!x)y', '(a)\\1']) {
      const p = parsePattern(source);
      expect(p.ok ? 'accepted' : p.problem).toMatch(/linear time: lookaround and backreferences/);
    }
  });

  it('full matches, all matches, non-empty replacements', () => {
    const p = parsePattern('task-[0-9]+');
    if (!p.ok) throw new Error(p.problem);
    expect(p.value.fullMatch('task-12')).toBe(true);
    expect(p.value.fullMatch('xtask-12')).toBe(false);
    expect(p.value.matches('task-1 and task-22')).toEqual([
      { index: 0, text: 'task-1' },
      { index: 11, text: 'task-22' },
    ]);
    const empty = parsePattern('x*');
    if (!empty.ok) throw new Error(empty.problem);
    expect(empty.value.replaceAll('abxxc', '#')).toBe('ab#c');
  });
});
