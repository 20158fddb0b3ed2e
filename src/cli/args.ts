// Command-line arguments → a command, the action's input names, and the CLI's own options. The flags that
// map onto inputs and their usage lines come from the inputs table (settings/inputs.ts); the CLI's own
// options are the tables below. Pure: no I/O; usage errors are returned, never thrown.
import { nearMiss } from '../resolve/index.js';
import { INPUTS, type CliCommand, type CliFlag, type InputName } from '../settings/index.js';

export const TOOL = 'post-merge-smoke';

type CommandName = CliCommand | 'replay';

/** One of the CLI's own options (not an action input). `arg: null`: a switch. */
interface Option {
  flag: string;
  short?: string;
  arg: string | null;
  help: string;
}

interface CommandSpec {
  name: CommandName;
  /** The usage line after the tool's name. */
  synopsis: string;
  about: string;
  options: readonly Option[];
  /** The one positional argument, if the command takes one. */
  positional: string | null;
  exitCodes: string;
}

const DIR: Option = {
  flag: 'dir',
  short: 'C',
  arg: '<dir>',
  help: 'repository to work in, like git -C (default: the current directory)',
};
const JSON_SWITCH = (what: string): Option => ({
  flag: 'json',
  arg: null,
  help: `print ${what} as JSON on stdout`,
});

const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'validate',
    synopsis: 'validate [--worktree | --ref <ref>] [options]',
    about:
      'Checks the registry and every task file the task-path template reaches, without running anything: ' +
      'undefined profiles, unknown keys (with a "did you mean"), invalid values, empty commands, malformed YAML, ' +
      "each with its file and line. Reads the commit's tree (default: HEAD), or the working tree with --worktree.",
    options: [
      DIR,
      { flag: 'ref', arg: '<ref>', help: 'commit whose tree is checked (default: HEAD)' },
      { flag: 'worktree', arg: null, help: 'check the files on disk instead (uncommitted edits included)' },
      JSON_SWITCH('the problems'),
    ],
    positional: null,
    exitCodes: 'exit codes: 0 valid; 1 problems found (or the files could not be read); 2 usage error.',
  },
  {
    name: 'run',
    synopsis: 'run [--merge-commit <sha|ref>] [--all-profiles [--jobs <n>]] [--apply] [options]',
    about:
      'Resolves the smoke command for a merge commit, checks that it is still the head of the base branch and ' +
      'that the working tree is the commit, and prints the plan. Nothing is executed unless --apply is given.',
    options: [
      DIR,
      {
        flag: 'repo',
        arg: '<owner/name>',
        help: 'GitHub repository for API lookups (pull requests); needs GH_TOKEN or GITHUB_TOKEN',
      },
      {
        flag: 'task-file',
        arg: '<path>',
        help: "task file read from disk (instead of --task-path in the commit's tree)",
      },
      { flag: 'apply', arg: null, help: 'run the command (without it: plan only)' },
      {
        flag: 'all-profiles',
        arg: null,
        help: "every profile of the registry (with --fan-out paths, or the registry's fan-out: those the commit's changes select), each in its own process group; one folded verdict",
      },
      {
        flag: 'jobs',
        short: 'j',
        arg: '<n>',
        help: 'with --all-profiles: profiles run at once (default: the number of CPUs)',
      },
      {
        flag: 'allow-dirty',
        arg: null,
        help: 'let --apply run on uncommitted changes (recorded in the result)',
      },
      JSON_SWITCH('the SmokeResult (or the plan)'),
      {
        flag: 'out-dir',
        arg: '<dir>',
        help: 'result, packet and logs (default: <repo>/.post-merge-smoke/runs/<time>, the last 20 kept)',
      },
      { flag: 'no-audit', arg: null, help: 'do not append to <repo>/.post-merge-smoke/audit.jsonl' },
    ],
    positional: null,
    exitCodes:
      'exit codes: 0 PASS, SKIPPED, STALE (on-stale skip) or a plan that would run; 1 FAIL, TIMEOUT, BLOCKED,\n' +
      'ERROR, CANCELLED, STALE (on-stale fail), or a plan that would end so; 2 usage error or a refusal\n' +
      '(HEAD elsewhere, uncommitted changes): nothing ran and nothing was written.',
  },
  {
    name: 'replay',
    synopsis: 'replay <fixture-dir> [--json] [--keep]',
    about:
      'Builds a throwaway origin and clone from a replay fixture, serves its pull request from a loopback ' +
      'server standing in for the GitHub API, runs the whole pipeline and compares the result with the ' +
      "fixture's expected result (times ignored).",
    options: [
      JSON_SWITCH('the SmokeResult'),
      { flag: 'keep', arg: null, help: 'keep the throwaway repositories (their path is printed)' },
    ],
    positional: '<fixture-dir>',
    exitCodes: 'exit codes: 0 the result matches the fixture; 1 it does not; 2 usage error.',
  },
];

