// YAML parsing with limits, for files that come from a repository (registry, task files, PR bodies).
// Everything a hostile or broken file could do to us is bounded before it can hurt:
//   - size: more than `maxBytes` is refused unread;
//   - nesting: measured on the iterative CST parser *before* the recursive composer runs, so deeply
//     nested input ("[[[[…", "- - - - …") cannot exhaust the stack;
//   - aliases: `maxAliasCount` (the "billion laughs" guard of the yaml package) plus a node budget for our
//     own tree;
//   - duplicate keys, several documents, unknown or non-core tags (`!!binary`, `!foo`): refused.
// The result is a small position-carrying tree (YValue) so that validators can name the line of the key or
// value they reject. Lines and columns are 1-based and already shifted into the enclosing file (a fenced
// block inside Markdown reports the line in the Markdown file).
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  Parser,
  parseDocument,
  visit,
  type CST,
  type Document,
  type YAMLMap,
} from 'yaml';
import { ConfigError } from './config-error.js';

export interface YamlLimits {
  /** UTF-8 bytes of YAML text accepted. */
  maxBytes: number;
  /** Passed to yaml's toJS: more alias expansions than this fail (alias bombs). */
  maxAliasCount: number;
  /** Collection nesting depth accepted. */
  maxDepth: number;
  /** Nodes in the converted tree, aliases expanded. */
  maxNodes: number;
}

export const DEFAULT_YAML_LIMITS: YamlLimits = {
  maxBytes: 256 * 1024,
  maxAliasCount: 100,
  maxDepth: 64,
  maxNodes: 20_000,
};

/** Where a YAML text sits, for messages. */
export interface YamlOrigin {
  /** Repository path of the file, or a label such as "PR #12 body". */
  file: string;
  /** Lines before the YAML text starts in `file` (0 for a whole file; a fenced block's opening fence line). */
  lineOffset?: number;
  /** Columns removed in front of every line (a fenced block's indentation). */
  columnOffset?: number;
}

export interface YPos {
  /** 1-based line in the origin file. */
  line: number;
  /** 1-based column in the origin file. */
  column: number;
}
export interface YScalar extends YPos {
  kind: 'scalar';
  value: string | number | boolean | null;
}
export interface YEntry extends YPos {
  key: string;
  value: YValue;
}
export interface YMap extends YPos {
  kind: 'map';
  entries: YEntry[];
}
export interface YSeq extends YPos {
  kind: 'seq';
  items: YValue[];
}
export type YValue = YScalar | YMap | YSeq;

