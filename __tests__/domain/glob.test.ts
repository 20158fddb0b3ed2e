import { describe, expect, it } from '@jest/globals';
import { mustParse, parsePathGlob, selectedByGlobs, type PathGlob } from '../../src/domain/index.js';

const glob = (text: string): PathGlob => mustParse(parsePathGlob, text);
const problem = (text: string): string => {
  const parsed = parsePathGlob(text);
  if (parsed.ok) throw new Error(`'${text}' parsed`);
  return parsed.problem;
};
const matching = (text: string, paths: string[]) => paths.filter((p) => glob(text).matches(p));

describe('path globs', () => {
  it('match like a workflow paths filter: * within a folder, ** across folders, dot files included', () => {
    const paths = ['a.ts', 'x/a.ts', 'x/y/a.ts', 'a.tsx', '.eslintrc.ts', 'x/.a.ts', 'README.md'];
    expect(matching('*.ts', paths)).toEqual(['a.ts', '.eslintrc.ts']);
    expect(matching('**/*.ts', paths)).toEqual(['a.ts', 'x/a.ts', 'x/y/a.ts', '.eslintrc.ts', 'x/.a.ts']);
    expect(matching('x/**', paths)).toEqual(['x/a.ts', 'x/y/a.ts', 'x/.a.ts']);
    expect(matching('**', paths)).toEqual(paths);
    expect(matching('**/.github/**', ['.github/w.yml', 'a/.github/x', 'x.github/y'])).toEqual([
      '.github/w.yml',
      'a/.github/x',
    ]);
  });

  it('reads braces, ranges, classes and character sets', () => {
    expect(matching('src/*.{ts,js}', ['src/a.ts', 'src/a.js', 'src/a.py'])).toEqual(['src/a.ts', 'src/a.js']);
    expect(matching('v{1..3}/x', ['v1/x', 'v3/x', 'v4/x'])).toEqual(['v1/x', 'v3/x']);
    expect(matching('docs/[a-c]*.md', ['docs/a.md', 'docs/d.md'])).toEqual(['docs/a.md']);
    expect(matching('[[:digit:]]?', ['1a', 'ab'])).toEqual(['1a']);
    expect(matching('@(api|web)/**', ['api/x', 'web/y', 'worker/z'])).toEqual(['api/x', 'web/y']);
  });

  it('runs in linear time: a glob that backtracks for minutes in a JavaScript RegExp answers at once', () => {
    // picomatch's own RegExp for this glob takes minutes on 60 'a's (nested lazy stars).
    const evil = glob('**/*a*a*a*a*a*a*a*a*b');
    expect(evil.matches(`x/${'a'.repeat(5000)}`)).toBe(false);
    expect(evil.matches(`x/${'a'.repeat(20)}b`)).toBe(true);
  });

  it('a negated glob takes paths back out; the last glob that matches decides', () => {
    const globs = ['services/api/**', '!**/*.md', 'services/api/CHANGELOG.md'].map(glob);
    expect(globs[1]!.negated).toBe(true);
    expect(selectedByGlobs(globs, 'services/api/main.ts')).toBe(true);
    expect(selectedByGlobs(globs, 'services/api/README.md')).toBe(false);
    expect(selectedByGlobs(globs, 'services/api/CHANGELOG.md')).toBe(true);
    expect(selectedByGlobs(globs, 'web/main.ts')).toBe(false);
    expect(selectedByGlobs([], 'anything')).toBe(false);
  });

  it('refuses what is not a repository path glob, with a reason', () => {
    expect(problem('')).toBe('is empty');
    expect(problem('!')).toBe('is empty');
    expect(problem(' src/**')).toMatch(/space/);
    expect(problem('/src/**')).toMatch(/relative to the repository root/);
    expect(problem('src\\*.ts')).toMatch(/'\/' between folders/);
    expect(problem('../x/**')).toMatch(/'\.' or '\.\.' segment/);
    expect(problem('src/[a-')).toMatch(/is not a valid glob: Missing closing: "\]"/);
    expect(problem('src/(a')).toMatch(/is not a valid glob/);
    expect(problem('a/!(b)/c')).toMatch(/extglob negation/);
    expect(problem('x'.repeat(1025))).toMatch(/longer than 1024/);
  });
});