/** The inputs that are flags of `command`, in table order. */
function inputFlags(command: CommandName) {
  return INPUTS.filter(
    (row): row is (typeof INPUTS)[number] & { cli: CliFlag } =>
      row.cli !== null && (row.cli.commands ?? ['run']).includes(command as CliCommand),
  );
}

function usageLine(flag: string, short: string | undefined, arg: string | null, help: string): string {
  const left = `${short ? `-${short}, ` : ''}--${flag}${arg ? ` ${arg}` : ''}`;
  return `  ${left.padEnd(29)}${left.length >= 29 ? ' ' : ''}${help}`;
}

function wrap(text: string, width = 106): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}

export function commandUsage(name: CommandName): string {
  const spec = specOf(name);
  const inputs = inputFlags(name).map((row) => usageLine(row.name, undefined, row.cli.arg, row.cli.help));
  return [
    `usage: ${TOOL} ${spec.synopsis}`,
    '',
    wrap(spec.about),
    '',
    'options:',
    ...spec.options.map((o) => usageLine(o.flag, o.short, o.arg, o.help)),
    usageLine('help', 'h', null, 'this help'),
    '',
    ...(inputs.length > 0 ? ['action inputs (the same names as in a workflow):', ...inputs, ''] : []),
    spec.exitCodes,
    '',
  ].join('\n');
}

export const MAIN_USAGE = `usage: ${TOOL} <command> [options]

commands:
  validate  check the registry and task files (of a commit, or of the working tree) before they merge
  run       plan, and with --apply run, the smoke command for a merge commit
  replay    replay a fixture end to end and compare with its expected result

${TOOL} <command> --help lists the options of a command; ${TOOL} --version prints the version.
`;

const specOf = (name: CommandName): CommandSpec => COMMANDS.find((c) => c.name === name)!;

export interface RunArgs {
  command: 'run';
  inputs: Partial<Record<InputName, string>>;
  dir: string | null;
  /** `--repo owner/name`, as given (checked by the command). */
  repository: string | null;
  taskFile: string | null;
  apply: boolean;
  allowDirty: boolean;
  json: boolean;
  audit: boolean;
  outDir: string | null;
  /** Every profile the plan selects, side by side, folded into one verdict. */
  allProfiles: boolean;
  /** Profiles run at once with --all-profiles; null: the number of CPUs. */
  jobs: number | null;
}

export interface ValidateArgs {
  command: 'validate';
  inputs: Partial<Record<InputName, string>>;
  dir: string | null;
  source: { kind: 'worktree' } | { kind: 'ref'; ref: string };
  json: boolean;
}

export interface ReplayArgs {
  command: 'replay';
  fixtureDir: string;
  json: boolean;
  keep: boolean;
}

export interface UsageError {
  command: 'usage-error';
  /** Who complains: `post-merge-smoke run`. */
  who: string;
  message: string;
  /** One short line pointing at the help; printed first, so the message stays the last line. */
  usage: string;
}

export type ParsedArgs =
  | RunArgs
  | ValidateArgs
  | ReplayArgs
  | { command: 'help'; text: string }
  | { command: 'version' }
  | UsageError;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    return { command: 'help', text: MAIN_USAGE };
  }
  if (command === '--version' || command === '-V') return { command: 'version' };
  const spec = COMMANDS.find((c) => c.name === command);
  if (!spec) return unknownCommand(command);
  const raw = parseCommandLine(spec, rest);
  if ('command' in raw) return raw;
  if (spec.name === 'run') return checkRunArgs(runArgs(raw), raw);
  if (spec.name === 'validate') return validateArgs(raw);
  return replayArgs(raw);
}

function unknownCommand(command: string): UsageError {
  const names = COMMANDS.map((c) => c.name);
  const meant = command.startsWith('-') ? flagOfAnyCommand(command) : nearMiss(command, names);
  const what = command.startsWith('-') ? `'${command}' before a command` : `unknown command '${command}'`;
  return {
    command: 'usage-error',
    who: TOOL,
    message: `${what}${meant ? `; did you mean '${meant}'?` : `; commands: ${names.join(', ')}`}`,
    usage: `usage: ${TOOL} <command> [options]  (${TOOL} --help lists the commands)`,
  };
}

