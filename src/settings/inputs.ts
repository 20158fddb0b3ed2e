// Every input of the action, declared once. action.yml's `inputs:`, the README's table, the CLI's flags and
// usage, and the defaults that replays and tests start from are generated from (or checked against) this
// table; the Settings type is derived from it. Adding an input is one row here.
import {
  parseBranchName,
  parseProfileName,
  parseRefName,
  parseRemoteName,
  parseRepoPath,
  parseSha,
  parseTaskId,
  type BranchName,
  type Parsed,
  type RepoPath,
} from '../domain/index.js';
import type { RunnerContext } from './context.js';
import {
  bool,
  fromDomain,
  number,
  oneOf,
  optional,
  optionalText,
  pattern,
  patternLines,
  script,
  shell,
  taskPathTemplate,
  text,
  type InputParser,
} from './parsers.js';

/** The CLI's commands that take input flags. */
export type CliCommand = 'run' | 'validate';

/** How an input appears on the command line: `--name <arg>`, or a switch (`arg: null`) that means `true`. */
export interface CliFlag {
  arg: string | null;
  help: string;
  /** The commands that take this flag (default: only `run`). */
  commands?: readonly CliCommand[];
}

export interface InputDef<K extends string = string, T = unknown> {
  /** The Settings field. */
  key: K;
  /** The action input (and CLI flag) name. */
  name: string;
  /** action.yml's default: what the runner passes when the workflow says nothing. */
  default: string;
  description: string;
  parse: InputParser<T>;
  /** null: the input means nothing on a developer's machine (tokens, commit statuses, artifacts, modes). */
  cli: CliFlag | null;
}

function def<const K extends string, T>(row: InputDef<K, T>): InputDef<K, T> {
  return row;
}

export const MODES = ['run', 'plan', 'report', 'gate', 'validate'] as const;
export type Mode = (typeof MODES)[number];
export const ON_STALE = ['skip', 'run', 'fail'] as const;
export type OnStale = (typeof ON_STALE)[number];
export const RETRY_ON = ['timeout', 'fail', 'any'] as const;
export type RetryOn = (typeof RETRY_ON)[number];
export const CONTAINMENTS = ['auto', 'cgroup', 'process-group'] as const;
export type Containment = (typeof CONTAINMENTS)[number];
export const FAN_OUT = ['none', 'paths'] as const;
export type FanOut = (typeof FAN_OUT)[number];

export const DEFAULT_TASK_ID_PATTERN = 'task-[0-9]+(?:\\+[0-9]+)?';
export const DEFAULT_REGISTRY_PATH = '.github/post-merge-smoke.yml' as RepoPath;
export const DEFAULT_TIMEOUT_SECONDS = 600;
/** setTimeout's ceiling (2^31-1 ms). */
export const MAX_TIMER_SECONDS = 2_147_483;

const isPush = (ctx: RunnerContext) => ctx.eventName === 'push';
/** `o[key]` when it is an object, else an empty one: event payloads are read without trusting their shape. */
const field = (o: Record<string, unknown>, key: string): Record<string, unknown> => {
  const v = o[key];
  return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
};
const eventString = (o: Record<string, unknown>, key: string): string =>
  typeof o[key] === 'string' ? (o[key] as string) : '';

/** Given: a full SHA or a ref. Empty: the commit the event is about (push `after`, the queue's head_sha). */
const mergeCommit: InputParser<string> = (raw, ctx) => {
  const v = raw.trim();
  if (v !== '') {
    const sha = parseSha(v);
    return sha.ok ? sha : fromDomain(parseRefName)(v, ctx);
  }
  const fromEvent = isPush(ctx)
    ? eventString(ctx.event, 'after')
    : eventString(field(ctx.event, 'merge_group'), 'head_sha');
  const sha = parseSha(fromEvent || ctx.sha);
  if (sha.ok) return sha;
  return {
    ok: false,
    problem: 'is empty and the event names no commit (GITHUB_SHA is unset); pass a SHA or a ref',
  };
};

/** Empty: the event's branch (push, merge queue, pull request), else the repository default, else null. */
const baseBranch: InputParser<BranchName | null> = (raw, ctx) => {
  const branch = fromDomain(parseBranchName);
  if (raw.trim() !== '') return branch(raw, ctx);
  const candidates = [
    isPush(ctx) && ctx.ref.startsWith('refs/heads/') ? ctx.ref : '',
    eventString(field(ctx.event, 'merge_group'), 'base_ref'),
    eventString(field(field(ctx.event, 'pull_request'), 'base'), 'ref'),
    eventString(field(ctx.event, 'repository'), 'default_branch'),
  ];
  const found = candidates.find((c) => c !== '');
  return found ? (branch(found, ctx) as Parsed<BranchName | null>) : { ok: true, value: null };
};

