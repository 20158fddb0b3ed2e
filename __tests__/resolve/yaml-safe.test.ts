import { describe, expect, it } from '@jest/globals';
import { ConfigError, parseYamlSafe, type YMap, type YValue } from '../../src/resolve/index.js';

function parseError(text: string, lineOffset = 0, limits = {}): ConfigError {
  try {
    parseYamlSafe(text, { file: 'f.yml', lineOffset }, limits);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

const entry = (v: YValue | null, key: string) => (v as YMap).entries.find((e) => e.key === key)!;

describe('parseYamlSafe', () => {
  it('builds a position-carrying tree', () => {
    const root = parseYamlSafe('a: 1\nb:\n  c: [x, true, ~]\n', { file: 'f.yml' });
    expect(root?.kind).toBe('map');
    const b = entry(root, 'b');
    expect(b).toMatchObject({ line: 2, column: 1 });
    const c = entry(b.value, 'c');
    expect(c).toMatchObject({ line: 3, column: 3 });
    expect(c.value).toMatchObject({
      kind: 'seq',
      items: [
        { kind: 'scalar', value: 'x' },
        { kind: 'scalar', value: true },
        { kind: 'scalar', value: null },
      ],
    });
    expect(entry(root, 'a').value).toMatchObject({ kind: 'scalar', value: 1, line: 1, column: 4 });
  });

  it('returns null for an empty document', () => {
    expect(parseYamlSafe('# just a comment\n', { file: 'f.yml' })).toBeNull();
    expect(parseYamlSafe('', { file: 'f.yml' })).toBeNull();
  });

  it('shifts lines and columns into the enclosing file', () => {
    const root = parseYamlSafe('a:\n  b: 1\n', { file: 'doc.md', lineOffset: 10, columnOffset: 2 });
    expect(entry(entry(root, 'a').value, 'b')).toMatchObject({ line: 12, column: 5 });
  });

  it('reports malformed YAML with file, line and column', () => {
    const e = parseError('ok: 1\nlist: [1, 2\nnext: 3\n');
    expect(e.file).toBe('f.yml');
    expect(e.line).toBe(3);
    expect(e.column).toBe(1);
    expect(e.message).toMatch(/^f\.yml line 3, column 1: invalid YAML: /);
  });

  it('reports the line in the enclosing file when offset', () => {
    expect(parseError('a: "unterminated\n', 40).line).toBe(42);
  });

  it('refuses duplicate keys', () => {
    const e = parseError('a: 1\nb: 2\na: 3\n');
    expect(e.line).toBe(3);
    expect(e.detail).toMatch(/unique/i);
  });

  it('refuses several documents', () => {
    expect(parseError('a: 1\n---\nb: 2\n').line).toBe(2);
  });

  it('refuses custom and non-core tags', () => {
    expect(parseError('a: 1\nb: !foo x\n').line).toBe(2);
    const bin = parseError('a: !!binary aGVsbG8=\n');
    expect(bin.detail).toMatch(/tag .*binary.* is not allowed/);
    expect(parseYamlSafe('a: !!str 3\n', { file: 'f.yml' })).toMatchObject({
      entries: [{ key: 'a', value: { value: '3' } }],
    });
  });

  it('does not treat << as a merge key (YAML 1.2 core)', () => {
    const root = parseYamlSafe('base: &b {x: 1}\nuse:\n  <<: *b\n', { file: 'f.yml' });
    expect(entry(entry(root, 'use').value, '<<').value).toMatchObject({ kind: 'map' });
  });

  it('expands a few aliases', () => {
    const root = parseYamlSafe('a: &x hello\nb: *x\n', { file: 'f.yml' });
    expect(entry(root, 'b').value).toMatchObject({ kind: 'scalar', value: 'hello', line: 2 });
  });

  it('fails fast on an alias bomb ("billion laughs")', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = Date.now();
    const e = parseError(`${levels.join('\n')}\n`);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(e.detail).toMatch(/alias/i);
    expect(e.line).toBe(2);
  });

  it('refuses input over the size limit without parsing it', () => {
    const e = parseError(`a: "${'x'.repeat(300 * 1024)}"\n`);
    expect(e.line).toBeNull();
    expect(e.message).toMatch(/^f\.yml: file too large: \d+ bytes of YAML, the limit is 262144/);
    expect(parseError('a: 12345\n', 0, { maxBytes: 5 }).detail).toMatch(/file too large/);
  });

  it('refuses deep nesting before the recursive composer sees it', () => {
    // 100k nested flow sequences: fits the size cap, and has crashed node inside the composer.
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const e = parseError(deep);
    expect(e.detail).toMatch(/nested more than 64 levels/);
    expect(parseError(`${'- '.repeat(100)}x\n`).detail).toMatch(/nested/);
    expect(parseYamlSafe(`${'['.repeat(30)}${']'.repeat(30)}`, { file: 'f.yml' })?.kind).toBe('seq');
  });

  it('refuses non-string keys', () => {
    expect(parseError('? [a, b]\n: 1\n').detail).toMatch(/keys must be plain strings/);
  });
});