/** The core-schema tags a config file may spell out explicitly; anything else is refused. */
const ALLOWED_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`),
);

/**
 * Parses one YAML document. Returns null for an empty document (nothing but comments/whitespace).
 * Throws ConfigError (never anything else) for every problem, located in `origin.file`.
 */
export function parseYamlSafe(
  text: string,
  origin: YamlOrigin,
  limits: Partial<YamlLimits> = {},
): YValue | null {
  const lim = { ...DEFAULT_YAML_LIMITS, ...limits };
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > lim.maxBytes) {
    throw new ConfigError(
      origin.file,
      null,
      `file too large: ${bytes} bytes of YAML, the limit is ${lim.maxBytes}.`,
    );
  }
  const at = new Locator(text, origin);
  const tooDeep = deepestOffset(text, lim.maxDepth);
  if (tooDeep !== null) at.fail(tooDeep, `YAML nested more than ${lim.maxDepth} levels deep.`);
  const doc = compose(text, at);
  const firstAlias = refuseTagsFindAlias(doc, at);
  if (firstAlias !== undefined) refuseAliasBomb(doc, lim.maxAliasCount, firstAlias, at);
  if (doc.contents === null) return null;
  return new TreeBuilder(doc, lim, at, firstAlias).value(doc.contents, null, 0);
}

/** Offsets in the YAML text → 1-based lines and columns in the origin file, and errors placed there. */
class Locator {
  private readonly starts = [0];

  constructor(
    text: string,
    private readonly origin: YamlOrigin,
  ) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get file(): string {
    return this.origin.file;
  }

  pos(offset: number): YPos {
    const { starts } = this;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return {
      line: lo + 1 + (this.origin.lineOffset ?? 0),
      column: offset - starts[lo]! + 1 + (this.origin.columnOffset ?? 0),
    };
  }

  fail(offset: number | undefined, detail: string): never {
    const pos = this.pos(offset ?? 0);
    throw new ConfigError(this.origin.file, pos.line, detail, pos.column);
  }
}

/** The yaml package's document, strict: one document, unique keys, YAML 1.2 core schema, no merge keys. */
function compose(text: string, at: Locator): Document.Parsed {
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, {
      prettyErrors: false,
      uniqueKeys: true,
      schema: 'core',
      merge: false,
      strict: true,
      version: '1.2',
    });
  } catch (e) {
    // The composer is not expected to throw; if it does, the file is still just invalid.
    throw new ConfigError(at.file, null, `invalid YAML: ${(e as Error).message}`);
  }
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) at.fail(problem.pos[0], `invalid YAML: ${firstLine(problem.message)}`);
  return doc;
}

/** Refuses tags outside the core schema; returns the offset of the first alias, if any. */
function refuseTagsFindAlias(doc: Document.Parsed, at: Locator): number | undefined {
  let firstAlias: number | undefined;
  visit(doc, {
    Alias(_, node) {
      firstAlias ??= node.range?.[0];
    },
    Node(_, node) {
      if (node.tag !== undefined && !ALLOWED_TAGS.has(node.tag)) {
        at.fail(node.range?.[0], `YAML tag ${node.tag} is not allowed (only plain core-schema values).`);
      }
    },
  });
  return firstAlias;
}

/** The yaml package's own "billion laughs" guard, run before our tree expands any alias. */
function refuseAliasBomb(doc: Document.Parsed, maxAliasCount: number, firstAlias: number, at: Locator): void {
  try {
    doc.toJS({ maxAliasCount });
  } catch (e) {
    at.fail(
      firstAlias,
      `YAML aliases expand too much (more than ${maxAliasCount} alias uses; ${firstLine((e as Error).message)}).`,
    );
  }
}

/** The yaml package's nodes → our position-carrying tree, within the node budget and the depth limit. */
class TreeBuilder {
  private budget: number;

  constructor(
    private readonly doc: Document.Parsed,
    private readonly lim: YamlLimits,
    private readonly at: Locator,
    private readonly firstAlias: number | undefined,
  ) {
    this.budget = lim.maxNodes;
  }

  /** `pos`: where an alias was used (an expanded alias reports the place of use, not of the anchor). */
  value(node: unknown, pos: YPos | null, depth: number): YValue {
    if (--this.budget < 0) {
      this.at.fail(this.firstAlias, `YAML has more than ${this.lim.maxNodes} values (aliases expanded).`);
    }
    if (depth > this.lim.maxDepth) {
      this.at.fail(rangeStart(node), `YAML nested more than ${this.lim.maxDepth} levels deep.`);
    }
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (!target) this.at.fail(rangeStart(node), `YAML alias *${node.source} has no anchor.`);
      return this.value(target, pos ?? this.at.pos(rangeStart(node) ?? 0), depth);
    }
    const here = pos ?? this.at.pos(rangeStart(node) ?? 0);
    if (isScalar(node)) return this.scalar(node.value, here, node);
    if (isMap(node)) return this.map(node, here, depth);
    if (isSeq(node)) {
      return { kind: 'seq', items: node.items.map((item) => this.value(item, null, depth + 1)), ...here };
    }
    return this.at.fail(rangeStart(node), 'unsupported YAML node.');
  }

  private scalar(v: unknown, pos: YPos, node: unknown): YScalar {
    if (v === null || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') {
      return { kind: 'scalar', value: v, ...pos };
    }
    return this.at.fail(rangeStart(node), 'unsupported YAML value.');
  }

  private map(node: YAMLMap, pos: YPos, depth: number): YMap {
    const entries: YEntry[] = [];
    for (const pair of node.items) {
      let key: unknown = pair.key;
      if (isAlias(key)) key = key.resolve(this.doc);
      const keyPos = this.at.pos(rangeStart(key) ?? rangeStart(node) ?? 0);
      if (!isScalar(key) || key.value === null || typeof key.value === 'object') {
        return this.at.fail(rangeStart(key) ?? rangeStart(node), 'mapping keys must be plain strings.');
      }
      const value: YValue =
        pair.value === null || pair.value === undefined
          ? { kind: 'scalar', value: null, ...keyPos }
          : this.value(pair.value, null, depth + 1);
      entries.push({ key: String(key.value), value, ...keyPos });
    }
    return { kind: 'map', entries, ...pos };
  }
}

/** "a mapping", "a list", "the string 'x'", "the number 3", "true", "null": for messages. */
export function describeYaml(v: YValue): string {
  if (v.kind === 'map') return 'a mapping';
  if (v.kind === 'seq') return 'a list';
  if (v.value === null) return 'null';
  if (typeof v.value === 'string') return `the string '${truncate(v.value, 60)}'`;
  if (typeof v.value === 'number') return `the number ${v.value}`;
  return String(v.value);
}

function truncate(s: string, n: number): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: readonly number[] } | null | undefined)?.range;
  return range?.[0];
}

/**
 * Offset of the first collection nested deeper than `maxDepth`, or null. Runs the CST parser, which is a
 * state machine (no recursion), and walks its tokens with an explicit stack.
 */
function deepestOffset(text: string, maxDepth: number): number | null {
  try {
    for (const token of new Parser().parse(text)) {
      const stack: Array<[CST.Token, number]> = [[token, 0]];
      while (stack.length > 0) {
        const [t, depth] = stack.pop()!;
        if (depth > maxDepth) return t.offset;
        if (t.type === 'document' && t.value) stack.push([t.value, depth]);
        if (t.type === 'block-scalar') continue;
        if ('items' in t) {
          for (const item of t.items) {
            if (item.key) stack.push([item.key, depth + 1]);
            if (item.value) stack.push([item.value, depth + 1]);
          }
        }
      }
    }
  } catch {
    // The composer will report whatever the CST parser choked on.
  }
  return null;
}
