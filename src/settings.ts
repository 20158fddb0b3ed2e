// Inputs → one validated, typed Settings object (the shape of actions/checkout's input-helper).
// Both entry points use it: the action reads INPUT_* through `getInput`, the CLI maps its flags onto the
// same input names. A bad input never becomes a silent default: it is reported as an InputError naming the
// input and the accepted values, and the run is BLOCKED `invalid_input`. The settings still carry a usable
// default for that input so that reporting (status, summary, outputs) can go on.

import {
  parseBranchName,
  parsePattern,
  parseProfileName,
  parseRefName,
  parseRemoteName,
  parseRepoPath,
  parseSha,
  parseTaskId,
  shortSha,
  type BranchName,
  type Parsed,
  type Pattern,
  type ProfileName,
  type RemoteName,
  type RepoPath,
  type TaskId,
} from './domain/index.js';

export const SHELL_NAMES = ['bash', 'sh', 'pwsh', 'python', 'cmd'] as const;
export type OnStale = 'skip' | 'run' | 'fail';
export type RetryOn = 'timeout' | 'fail' | 'any';

export const DEFAULT_TIMEOUT_SECONDS = 600;
export const DEFAULT_TASK_ID_PATTERN = 'task-[0-9]+(?:\\+[0-9]+)?';
export const DEFAULT_REGISTRY_PATH = '.github/post-merge-smoke.yml' as RepoPath;
export const DEFAULT_STATUS_CONTEXT = 'post-merge-smoke';

export interface Settings {
  githubToken: string;
  /** SHA or ref as given (resolved to a SHA against the repository later); never empty. */
  mergeCommit: string;
  baseBranch: BranchName;
  remote: RemoteName;
  onStale: OnStale;
  smokeCommand: string | null;
  profile: ProfileName | null;
  taskId: TaskId | null;
  registryPath: RepoPath;
  /** Template containing `{task_id}`, or null when task files are off. */
  taskPath: string | null;
  taskIdPattern: Pattern;
  prBodyCommand: boolean;
  dryRun: boolean;
  /** null: take it from the registry, else DEFAULT_TIMEOUT_SECONDS. An explicit input wins over the registry. */
  timeoutSeconds: number | null;
  killGraceSeconds: number;
  maxOutputBytes: number;
  logMaxBytes: number;
  /** null: take it from the registry, else bash (pwsh on Windows). */
  shell: string | null;
  /** null: take it from the registry, else the workspace root. */
  workingDirectory: string | null;
  retries: number;
  retryOn: RetryOn;
  /** null: commit statuses are off. */
  statusContext: string | null;
  artifactName: string;
  artifactRetentionDays: number | null;
  redactPatterns: Pattern[];
}

/** What the runner tells us about this run (environment + event payload). */
export interface RunnerContext {
  eventName: string;
  event: Record<string, unknown>;
  sha: string;
  ref: string;
  /** owner/name, or null outside Actions. */
  repository: string | null;
  serverUrl: string;
  apiUrl: string;
  graphqlUrl: string;
  runId: string | null;
  runAttempt: number;
  workspace: string;
  runnerTemp: string;
  os: 'Linux' | 'Windows' | 'macOS';
}

export interface InputError {
  input: string;
  message: string;
}

export interface ParsedSettings {
  settings: Settings;
  errors: InputError[];
}

/** Every input the action declares, in action.yml order. The README and action.yml are checked against it. */
export const INPUT_NAMES = [
  'github-token',
  'merge-commit',
  'base-branch',
  'remote',
  'on-stale',
  'smoke-command',
  'profile',
  'task-id',
  'registry-path',
  'task-path',
  'task-id-pattern',
  'pr-body-command',
  'dry-run',
  'timeout-seconds',
  'kill-grace-seconds',
  'max-output-bytes',
  'log-max-bytes',
  'shell',
  'working-directory',
  'retries',
  'retry-on',
  'status-context',
  'artifact-name',
  'artifact-retention-days',
  'redact-patterns',
] as const;
export type InputName = (typeof INPUT_NAMES)[number];

