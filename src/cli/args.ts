// Command-line arguments → a command, the action's input names, and the CLI's own options. The flags that
// map onto inputs and their usage lines come from the inputs table (settings/inputs.ts). Pure: no I/O;
// usage errors are returned, never thrown.
import { INPUTS, type CliFlag, type InputName } from '../settings/index.js';

/** Options of `run` that are the CLI's own (not action inputs). */
const RUN_OPTIONS: readonly { flag: string; arg: string | null; help: string }[] = [
  { flag: 'repo', arg: '<dir>', help: 'repository to work in (default: the current directory)' },
  {
    flag: 'task-file',
    arg: '<path>',
    help: "task file read from disk (instead of --task-path in the commit's tree)",
  },
  { flag: 'apply', arg: null, help: 'run the command (without it: plan only)' },
  { flag: 'json', arg: null, help: 'print the SmokeResult (or the plan) as JSON on stdout' },
  {
    flag: 'out-dir',
    arg: '<dir>',
    help: 'result, packet and logs (default: <repo>/.post-merge-smoke/runs/<time>)',
  },
  { flag: 'no-audit', arg: null, help: 'do not append to <repo>/.post-merge-smoke/audit.jsonl' },
];

/** The inputs that are flags of `run`, in table order. */
const INPUT_FLAGS = INPUTS.filter(
  (row): row is (typeof INPUTS)[number] & { cli: CliFlag } => row.cli !== null,
);

function usageLine(flag: string, arg: string | null, help: string): string {
  const left = `--${flag}${arg ? ` ${arg}` : ''}`;
  return `  ${left.padEnd(27)}${left.length >= 27 ? ' ' : ''}${help}`;
}

export const RUN_USAGE = [
  'usage: post-merge-smoke run --merge-commit <sha|ref> [options]',
  '',
  'Resolves the smoke command for a merge commit, checks that it is still the head of the base branch and',
  'prints the plan. Nothing is executed unless --apply is given.',
  '',
  'options:',
  ...INPUT_FLAGS.map((row) => usageLine(row.name, row.cli.arg, row.cli.help)),
  ...RUN_OPTIONS.map((o) => usageLine(o.flag, o.arg, o.help)),
  '  -h, --help                 this help',
  '',
  'exit codes: 0 PASS, SKIPPED, STALE (on-stale skip) or a plan; 1 FAIL, TIMEOUT, BLOCKED, ERROR, CANCELLED,',
  'STALE (on-stale fail); 2 usage error.',
  '',
].join('\n');

export const REPLAY_USAGE = `usage: post-merge-smoke replay <fixture-dir> [--json] [--keep]

Builds a throwaway origin and clone from a replay fixture, serves its pull request from a loopback server
standing in for the GitHub API, runs the whole pipeline and compares the result with the fixture's
expected result (times ignored).

options:
  --json        print the SmokeResult as JSON on stdout
  --keep        keep the throwaway repositories (their path is printed)
  -h, --help    this help

exit codes: 0 the result matches the fixture; 1 it does not; 2 usage error.
`;

export const MAIN_USAGE = `usage: post-merge-smoke <command> [options]

commands:
  run       resolve, check freshness and (with --apply) run the smoke command for a merge commit
  replay    replay a fixture end to end and compare with its expected result

post-merge-smoke <command> --help for the options of a command.
`;

export interface RunArgs {
  command: 'run';
  inputs: Partial<Record<InputName, string>>;
  repo: string | null;
  taskFile: string | null;
  apply: boolean;
  json: boolean;
  audit: boolean;
  outDir: string | null;
}

export interface ReplayArgs {
  command: 'replay';
  fixtureDir: string;
  json: boolean;
  keep: boolean;
}

export type ParsedArgs =
  | RunArgs
  | ReplayArgs
  | { command: 'help'; text: string }
  | { command: 'usage-error'; message: string; usage: string };

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    return { command: 'help', text: MAIN_USAGE };
  }
  if (command === 'run') return parseRun(rest);
  if (command === 'replay') return parseReplay(rest);
  return { command: 'usage-error', message: `unknown command '${command}'`, usage: MAIN_USAGE };
}

/** One `--name[=value]` or `--name value` argument, split. */
interface Flag {
  name: string;
  inline: string | null;
}

function splitFlag(arg: string): Flag | null {
  if (!arg.startsWith('--')) return null;
  const eq = arg.indexOf('=');
  return { name: arg.slice(2, eq < 0 ? undefined : eq), inline: eq < 0 ? null : arg.slice(eq + 1) };
}

function parseRun(argv: readonly string[]): ParsedArgs {
  const out: RunArgs = {
    command: 'run',
    inputs: {},
    repo: null,
    taskFile: null,
    apply: false,
    json: false,
    audit: true,
    outDir: null,
  };
  const usageError = (message: string): ParsedArgs => ({ command: 'usage-error', message, usage: RUN_USAGE });
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return { command: 'help', text: RUN_USAGE };
    const flag = splitFlag(arg);
    if (!flag) return usageError(`unexpected argument '${arg}'`);
    const takesValue = flagArg(flag.name);
    if (takesValue === undefined) return usageError(`unknown option '--${flag.name}'`);
    if (takesValue === null) {
      if (flag.inline !== null) return usageError(`--${flag.name} takes no value`);
      setSwitch(out, flag.name);
      continue;
    }
    const value = flag.inline ?? valueAfter(argv, i);
    if (value === null || (value === '' && !isInputFlag(flag.name)))
      return usageError(`--${flag.name} needs a value`);
    if (flag.inline === null) i++;
    setValue(out, flag.name, value);
  }
  if (!out.inputs['merge-commit']) return usageError('--merge-commit is required');
  return out;
}

/** undefined: no such flag; null: a switch; otherwise its argument's name. */
function flagArg(name: string): string | null | undefined {
  const input = INPUT_FLAGS.find((row) => row.name === name);
  if (input) return input.cli.arg;
  const own = RUN_OPTIONS.find((o) => o.flag === name);
  return own ? own.arg : undefined;
}

const isInputFlag = (name: string): boolean => INPUT_FLAGS.some((row) => row.name === name);

function valueAfter(argv: readonly string[], i: number): string | null {
  const next = argv[i + 1];
  return next === undefined || (next.startsWith('--') && next.length > 2) ? null : next;
}

function setSwitch(out: RunArgs, name: string): void {
  if (name === 'apply') out.apply = true;
  else if (name === 'json') out.json = true;
  else if (name === 'no-audit') out.audit = false;
  else out.inputs[name as InputName] = 'true';
}

function setValue(out: RunArgs, name: string, value: string): void {
  if (name === 'repo') out.repo = value;
  else if (name === 'task-file') out.taskFile = value;
  else if (name === 'out-dir') out.outDir = value;
  else out.inputs[name as InputName] = value;
}

function parseReplay(argv: readonly string[]): ParsedArgs {
  let fixtureDir: string | null = null;
  let json = false;
  let keep = false;
  const usageError = (message: string): ParsedArgs => ({
    command: 'usage-error',
    message,
    usage: REPLAY_USAGE,
  });
  for (const arg of argv) {
    if (arg === '-h' || arg === '--help') return { command: 'help', text: REPLAY_USAGE };
    if (arg === '--json') json = true;
    else if (arg === '--keep') keep = true;
    else if (arg.startsWith('-')) return usageError(`unknown option '${arg}'`);
    else if (fixtureDir === null) fixtureDir = arg;
    else return usageError(`unexpected argument '${arg}'`);
  }
  if (fixtureDir === null) return usageError('a fixture directory is required');
  return { command: 'replay', fixtureDir, json, keep };
}