const onStale: InputParser<OnStale> = (raw, ctx) =>
  oneOf(ON_STALE)(raw.trim() || (ctx.eventName === 'workflow_dispatch' ? 'run' : 'skip'), ctx);

/** status-context is the one input whose explicit empty value means something: no commit status. */
const statusContext: InputParser<string | null> = (raw) => {
  const v = raw.trim();
  if (v.length > 255)
    return { ok: false, problem: `is ${v.length} characters long; GitHub accepts at most 255` };
  return { ok: true, value: v === '' ? null : v };
};

const artifactName: InputParser<string | null> = (raw) => {
  const v = raw.trim();
  if (/[":<>|*?\r\n\\/]/.test(v)) {
    return { ok: false, problem: 'an artifact name cannot contain " : < > | * ? \\ / or newlines' };
  }
  return { ok: true, value: v === '' ? null : v };
};

export const INPUTS = [
  def({
    key: 'mode',
    name: 'mode',
    default: 'run',
    description:
      '`run` (smoke the commit), `plan` (output the profiles this commit needs as a job matrix), `report` (fold the results of run jobs and do the privileged reporting), `gate` (pass while the base branch is green) or `validate` (check the registry and task files).',
    parse: oneOf(MODES),
    cli: null,
  }),
  def({
    key: 'githubToken',
    name: 'github-token',
    default: '${{ github.token }}',
    description:
      "Token for the GitHub API: pull request lookup, the freshness check and the gate's query (read), and the reporting writes — the commit status (`statuses: write`), the green ref (`contents: write`) and the escalation issue (`issues: write`). Never passed to the smoke command; in a two-job setup give write permissions only to the report job.",
    parse: text,
    cli: null,
  }),
  def({
    key: 'mergeCommit',
    name: 'merge-commit',
    default: '',
    description:
      'The commit under test: a full 40-hex SHA, or a ref resolved to one. Empty: the pushed SHA (event `after`) on push, the queue candidate (`merge_group.head_sha`) in a merge queue, otherwise GITHUB_SHA.',
    parse: mergeCommit,
    cli: { arg: '<sha|ref>', help: 'commit under test (default: HEAD)' },
  }),
  def({
    key: 'baseBranch',
    name: 'base-branch',
    default: '',
    description:
      "Branch whose remote head must equal the merge commit. Empty: the pushed branch on push, the queue's base branch in a merge queue, otherwise the repository default branch.",
    parse: baseBranch,
    cli: { arg: '<name>', help: "branch the commit must head (default: the remote's default branch)" },
  }),
  def({
    key: 'remote',
    name: 'remote',
    default: 'origin',
    description: 'Git remote used by the freshness check when the API is not used (no token).',
    parse: fromDomain(parseRemoteName),
    cli: { arg: '<name>', help: 'git remote for the freshness check (default: origin)' },
  }),
  def({
    key: 'onStale',
    name: 'on-stale',
    default: '',
    description:
      'What to do when the merge commit is no longer the head of the base branch: `skip` (STALE, job succeeds), `run` (test it anyway; the result records `stale: true`) or `fail` (STALE, job fails). Empty: `run` for workflow_dispatch, `skip` otherwise.',
    parse: onStale,
    cli: { arg: '<skip|run|fail>', help: 'what a stale commit gives (default: skip)' },
  }),
  def({
    key: 'smokeCommand',
    name: 'smoke-command',
    default: '',
    description: 'Explicit smoke command. Wins over all metadata (it lives in the reviewed workflow file).',
    parse: script,
    cli: { arg: '<cmd>', help: 'explicit command; wins over all metadata' },
  }),
  def({
    key: 'profile',
    name: 'profile',
    default: '',
    description: 'Registry profile to run, by name. An unknown name is BLOCKED `unknown_profile`.',
    parse: optional(fromDomain(parseProfileName)),
    cli: { arg: '<name>', help: 'registry profile' },
  }),
  def({
    key: 'taskId',
    name: 'task-id',
    default: '',
    description:
      'Task id of this merge (must match `task-id-pattern`). Empty: found in the commit message trailers, the PR title, head branch and body.',
    parse: optional(fromDomain(parseTaskId)),
    cli: { arg: '<id>', help: 'task id (default: from the commit message)' },
  }),
  def({
    key: 'registryPath',
    name: 'registry-path',
    default: DEFAULT_REGISTRY_PATH,
    description:
      "Registry file of profiles and task mappings, read from the merge commit's tree (never the working copy).",
    parse: fromDomain(parseRepoPath),
    cli: {
      arg: '<path>',
      help: `registry file (default: ${DEFAULT_REGISTRY_PATH})`,
      commands: ['run', 'validate'],
    },
  }),
  def({
    key: 'taskPath',
    name: 'task-path',
    default: '',
    description:
      "Task file path template containing `{task_id}`, e.g. `memory/tasks/{task_id}.md`, read from the merge commit's tree. Empty: task files are not read.",
    parse: optional(taskPathTemplate(parseRepoPath)),
    cli: {
      arg: '<template>',
      help: 'task file path with {task_id}, e.g. memory/tasks/{task_id}.md',
      commands: ['run', 'validate'],
    },
  }),
  def({
    key: 'taskIdPattern',
    name: 'task-id-pattern',
    default: DEFAULT_TASK_ID_PATTERN,
    description:
      'Regular expression (RE2 syntax: linear time, no lookaround or backreferences) that finds the task id in the commit message, PR title, head branch and PR body.',
    parse: pattern,
    cli: {
      arg: '<regex>',
      help: 'finds the task id in commit messages (RE2 syntax)',
      commands: ['run', 'validate'],
    },
  }),
  def({
    key: 'prBodyCommand',
    name: 'pr-body-command',
    default: 'false',
    description:
      'Allow a raw command from a ```post-merge-smoke block in the PR body; used only when the body was not edited after the merge.',
    parse: bool,
    cli: { arg: null, help: 'allow a command from the PR body (needs the API: GH_TOKEN and --repo)' },
  }),
  def({
    key: 'dryRun',
    name: 'dry-run',
    default: 'false',
    description:
      'Policy flag: with no command resolved, `true` gives SKIPPED (success) and `false` gives BLOCKED (failure). A resolved command runs either way.',
    parse: bool,
    cli: { arg: null, help: 'no command resolved → SKIPPED instead of BLOCKED' },
  }),
  def({
    key: 'timeoutSeconds',
    name: 'timeout-seconds',
    default: '',
    description:
      'Deadline per attempt, in seconds. Empty: the registry profile or defaults, else 600. On expiry the whole process tree is killed and the result is TIMEOUT.',
    parse: optional(number({ min: 0, minExclusive: true, max: MAX_TIMER_SECONDS, integer: false })),
    cli: { arg: '<n>', help: `deadline per attempt (default: registry, else ${DEFAULT_TIMEOUT_SECONDS})` },
  }),
  def({
    key: 'killGraceSeconds',
    name: 'kill-grace-seconds',
    default: '10',
    description: 'Seconds between SIGTERM and SIGKILL when the process tree is killed.',
    parse: number({ min: 0, max: 3600, integer: false }),
    cli: { arg: '<n>', help: 'SIGTERM → SIGKILL grace (default: 10)' },
  }),
  def({
    key: 'maxOutputBytes',
    name: 'max-output-bytes',
    default: '65536',
    description:
      'Bytes kept per stream (stdout, stderr) in the SmokeResult: the first and last halves, with a truncation marker between.',
    parse: number({ min: 64, max: 1_048_576, integer: true }),
    cli: { arg: '<n>', help: 'bytes kept per stream in the result (default: 65536)' },
  }),
  def({
    key: 'logMaxBytes',
    name: 'log-max-bytes',
    default: '10485760',
    description:
      'Bytes kept per stream in the full log files of the escalation artifact (head and tail, like max-output-bytes).',
    parse: number({ min: 1024, max: 1_073_741_824, integer: true }),
    cli: { arg: '<n>', help: 'bytes kept per stream in the log files (default: 10485760)' },
  }),
  def({
    key: 'shell',
    name: 'shell',
    default: '',
    description:
      "Shell for the command, as a workflow step's `shell:`: bash, sh, pwsh, python, cmd, or a template containing {0} (the script file). Empty: the registry, else bash (pwsh on Windows).",
    parse: optional(shell),
    cli: { arg: '<shell>', help: 'bash, sh, pwsh, python, cmd or a template with {0}' },
  }),
  def({
    key: 'workingDirectory',
    name: 'working-directory',
    default: '',
    description:
      'Directory the command runs in, relative to the workspace. Empty: the registry profile, else the workspace root.',
    parse: optionalText,
    cli: { arg: '<dir>', help: 'where the command runs, relative to the repository' },
  }),
  def({
    key: 'retries',
    name: 'retries',
    default: '0',
    description:
      'Extra attempts after a failed one (0 to 10). A pass after a failed attempt is PASS with `flaky: true` and a warning.',
    parse: number({ min: 0, max: 10, integer: true }),
    cli: { arg: '<n>', help: 'extra attempts (default: 0)' },
  }),
  def({
    key: 'retryOn',
    name: 'retry-on',
    default: 'timeout',
    description: 'Which failed attempts are retried: `timeout`, `fail` or `any`.',
    parse: oneOf(RETRY_ON),
    cli: { arg: '<kind>', help: 'timeout, fail or any (default: timeout)' },
  }),
  def({
    key: 'statusContext',
    name: 'status-context',
    default: 'post-merge-smoke',
    description: 'Context of the commit status set on the merge commit. Empty: no commit status.',
    parse: statusContext,
    cli: null,
  }),
  def({
    key: 'artifactName',
    name: 'artifact-name',
    default: '',
    description:
      'Name of the escalation artifact. Empty: post-merge-smoke-critical-7-<sha7>-attempt-<run_attempt>, from the resolved merge commit.',
    parse: artifactName,
    cli: null,
  }),
  def({
    key: 'artifactRetentionDays',
    name: 'artifact-retention-days',
    default: '',
    description: 'Retention of the escalation artifact, in days (1 to 90). Empty: the repository default.',
    parse: optional(number({ min: 1, max: 90, integer: true })),
    cli: null,
  }),
  def({
    key: 'redactPatterns',
    name: 'redact-patterns',
    default: '',
    description:
      'Extra regular expressions (RE2 syntax), one per line, replaced with *** in everything the action writes — except a value that is a whole commit SHA (`merge_commit`, `origin_head`…), which a pattern must not break.',
    parse: patternLines,
    cli: { arg: '<regexes>', help: 'extra patterns to redact, one per line (RE2 syntax)' },
  }),
  def({
    key: 'report',
    name: 'report',
    default: 'true',
    description:
      '`false`: a run job that does no privileged reporting (no commit status, green ref or issue) and uploads its result as the artifact `post-merge-smoke-result-<profile|default>-<sha7>-attempt-<n>` for a `report` job.',
    parse: bool,
    cli: null,
  }),
  def({
    key: 'results',
    name: 'results',
    default: '',
    description:
      'For `mode: report`: a SmokeResult JSON or an array of them. Empty: the result artifacts of the run jobs of this workflow run attempt.',
    parse: optionalText,
    cli: null,
  }),
  def({
    key: 'greenRef',
    name: 'green-ref',
    default: '',
    description:
      'Branch that marks the last known green commit: on a fresh PASS it moves to the merge commit, fast-forward only. Empty: off.',
    parse: optional(fromDomain(parseBranchName)),
    cli: null,
  }),
  def({
    key: 'escalationIssue',
    name: 'escalation-issue',
    default: 'false',
    description:
      '`true`: one open issue per red streak; the first failure opens it, each further failure adds a comment, the next fresh PASS closes it.',
    parse: bool,
    cli: null,
  }),
  def({
    key: 'escalationLabel',
    name: 'escalation-label',
    default: 'post-merge-smoke',
    description: 'Label of the escalation issue.',
    parse: text,
    cli: null,
  }),
  def({
    key: 'gateBypassLabel',
    name: 'gate-bypass-label',
    default: 'smoke-fix',
    description: 'For `mode: gate`: a pull request with this label passes while the base branch is red.',
    parse: text,
    cli: null,
  }),
  def({
    key: 'fanOut',
    name: 'fan-out',
    default: 'none',
    description:
      "For `mode: plan` and the CLI's `run --all-profiles`: `paths` selects every registry profile whose `paths` match a file the commit changed against its first parent, plus the `always: true` ones (`fan-out: paths` in the registry does the same); `none`: `mode: plan` selects the one profile the precedence resolves, `run --all-profiles` every profile.",
    parse: oneOf(FAN_OUT),
    cli: {
      arg: '<none|paths>',
      help: "with --all-profiles: paths runs the profiles the commit's changes select (default: the registry's fan-out, else every profile)",
    },
  }),
  def({
    key: 'containment',
    name: 'containment',
    default: 'auto',
    description:
      '`auto`: run the smoke in its own cgroup when the action can create one, else in its own process group; `cgroup`: require a cgroup; `process-group`: never use one.',
    parse: oneOf(CONTAINMENTS),
    cli: { arg: '<kind>', help: 'auto, cgroup or process-group (default: auto)' },
  }),
  def({
    key: 'maxProcesses',
    name: 'max-processes',
    default: '',
    description: "Cap on the smoke's processes (the cgroup's `pids.max`). Empty: no limit.",
    parse: optional(number({ min: 1, max: 4_194_304, integer: true })),
    cli: { arg: '<n>', help: "cap on the smoke's processes (cgroup pids.max)" },
  }),
] as const;

type Row = (typeof INPUTS)[number];
export type InputName = Row['name'];

/** Every input as a typed value, for both entry points. */
export type Settings = {
  -readonly [R in Row as R['key']]: R extends InputDef<string, infer T> ? T : never;
};