/** Where a flag given before the command is looked for: `run` first, as the command most flags are for. */
const BY_LIKELIHOOD = [...COMMANDS].sort((a, b) => Number(b.name === 'run') - Number(a.name === 'run'));

/**
 * `post-merge-smoke --aply`: options go after the command, so the nearest flag of any command, with that
 * command (`post-merge-smoke run --apply`); null when no flag is near.
 */
function flagOfAnyCommand(arg: string): string | null {
  if (/^-[A-Za-z]$/.test(arg)) {
    for (const spec of BY_LIKELIHOOD) {
      const short = shortNear(spec, arg.slice(1));
      if (short) return `${TOOL} ${spec.name} ${short}`;
    }
    return null;
  }
  const name = arg.replace(/^--?/, '').split('=')[0]!;
  // nearMiss never offers the name itself: a right flag in the wrong place is found first.
  const all = BY_LIKELIHOOD.flatMap(flagNames);
  const meant = all.includes(name) ? name : nearMiss(name, all);
  const owner = BY_LIKELIHOOD.find((spec) => meant !== null && flagNames(spec).includes(meant));
  return owner ? `${TOOL} ${owner.name} --${meant}` : null;
}

/** Every long flag of a command, inputs included (not `help`: it is no fix). */
const flagNames = (spec: CommandSpec): string[] => [
  ...inputFlags(spec.name).map((row) => row.name),
  ...spec.options.map((o) => o.flag),
];

/** `-c` for `-C`: a short option of the command that differs only in case, as `-C`; null when none does. */
function shortNear(spec: CommandSpec, letter: string): string | null {
  const own = spec.options.find((o) => o.short?.toLowerCase() === letter.toLowerCase());
  return own ? `-${own.short}` : null;
}

/** What the command line said, before a command gives it meaning. */
interface RawArgs {
  inputs: Partial<Record<InputName, string>>;
  options: Map<string, string | true>;
  positional: string[];
}

function parseCommandLine(spec: CommandSpec, argv: readonly string[]): RawArgs | UsageError | ParsedArgs {
  const raw: RawArgs = { inputs: {}, options: new Map(), positional: [] };
  const fail = (message: string) => usageError(spec, message);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return { command: 'help', text: commandUsage(spec.name) };
    const flag = splitFlag(spec, arg);
    if (flag === null) {
      if (spec.positional === null || raw.positional.length > 0) return fail(`unexpected argument '${arg}'`);
      raw.positional.push(arg);
      continue;
    }
    const kind = flagKind(spec, flag.name);
    if (kind === undefined) return fail(unknownOption(spec, flag.name));
    if (kind.arg === null) {
      if (flag.inline !== null) return fail(`--${flag.name} takes no value`);
      set(raw, kind, flag.name, true);
      continue;
    }
    const value = flag.inline ?? valueAfter(argv, i);
    if (value === null || (value === '' && !kind.input))
      return fail(`--${flag.name} needs a value ${kind.arg}`);
    if (flag.inline === null) i++;
    set(raw, kind, flag.name, value);
  }
  return raw;
}

function usageError(spec: CommandSpec, message: string): UsageError {
  return {
    command: 'usage-error',
    who: `${TOOL} ${spec.name}`,
    message,
    usage: `usage: ${TOOL} ${spec.synopsis}  (${TOOL} ${spec.name} --help lists every option)`,
  };
}

/** `--name[=value]` or a known short option (`-C`), as a long name; null when it is not an option. */
function splitFlag(spec: CommandSpec, arg: string): { name: string; inline: string | null } | null {
  if (arg.startsWith('--') && arg.length > 2) {
    const eq = arg.indexOf('=');
    return { name: arg.slice(2, eq < 0 ? undefined : eq), inline: eq < 0 ? null : arg.slice(eq + 1) };
  }
  if (/^-[A-Za-z]$/.test(arg)) {
    const own = spec.options.find((o) => o.short === arg.slice(1));
    return { name: own ? own.flag : arg.slice(1), inline: null };
  }
  return null;
}

interface FlagKind {
  arg: string | null;
  input: boolean;
}

