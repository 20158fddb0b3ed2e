// Command-line arguments → a command and the action's input names, so the CLI shares parseSettings with
// the action. Pure: no I/O; usage errors are returned, never thrown.
import type { InputName } from '../settings.js';

export const RUN_USAGE = `usage: post-merge-smoke run --merge-commit <sha|ref> [options]

Resolves the smoke command for a merge commit, checks that it is still the head of the base branch and
prints the plan. Nothing is executed unless --apply is given.

options:
  --merge-commit <sha|ref>   commit under test (required)
  --repo <dir>               repository to work in (default: the current directory)
  --base-branch <name>       branch whose remote head must equal the commit (default: main)
  --remote <name>            git remote for the freshness check (default: origin)
  --on-stale <skip|run|fail> what a stale commit gives (default: skip)
  --smoke-command <cmd>      explicit command; wins over all metadata
  --profile <name>           registry profile
  --task-id <id>             task id (default: from the commit message trailers)
  --task-file <path>         task file read from disk (instead of --task-path in the commit's tree)
  --task-path <template>     task file path template in the commit's tree, e.g. memory/tasks/{task_id}.md
  --registry-path <path>     registry file in the commit's tree (default: .github/post-merge-smoke.yml)
  --timeout-seconds <n>      deadline per attempt (default: registry, else 600)
  --kill-grace-seconds <n>   SIGTERM → SIGKILL grace (default: 10)
  --shell <shell>            bash, sh, pwsh, python, cmd or a template with {0}
  --working-directory <dir>  where the command runs, relative to the repository
  --retries <n>              extra attempts (default: 0)
  --retry-on <kind>          timeout, fail or any (default: timeout)
  --max-output-bytes <n>     bytes kept per stream in the result (default: 65536)
  --dry-run                  policy flag: no command resolved → SKIPPED instead of BLOCKED
  --apply                    run the command (without it: plan only)
  --json                     print the SmokeResult (or the plan) as JSON on stdout
  --out-dir <dir>            result, packet and logs (default: <repo>/.post-merge-smoke/runs/<sha7>-<time>)
  --no-audit                 do not append to <repo>/.post-merge-smoke/audit.jsonl
  -h, --help                 this help

exit codes: 0 PASS, SKIPPED, STALE (on-stale skip) or a plan; 1 FAIL, TIMEOUT, BLOCKED, ERROR, CANCELLED,
STALE (on-stale fail); 2 usage error.
`;

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

/** Flags that take a value and map onto an action input of the same name. */
const INPUT_FLAGS: readonly InputName[] = [
  'merge-commit',
  'base-branch',
  'remote',
  'on-stale',
  'smoke-command',
  'profile',
  'task-id',
  'task-path',
  'registry-path',
  'timeout-seconds',
  'kill-grace-seconds',
  'shell',
  'working-directory',
  'retries',
  'retry-on',
  'max-output-bytes',
];

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    return { command: 'help', text: MAIN_USAGE };
  }
  if (command === 'run') return parseRun(rest);
  if (command === 'replay') return parseReplay(rest);
  return { command: 'usage-error', message: `unknown command '${command}'`, usage: MAIN_USAGE };
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
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return { command: 'help', text: RUN_USAGE };
    if (!arg.startsWith('--')) return usageError(`unexpected argument '${arg}'`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const inline = eq < 0 ? null : arg.slice(eq + 1);
    const value = (): string | null => {
      if (inline !== null) return inline;
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) return null;
      i++;
      return next;
    };
    const flagOnly = (): boolean => inline === null;
    switch (name) {
      case 'apply':
      case 'json':
      case 'dry-run':
      case 'no-audit':
        if (!flagOnly()) return usageError(`--${name} takes no value`);
        if (name === 'apply') out.apply = true;
        else if (name === 'json') out.json = true;
        else if (name === 'no-audit') out.audit = false;
        else out.inputs['dry-run'] = 'true';
        break;
      case 'repo':
      case 'task-file':
      case 'out-dir': {
        const v = value();
        if (v === null || v === '') return usageError(`--${name} needs a value`);
        if (name === 'repo') out.repo = v;
        else if (name === 'task-file') out.taskFile = v;
        else out.outDir = v;
        break;
      }
      default: {
        if (!(INPUT_FLAGS as readonly string[]).includes(name))
          return usageError(`unknown option '--${name}'`);
        const v = value();
        if (v === null) return usageError(`--${name} needs a value`);
        out.inputs[name as InputName] = v;
      }
    }
  }
  if (!out.inputs['merge-commit']) return usageError('--merge-commit is required');
  return out;
}

function parseReplay(argv: readonly string[]): ParsedArgs {
  let fixtureDir: string | null = null;
  let json = false;
  let keep = false;
  for (const arg of argv) {
    if (arg === '-h' || arg === '--help') return { command: 'help', text: REPLAY_USAGE };
    if (arg === '--json') json = true;
    else if (arg === '--keep') keep = true;
    else if (arg.startsWith('-'))
      return { command: 'usage-error', message: `unknown option '${arg}'`, usage: REPLAY_USAGE };
    else if (fixtureDir === null) fixtureDir = arg;
    else return { command: 'usage-error', message: `unexpected argument '${arg}'`, usage: REPLAY_USAGE };
  }
  if (fixtureDir === null)
    return { command: 'usage-error', message: 'a fixture directory is required', usage: REPLAY_USAGE };
  return { command: 'replay', fixtureDir, json, keep };
}
