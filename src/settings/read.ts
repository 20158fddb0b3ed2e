// Inputs → one typed Settings object (the shape of actions/checkout's input-helper), for both entry points:
// the action reads INPUT_* through @actions/core, the CLI maps its flags onto the same names. A bad input
// never becomes a silent default: it is an InputError naming the input, and the run is BLOCKED
// `invalid_input`. The settings still carry a usable value for that input so that reporting can go on.
import type { RunnerContext } from './context.js';
import { INPUTS, type InputDef, type InputName, type Settings } from './inputs.js';

export interface InputError {
  input: InputName;
  /** The value as given. */
  value: string;
  /** What is wrong, as a phrase after "… is '<value>'; ". */
  problem: string;
  /** One sentence naming the input, for the action. */
  message: string;
}

export interface ParsedSettings {
  settings: Settings;
  errors: InputError[];
}

/**
 * `getInput(name)`: the input's raw text, or undefined when it was not given at all (the table's default
 * then applies, as the runner would apply action.yml's default).
 */
export function parseSettings(
  getInput: (name: InputName) => string | undefined,
  ctx: RunnerContext,
): ParsedSettings {
  const errors: InputError[] = [];
  const settings: Record<string, unknown> = {};
  for (const row of INPUTS as readonly InputDef[]) {
    const raw = getInput(row.name as InputName) ?? row.default;
    const parsed = row.parse(raw, ctx);
    if (parsed.ok) {
      settings[row.key] = parsed.value;
      continue;
    }
    errors.push(inputError(row.name as InputName, raw, parsed.problem));
    settings[row.key] = fallbackValue(row, ctx);
  }
  const typed = settings as Settings;
  errors.push(...crossChecks(typed, getInput));
  return { settings: typed, errors };
}

export function inputError(input: InputName, value: string, problem: string): InputError {
  return { input, value, problem, message: describe(`Input '${input}'`, value, problem) };
}

/** The same error, naming a command-line flag instead of an action input. */
export function asFlagError(e: InputError): string {
  return describe(`--${e.input}`, e.value, e.problem);
}

/** "<who> is '<value>'; <problem>." — a multi-line value is not repeated: its problem names the line. */
function describe(who: string, value: string, problem: string): string {
  const v = value.trim();
  if (v.includes('\n')) return `${who} ${problem}.`;
  return `${who} is ${v === '' ? 'empty' : `'${v}'`}; ${problem}.`;
}

/** A bad value is replaced by what the default gives (or the type's empty value) so reporting can go on. */
function fallbackValue(row: InputDef, ctx: RunnerContext): unknown {
  const d = row.parse(row.default, ctx);
  if (d.ok) return d.value;
  return row.default === '' ? '' : null;
}

/** Rules that tie two inputs together. */
function crossChecks(s: Settings, getInput: (name: InputName) => string | undefined): InputError[] {
  const errors: InputError[] = [];
  if (s.taskId !== null && !s.taskIdPattern.fullMatch(s.taskId)) {
    const problem = `it does not match task-id-pattern '${s.taskIdPattern.source}'`;
    errors.push(inputError('task-id', getInput('task-id') ?? s.taskId, problem));
    s.taskId = null;
  }
  return errors;
}

/** Each input with the text its default gives: what a run starts from when a workflow says nothing. */
export function defaultInputs(): Record<InputName, string> {
  return Object.fromEntries(INPUTS.map((row) => [row.name, row.default])) as Record<InputName, string>;
}
