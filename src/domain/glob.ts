// Path globs (a registry profile's `paths:`), matched against the repository paths a commit changed.
//
// picomatch reads the glob (`*`, `**`, `?`, `[a-z]`, `{a,b}`, `{1..3}`, POSIX classes, `@(a|b)`), with `dot`
// on: a change to `.github/x.yml` counts like any other. Its regular expression is then run on RE2, like
// every pattern that comes from a file (pattern.ts): picomatch's own JavaScript RegExp backtracks, and a
// glob such as `**/*a*a*a*a*a*a*a*b` takes minutes on a 60-character path; on RE2 it is linear.
// RE2 has no lookaround. The only lookarounds picomatch writes for these globs keep `*` and `**` from
// matching the path segments `.` and `..` and an empty name — none of which a git path can contain — so
// they are removed; a glob whose expression needs any other lookaround (an extglob negation `!(x)`) is
// refused when the registry is read.
//
// A list of globs reads like a workflow's `paths:` filter: a path is selected when the last glob that
// matches it is not negated (`!docs/**` after `**` takes the docs back out).
import picomatch from 'picomatch';
import { RE2JS } from 're2js';
import type { Parsed } from './values.js';

export interface PathGlob {
  /** The glob as written, `!` included. */
  readonly source: string;
  /** `!glob`: a path it matches is taken out of the selection. */
  readonly negated: boolean;
  /** Does the glob (without its `!`) match the whole of this repository path? */
  matches(path: string): boolean;
}

/** Longer than this is not a path glob. */
export const MAX_GLOB_LENGTH = 1024;

/** What picomatch writes around `*` and `**` (dot option on) that RE2 cannot run; see above. */
const GUARDS = ['(?!(?:^|\\/)\\.{1,2}(?:\\/|$))', '(?!\\.{1,2}(?:\\/|$))', '(?=.)'];
const LOOKAROUND = /\(\?<?[=!]/;

export function parsePathGlob(text: string): Parsed<PathGlob> {
  const negated = text.startsWith('!');
  const body = negated ? text.slice(1) : text;
  const problem = shapeProblem(body, text);
  if (problem) return { ok: false, problem };
  const compiled = compile(body);
  if (typeof compiled === 'string') return { ok: false, problem: compiled };
  return { ok: true, value: { source: text, negated, matches: (path) => compiled.testExact(path) } };
}

/** Repository paths are relative, with '/' between folders. */
function shapeProblem(body: string, text: string): string | null {
  if (text.length > MAX_GLOB_LENGTH) return `is longer than ${MAX_GLOB_LENGTH} characters`;
  if (body.trim() === '') return 'is empty';
  if (body !== body.trim()) return 'starts or ends with a space';
  if (body.startsWith('/')) return "starts with '/'; globs are relative to the repository root";
  if (body.includes('\\')) return "contains '\\'; paths use '/' between folders (and no escapes)";
  if (body.split('/').some((s) => s === '.' || s === '..')) return "has a '.' or '..' segment";
  return null;
}

function compile(body: string): RE2JS | string {
  let source: string;
  try {
    source = picomatch.makeRe(body, { dot: true, strictBrackets: true }).source;
  } catch (e) {
    return `is not a valid glob: ${(e as Error).message}`;
  }
  for (const guard of GUARDS) source = source.split(guard).join('');
  if (LOOKAROUND.test(source)) {
    return 'uses an extglob negation such as !(x), which cannot be matched in linear time; list the paths, or add a negated glob (!path) after it';
  }
  try {
    return RE2JS.compile(source);
  } catch (e) {
    return `is not a glob this action can match: ${(e as Error).message}`;
  }
}

/** Is `path` selected by the list: the last glob that matches it decides (a negated one deselects)? */
export function selectedByGlobs(globs: readonly PathGlob[], path: string): boolean {
  for (let i = globs.length - 1; i >= 0; i--) {
    const glob = globs[i]!;
    if (glob.matches(path)) return !glob.negated;
  }
  return false;
}
