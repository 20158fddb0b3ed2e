// Regular expressions that come from users (`task-id-pattern`, `redact-patterns`) run on RE2 (re2js: RE2
// in pure JavaScript), whose matching time is linear in the input whatever the pattern: `(a+)+$` against a
// long line of `a`s cannot block the event loop the way it does with JavaScript's backtracking RegExp.
// The price is RE2's syntax: no lookaround and no backreferences (both need backtracking); a pattern that
// uses them is refused when the input is read, with a message that says so.
import { RE2JS } from 're2js';
import type { Parsed } from './values.js';

/** One match: where it starts (UTF-16 index) and its text. */
export interface PatternMatch {
  index: number;
  text: string;
}

export interface Pattern {
  /** The pattern as the user wrote it. */
  readonly source: string;
  /** Does any part of `text` match? */
  test(text: string): boolean;
  /** Does the whole of `text` match (the user's pattern is not anchored)? */
  fullMatch(text: string): boolean;
  /** Every non-overlapping, non-empty match, in order. */
  matches(text: string): PatternMatch[];
  /** `text` with every non-empty match replaced by `replacement` (taken literally). */
  replaceAll(text: string, replacement: string): string;
}

class Re2Pattern implements Pattern {
  constructor(
    readonly source: string,
    private readonly re: RE2JS,
  ) {}

  test(text: string): boolean {
    return this.re.test(text);
  }

  fullMatch(text: string): boolean {
    return this.re.testExact(text);
  }

  matches(text: string): PatternMatch[] {
    const found: PatternMatch[] = [];
    for (const m of this.re.matchAll(text)) {
      if (m[0] !== '') found.push({ index: m.index ?? 0, text: m[0] });
    }
    return found;
  }

  replaceAll(text: string, replacement: string): string {
    if (!this.re.test(text)) return text;
    let out = '';
    let last = 0;
    for (const m of this.matches(text)) {
      out += text.slice(last, m.index) + replacement;
      last = m.index + m.text.length;
    }
    return out + text.slice(last);
  }
}

/** Compiles a user's pattern for RE2; the problem names what RE2 refused. */
export function parsePattern(source: string): Parsed<Pattern> {
  if (source === '') return { ok: false, problem: 'is empty' };
  try {
    return { ok: true, value: new Re2Pattern(source, RE2JS.compile(source)) };
  } catch (e) {
    const detail = (e instanceof Error ? e.message : String(e)).replace(/^error parsing regexp: /, '');
    const hint = /\(\?<?[=!]|\\[1-9]|\\k</.test(source)
      ? ' (patterns run on RE2, in linear time: lookaround and backreferences are not available)'
      : '';
    return { ok: false, problem: `is not a valid regular expression: ${detail}${hint}` };
  }
}