/** Every output, set on every exit path. */
export const OUTPUT_NAMES = [
  'status',
  'result',
  'result-path',
  'merge-commit',
  'origin-head',
  'task-id',
  'pr-number',
  'exit-code',
  'duration-ms',
  'continuation-ready',
  'packet-path',
  'artifact-id',
  'artifact-url',
] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];

const MAX_TIMER_SECONDS = 2_147_483; // setTimeout's ceiling (2^31-1 ms)
const DEFAULT_PATTERN = (parsePattern(DEFAULT_TASK_ID_PATTERN) as { ok: true; value: Pattern }).value;

/**
 * Parses and validates every input. `getInput` returns '' for an input that was not given (as the runner
 * does for INPUT_* variables) — defaults for the inputs that depend on the event are computed here.
 */
export function parseSettings(getInput: (name: InputName) => string, ctx: RunnerContext): ParsedSettings {
  const errors: InputError[] = [];
  const fail = (input: InputName, message: string) =>
    errors.push({ input, message: `Input '${input}' ${message}` });
  const raw = (name: InputName) => getInput(name).trim();
  const optional = (name: InputName) => raw(name) || null;

  const enumInput = <T extends string>(name: InputName, allowed: readonly T[], fallback: T): T => {
    const value = raw(name);
    if (value === '') return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    fail(name, `is '${value}'; accepted values: ${allowed.join(', ')}.`);
    return fallback;
  };

  const numberInput = (
    name: InputName,
    fallback: number,
    opts: { min: number; max: number; integer: boolean; minExclusive?: boolean },
  ): number => {
    const value = raw(name);
    if (value === '') return fallback;
    const n = /^[+]?(\d+(\.\d*)?|\.\d+)$/.test(value) ? Number(value) : NaN;
    const kind = opts.integer ? 'a whole number' : 'a number';
    const low = opts.minExclusive ? `greater than ${opts.min}` : `at least ${opts.min}`;
    if (!Number.isFinite(n) || (opts.integer && !Number.isInteger(n))) {
      fail(name, `is '${value}'; expected ${kind} ${low} and at most ${opts.max}.`);
      return fallback;
    }
    if ((opts.minExclusive ? n <= opts.min : n < opts.min) || n > opts.max) {
      fail(name, `is ${value}; expected ${kind} ${low} and at most ${opts.max}.`);
      return fallback;
    }
    return n;
  };

  const booleanInput = (name: InputName, fallback: boolean): boolean => {
    const value = raw(name);
    if (value === '') return fallback;
    if (['true', 'True', 'TRUE'].includes(value)) return true;
    if (['false', 'False', 'FALSE'].includes(value)) return false;
    fail(name, `is '${value}'; accepted values: true, false.`);
    return fallback;
  };

  /** The value a domain parser accepted, or `fallback` with the input's error recorded. */
  const domainInput = <T>(name: InputName, value: string, parsed: Parsed<T>, fallback: T): T => {
    if (parsed.ok) return parsed.value;
    fail(name, `is '${value}'; it ${parsed.problem}.`);
    return fallback;
  };

  // --- what is under test
  const event = ctx.event ?? {};
  const isPush = ctx.eventName === 'push';
  let mergeCommit = raw('merge-commit');
  if (mergeCommit === '') {
    const after = parseSha(typeof event.after === 'string' ? event.after : '');
    mergeCommit = isPush && after.ok ? after.value : ctx.sha;
  } else {
    const sha = parseSha(mergeCommit);
    mergeCommit = sha.ok
      ? sha.value
      : domainInput<string>('merge-commit', mergeCommit, parseRefName(mergeCommit), '');
  }
  if (mergeCommit === '' && !errors.some((e) => e.input === 'merge-commit')) {
    fail(
      'merge-commit',
      'is empty and the event gives no commit (GITHUB_SHA is unset); pass a SHA or a ref.',
    );
  }

  let baseBranchRaw = raw('base-branch');
  if (baseBranchRaw === '') {
    const repo = event.repository as { default_branch?: unknown } | undefined;
    if (isPush && ctx.ref.startsWith('refs/heads/')) baseBranchRaw = ctx.ref.slice('refs/heads/'.length);
    else if (repo && typeof repo.default_branch === 'string') baseBranchRaw = repo.default_branch;
    else baseBranchRaw = 'main';
  }
  const MAIN = 'main' as BranchName;
  const baseBranch = domainInput('base-branch', baseBranchRaw, parseBranchName(baseBranchRaw), MAIN);
  const remoteRaw = raw('remote') || 'origin';
  const remote = domainInput('remote', remoteRaw, parseRemoteName(remoteRaw), 'origin' as RemoteName);
  const onStale = enumInput<OnStale>(
    'on-stale',
    ['skip', 'run', 'fail'],
    ctx.eventName === 'workflow_dispatch' ? 'run' : 'skip',
  );

  // --- which command
  // The command keeps its inner whitespace and newlines: it is a script.
  const smokeCommandRaw = getInput('smoke-command');
  const smokeCommand = smokeCommandRaw.trim() === '' ? null : smokeCommandRaw.replace(/^\s*\n|\s+$/g, '');
  const profileRaw = optional('profile');
  const profile =
    profileRaw === null ? null : domainInput('profile', profileRaw, parseProfileName(profileRaw), null);
  const taskIdPatternSource = raw('task-id-pattern') || DEFAULT_TASK_ID_PATTERN;
  const taskIdPattern = domainInput(
    'task-id-pattern',
    taskIdPatternSource,
    parsePattern(taskIdPatternSource),
    DEFAULT_PATTERN,
  );
  const taskIdRaw = optional('task-id');
  let taskId = taskIdRaw === null ? null : domainInput('task-id', taskIdRaw, parseTaskId(taskIdRaw), null);
  if (taskId !== null && !taskIdPattern.fullMatch(taskId)) {
    fail('task-id', `is '${taskId}'; it does not match task-id-pattern '${taskIdPatternSource}'.`);
    taskId = null;
  }
  const registryPathRaw = raw('registry-path') || DEFAULT_REGISTRY_PATH;
  const registryPath = domainInput(
    'registry-path',
    registryPathRaw,
    parseRepoPath(registryPathRaw),
    DEFAULT_REGISTRY_PATH,
  );
  const taskPath = optional('task-path');
  if (taskPath !== null && !parseRepoPath(taskPath.split('{task_id}').join('x')).ok) {
    fail('task-path', `is '${taskPath}'; expected a path inside the repository (relative, without '..').`);
  } else if (taskPath !== null && !taskPath.includes('{task_id}')) {
    fail(
      'task-path',
      `is '${taskPath}'; it must contain the placeholder {task_id}, e.g. memory/tasks/{task_id}.md.`,
    );
  }
  const prBodyCommand = booleanInput('pr-body-command', false);
  const dryRun = booleanInput('dry-run', false);

  // --- how to run it
  const timeoutRaw = raw('timeout-seconds');
  const timeoutSeconds =
    timeoutRaw === ''
      ? null
      : numberInput('timeout-seconds', DEFAULT_TIMEOUT_SECONDS, {
          min: 0,
          minExclusive: true,
          max: MAX_TIMER_SECONDS,
          integer: false,
        });
  const killGraceSeconds = numberInput('kill-grace-seconds', 10, { min: 0, max: 3600, integer: false });
  const maxOutputBytes = numberInput('max-output-bytes', 65536, { min: 64, max: 1_048_576, integer: true });
  const logMaxBytes = numberInput('log-max-bytes', 10_485_760, {
    min: 1024,
    max: 1_073_741_824,
    integer: true,
  });
  const shellRaw = optional('shell');
  if (
    shellRaw !== null &&
    !(SHELL_NAMES as readonly string[]).includes(shellRaw) &&
    !shellRaw.includes('{0}')
  ) {
    fail(
      'shell',
      `is '${shellRaw}'; accepted values: ${SHELL_NAMES.join(', ')}, or a command template containing {0}.`,
    );
  }
  const workingDirectory = optional('working-directory');
  const retries = numberInput('retries', 0, { min: 0, max: 10, integer: true });
  const retryOn = enumInput<RetryOn>('retry-on', ['timeout', 'fail', 'any'], 'timeout');

  // --- reporting
  // status-context is the one input where an explicit empty value means something (off), so it is read raw:
  // the runner passes the action.yml default when the key is absent and '' only when the user wrote ''.
  const statusContextRaw = getInput('status-context').trim();
  const statusContext = statusContextRaw === '' ? null : statusContextRaw;
  if (statusContext !== null && statusContext.length > 255) {
    fail('status-context', `is ${statusContext.length} characters long; GitHub accepts at most 255.`);
  }
  const mergeSha = parseSha(mergeCommit);
  const sha7 = mergeSha.ok ? shortSha(mergeSha.value) : 'unknown';
  const artifactName =
    raw('artifact-name') || `post-merge-smoke-critical-7-${sha7}-attempt-${ctx.runAttempt}`;
  if (/[":<>|*?\r\n\\/]/.test(artifactName)) {
    fail(
      'artifact-name',
      `is '${artifactName}'; an artifact name cannot contain " : < > | * ? \\ / or newlines.`,
    );
  }
  const retentionRaw = raw('artifact-retention-days');
  const artifactRetentionDays =
    retentionRaw === ''
      ? null
      : numberInput('artifact-retention-days', 0, { min: 1, max: 90, integer: true }) || null;

  const redactPatterns: Pattern[] = [];
  getInput('redact-patterns')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .forEach((line, i) => {
      if (line === '') return;
      const parsed = parsePattern(line);
      if (parsed.ok) redactPatterns.push(parsed.value);
      else fail('redact-patterns', `line ${i + 1} ('${line}') ${parsed.problem}.`);
    });

  const settings: Settings = {
    githubToken: getInput('github-token').trim(),
    mergeCommit,
    baseBranch,
    remote,
    onStale,
    smokeCommand,
    profile,
    taskId,
    registryPath,
    taskPath,
    taskIdPattern,
    prBodyCommand,
    dryRun,
    timeoutSeconds,
    killGraceSeconds,
    maxOutputBytes,
    logMaxBytes,
    shell: errors.some((e) => e.input === 'shell') ? null : shellRaw,
    workingDirectory,
    retries,
    retryOn,
    statusContext,
    artifactName,
    artifactRetentionDays,
    redactPatterns,
  };
  return { settings, errors };
}

/** Reads the runner's environment the way @actions/core does, without importing it (the CLI shares this). */
export function runnerContextFromEnv(
  env: NodeJS.ProcessEnv,
  readEvent: (path: string) => string,
): RunnerContext {
  let event: Record<string, unknown> = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      const parsed: unknown = JSON.parse(readEvent(env.GITHUB_EVENT_PATH));
      if (parsed && typeof parsed === 'object') event = parsed as Record<string, unknown>;
    } catch {
      // An unreadable event file only costs us event-derived defaults; the inputs still decide.
    }
  }
  const os = env.RUNNER_OS === 'Windows' || env.RUNNER_OS === 'macOS' ? env.RUNNER_OS : runnerOs();
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    event,
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    repository: env.GITHUB_REPOSITORY || null,
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    graphqlUrl: (env.GITHUB_GRAPHQL_URL || 'https://api.github.com/graphql').replace(/\/+$/, ''),
    runId: env.GITHUB_RUN_ID || null,
    runAttempt: Math.max(1, Number.parseInt(env.GITHUB_RUN_ATTEMPT ?? '1', 10) || 1),
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    runnerTemp: env.RUNNER_TEMP || '',
    os,
  };
}

/** The runner's name for this platform (RUNNER_OS), for contexts built outside a runner. */
export function runnerOs(platform: NodeJS.Platform = process.platform): RunnerContext['os'] {
  if (platform === 'win32') return 'Windows';
  if (platform === 'darwin') return 'macOS';
  return 'Linux';
}