function flagKind(spec: CommandSpec, name: string): FlagKind | undefined {
  const input = inputFlags(spec.name).find((row) => row.name === name);
  if (input) return { arg: input.cli.arg, input: true };
  const own = spec.options.find((o) => o.flag === name);
  return own ? { arg: own.arg, input: false } : undefined;
}

/** "unknown option '--aply'; did you mean --apply?" — the hint is the end of the line, and of the output. */
function unknownOption(spec: CommandSpec, name: string): string {
  const known = [...inputFlags(spec.name).map((row) => row.name), ...spec.options.map((o) => o.flag), 'help'];
  const shown = name.length === 1 ? `-${name}` : `--${name}`;
  // A one-letter name is an unknown short option: only its other case is near (`-c` → `-C`).
  const short = name.length === 1 ? shortNear(spec, name) : null;
  if (short) return `unknown option '${shown}'; did you mean ${short}?`;
  const meant = name.length === 1 ? null : nearMiss(name, known);
  if (meant) return `unknown option '${shown}'; did you mean --${meant}?`;
  const elsewhere = COMMANDS.find((c) => c !== spec && flagKind(c, name) !== undefined);
  if (elsewhere) return `unknown option '${shown}': it is an option of '${TOOL} ${elsewhere.name}'`;
  return `unknown option '${shown}'`;
}

function valueAfter(argv: readonly string[], i: number): string | null {
  const next = argv[i + 1];
  return next === undefined || (next.startsWith('--') && next.length > 2) ? null : next;
}

function set(raw: RawArgs, kind: FlagKind, name: string, value: string | true): void {
  if (kind.input) raw.inputs[name as InputName] = value === true ? 'true' : value;
  else raw.options.set(name, value);
}

const text = (raw: RawArgs, name: string): string | null => {
  const v = raw.options.get(name);
  return typeof v === 'string' ? v : null;
};

function runArgs(raw: RawArgs): RunArgs {
  return {
    command: 'run',
    // Locally the commit under test is what is checked out, unless said otherwise.
    inputs: { 'merge-commit': 'HEAD', ...raw.inputs },
    dir: text(raw, 'dir'),
    repository: text(raw, 'repo'),
    taskFile: text(raw, 'task-file'),
    apply: raw.options.has('apply'),
    allowDirty: raw.options.has('allow-dirty'),
    json: raw.options.has('json'),
    audit: !raw.options.has('no-audit'),
    outDir: text(raw, 'out-dir'),
    allProfiles: raw.options.has('all-profiles'),
    jobs: null,
  };
}

/** Most jobs at once: beyond this a machine only thrashes. */
export const MAX_JOBS = 64;

/** The fan-out flags only make sense together, and never with a command or profile chosen for all. */
function checkRunArgs(args: RunArgs, raw: RawArgs): RunArgs | UsageError {
  const fail = (message: string) => usageError(specOf('run'), message);
  const jobs = text(raw, 'jobs');
  if (!args.allProfiles) {
    if (jobs !== null) return fail('--jobs needs --all-profiles');
    if (args.inputs['fan-out'] !== undefined) return fail('--fan-out needs --all-profiles');
    return args;
  }
  for (const one of ['profile', 'smoke-command'] as const) {
    if (args.inputs[one] !== undefined)
      return fail(`--all-profiles runs every profile; it excludes --${one}`);
  }
  if (jobs === null) return args;
  const n = /^\d+$/.test(jobs) ? Number(jobs) : NaN;
  if (!(n >= 1 && n <= MAX_JOBS))
    return fail(`--jobs is '${jobs}'; it must be a whole number from 1 to ${MAX_JOBS}`);
  return { ...args, jobs: n };
}

function validateArgs(raw: RawArgs): ValidateArgs | UsageError {
  const ref = text(raw, 'ref');
  if (ref !== null && raw.options.has('worktree')) {
    return usageError(specOf('validate'), '--worktree and --ref exclude each other');
  }
  return {
    command: 'validate',
    inputs: raw.inputs,
    dir: text(raw, 'dir'),
    source: raw.options.has('worktree') ? { kind: 'worktree' } : { kind: 'ref', ref: ref ?? 'HEAD' },
    json: raw.options.has('json'),
  };
}

function replayArgs(raw: RawArgs): ReplayArgs | UsageError {
  const [fixtureDir] = raw.positional;
  if (fixtureDir === undefined) return usageError(specOf('replay'), 'a fixture directory is required');
  return { command: 'replay', fixtureDir, json: raw.options.has('json'), keep: raw.options.has('keep') };
}
