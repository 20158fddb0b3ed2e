// The small parsers the inputs table is built from. Each turns the raw text of one input (already defaulted
// by the table) into a typed value or a problem phrase; the table's reader adds who said it ("Input
// 'retries' is '1.5'; …" or "--retries is '1.5'; …"). An empty text means "not given" unless a parser says
// otherwise.
import { parsePattern, type Parsed, type Pattern } from '../domain/index.js';
import type { RunnerContext } from './context.js';

export type InputParser<T> = (raw: string, ctx: RunnerContext) => Parsed<T>;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const no = <T>(problem: string): Parsed<T> => ({ ok: false, problem });

/** A domain parser's problem reads "it …" after the value. */
export function fromDomain<T>(parse: (text: string) => Parsed<T>): InputParser<T> {
  return (raw) => {
    const r = parse(raw.trim());
    return r.ok ? r : no(`it ${r.problem}`);
  };
}

/** Empty is null; anything else must pass `inner`. */
export function optional<T>(inner: InputParser<T>): InputParser<T | null> {
  return (raw, ctx) => (raw.trim() === '' ? ok(null) : inner(raw, ctx));
}

export const text: InputParser<string> = (raw) => ok(raw.trim());

export const optionalText: InputParser<string | null> = (raw) => ok(raw.trim() === '' ? null : raw.trim());

/** A script keeps its inner whitespace and newlines; only blank leading lines and trailing space go. */
export const script: InputParser<string | null> = (raw) =>
  ok(raw.trim() === '' ? null : raw.replace(/^\s*\n|\s+$/g, ''));

export function oneOf<T extends string>(values: readonly T[]): InputParser<T> {
  return (raw) => {
    const v = raw.trim();
    return (values as readonly string[]).includes(v)
      ? ok(v as T)
      : no(`accepted values: ${values.join(', ')}`);
  };
}

export const bool: InputParser<boolean> = (raw) => {
  const v = raw.trim();
  if (['true', 'True', 'TRUE'].includes(v)) return ok(true);
  if (['false', 'False', 'FALSE'].includes(v)) return ok(false);
  return no('accepted values: true, false');
};

export interface NumberRule {
  min: number;
  max: number;
  integer: boolean;
  /** true: the value must be greater than `min`, not equal to it. */
  minExclusive?: boolean;
}

export function number(rule: NumberRule): InputParser<number> {
  const kind = rule.integer ? 'a whole number' : 'a number';
  const low = rule.minExclusive ? `greater than ${rule.min}` : `at least ${rule.min}`;
  const expected = `expected ${kind} ${low} and at most ${rule.max}`;
  return (raw) => {
    const v = raw.trim();
    const n = /^[+]?(\d+(\.\d*)?|\.\d+)$/.test(v) ? Number(v) : NaN;
    if (!Number.isFinite(n) || (rule.integer && !Number.isInteger(n))) return no(expected);
    const tooLow = rule.minExclusive ? n <= rule.min : n < rule.min;
    return tooLow || n > rule.max ? no(expected) : ok(n);
  };
}

export const pattern: InputParser<Pattern> = fromDomain(parsePattern);

/** One pattern per non-blank line; the problem names the line. */
export const patternLines: InputParser<Pattern[]> = (raw) => {
  const patterns: Pattern[] = [];
  const lines = raw.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const p = parsePattern(line);
    if (!p.ok) return no(`line ${i + 1} ('${line}') ${p.problem}`);
    patterns.push(p.value);
  }
  return ok(patterns);
};

export const SHELL_NAMES = ['bash', 'sh', 'pwsh', 'python', 'cmd'] as const;

/** A shell name, or a command template containing {0} (the script file), as a workflow step's `shell:`. */
export const shell: InputParser<string> = (raw) => {
  const v = raw.trim();
  return (SHELL_NAMES as readonly string[]).includes(v) || v.includes('{0}')
    ? ok(v)
    : no(`accepted values: ${SHELL_NAMES.join(', ')}, or a command template containing {0}`);
};

/** `{task_id}` in a path inside the repository: checked with a stand-in id, filled in per task later. */
export function taskPathTemplate(checkPath: (text: string) => Parsed<unknown>): InputParser<string> {
  return (raw) => {
    const v = raw.trim();
    if (!v.includes('{task_id}')) {
      return no('it must contain the placeholder {task_id}, e.g. memory/tasks/{task_id}.md');
    }
    const probe = checkPath(v.split('{task_id}').join('task-1'));
    return probe.ok ? ok(v) : no(`it ${probe.problem}`);
  };
}
