// End-to-end harness: runs the BUILT action (dist/index.js) the way the GitHub runner runs it — a child
// `node dist/index.js` with a clean environment of INPUT_* variables (hyphens kept, every action.yml default
// filled in), the runner's file commands (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_STATE, …), a push event,
// a real git origin + workspace clone, a loopback GitHub API (FakeGitHub) and a loopback artifact service
// that the real @actions/artifact client talks to. Nothing is mocked: real processes, real git, real HTTP.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { SmokeResult } from '../../src/contracts.js';
import { OUTPUT_NAMES } from '../../src/settings/index.js';
import { FakeArtifactService, makeRuntimeToken } from '../support/fake-artifact-service.js';
import { FakeGitHub, type RecordedRequest } from '../support/fake-github.js';
import { GitFixture, GITHUB_MERGE } from '../support/git-fixture.js';
import { serveFromGit } from '../freshness/git-backed-api.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');
/** The bundle under test: dist/index.js, or POST_MERGE_SMOKE_E2E_DIST (e.g. a snapshot built elsewhere). */
export const DIST = process.env.POST_MERGE_SMOKE_E2E_DIST
  ? resolve(process.env.POST_MERGE_SMOKE_E2E_DIST)
  : join(ROOT, 'dist', 'index.js');
export const REPOSITORY = 'octo/repo';
export const RUN_ID = '4242';
export const TEST_TOKEN = 'ghs_' + 'e2eTestToken0123456789abcdefghijklmno'.slice(0, 36);

// ---------------------------------------------------------------------------------------------------------
// action.yml → the INPUT_* variables the runner sets

interface ActionYml {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { description: string }>;
}

let actionYml: ActionYml | null = null;
export function readActionYml(): ActionYml {
  actionYml ??= parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;
  return actionYml;
}

/** The runner's name for an input's variable: spaces → '_', upper case, hyphens kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * Every input with its action.yml default (`${{ github.token }}` → `token`), overridden by `inputs`.
 * An input that action.yml does not declare is a test bug: it throws.
 */
export function inputEnv(token: string, inputs: Record<string, string> = {}): Record<string, string> {
  const declared = readActionYml().inputs;
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries(declared)) {
    const def = String(spec.default ?? '').replace(/\$\{\{\s*github\.token\s*\}\}/g, token);
    env[inputVariable(name)] = def;
  }
  for (const [name, value] of Object.entries(inputs)) {
    if (!(name in declared)) throw new Error(`action.yml declares no input '${name}'`);
    env[inputVariable(name)] = value;
  }
  return env;
}

// ---------------------------------------------------------------------------------------------------------
// The world a run happens in

export interface World {
  fixture: GitFixture;
  github: FakeGitHub;
  artifacts: FakeArtifactService;
  /** The pushed merge commit (the event's `after`). */
  mergeCommit: string;
  /** The commit before it (the event's `before`). */
  before: string;
  /** Runner files live here (RUNNER_TEMP, GITHUB_OUTPUT, …). */
  runnerDir: string;
  runnerTemp: string;
  /** Scratch directory outside the workspace for marker and pid files. */
  scratch: string;
  cleanup: () => Promise<void>;
}

export interface WorldOptions {
  commitMessage?: string;
  files?: Record<string, string>;
  /**
   * Push the merge commit from a second clone, so the workspace clone has never seen it (it must fetch).
   * Default false: the workspace made and pushed the commit itself.
   */
  pushFromOtherClone?: boolean;
  /** The merge commit is GitHub's own (the merge button), as PR discovery sees it. Default: a person's push. */
  mergedByGitHub?: boolean;
}

export async function createWorld(opts: WorldOptions = {}): Promise<World> {
  const fixture = GitFixture.create('main', 'pms-e2e-');
  const before = fixture.head();
  let mergeCommit: string;
  const message = opts.commitMessage ?? 'Add the widget endpoint';
  const committer = opts.mergedByGitHub ? GITHUB_MERGE : undefined;
  if (opts.pushFromOtherClone) {
    const other = fixture.clone('merger');
    mergeCommit = fixture.commit(message, opts.files ?? { 'widget.txt': 'widget\n' }, other, committer);
    fixture.push('HEAD:main', other);
  } else {
    mergeCommit = fixture.commit(
      message,
      opts.files ?? { 'widget.txt': 'widget\n' },
      fixture.work,
      committer,
    );
    fixture.push();
  }

  const github = await new FakeGitHub().start();
  serveFromGit(github, fixture.origin, REPOSITORY);
  const repo = REPOSITORY.replace('/', '\\/');
  github.on('GET', new RegExp(`^/repos/${repo}/commits/[0-9a-f]{40}/pulls$`), { body: [] });
  github.on('POST', new RegExp(`^/repos/${repo}/statuses/[0-9a-f]{40}$`), (req) => ({
    status: 201,
    body: { id: github.requests.length, ...(req.json as object) },
  }));
  const artifacts = await new FakeArtifactService().start();

  const runnerDir = join(fixture.root, 'runner');
  const runnerTemp = join(runnerDir, 'temp');
  const scratch = join(fixture.root, 'scratch');
  for (const d of [runnerDir, runnerTemp, scratch]) mkdirSync(d, { recursive: true });

  return {
    fixture,
    github,
    artifacts,
    mergeCommit,
    before,
    runnerDir,
    runnerTemp,
    scratch,
    cleanup: async () => {
      await github.stop();
      await artifacts.stop();
      fixture.cleanup();
    },
  };
}

export interface EnvOptions {
  inputs?: Record<string, string>;
  /** Extra or replaced variables; undefined removes one. */
  env?: Record<string, string | undefined>;
  token?: string;
  eventName?: string;
  /** The event payload (default: a push of the merge commit to main). */
  event?: Record<string, unknown>;
  runAttempt?: number;
}

/** The runner's environment for one step of the action, with fresh file-command files. */
export function actionEnv(world: World, opts: EnvOptions = {}): Record<string, string> {
  const token = opts.token ?? TEST_TOKEN;
  const files = {
    GITHUB_OUTPUT: join(world.runnerDir, 'output.txt'),
    GITHUB_STEP_SUMMARY: join(world.runnerDir, 'step-summary.md'),
    GITHUB_STATE: join(world.runnerDir, 'state.txt'),
    GITHUB_ENV: join(world.runnerDir, 'env.txt'),
    GITHUB_PATH: join(world.runnerDir, 'path.txt'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const eventPath = join(world.runnerDir, 'event.json');
  const message = execGit(world.fixture.origin, ['log', '-1', '--format=%B', world.mergeCommit]);
  writeFileSync(
    eventPath,
    JSON.stringify(
      opts.event ?? {
        ref: 'refs/heads/main',
        before: world.before,
        after: world.mergeCommit,
        repository: { full_name: REPOSITORY, default_branch: 'main' },
        head_commit: { id: world.mergeCommit, message },
      },
    ),
  );
  const env: Record<string, string | undefined> = {
    // What a runner's process needs to find its tools; nothing else of ours leaks in.
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: process.env.LANG ?? 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    RUNNER_OS: process.platform === 'win32' ? 'Windows' : process.platform === 'darwin' ? 'macOS' : 'Linux',
    RUNNER_TEMP: world.runnerTemp,
    GITHUB_WORKSPACE: world.fixture.work,
    GITHUB_EVENT_NAME: opts.eventName ?? 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: world.mergeCommit,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_RUN_ID: RUN_ID,
    GITHUB_RUN_ATTEMPT: String(opts.runAttempt ?? 1),
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: world.github.url,
    GITHUB_GRAPHQL_URL: world.github.graphqlUrl,
    ACTIONS_RESULTS_URL: `${world.artifacts.url}/`,
    ACTIONS_RUNTIME_TOKEN: makeRuntimeToken(),
    POST_MERGE_SMOKE_BACKOFF_MS: '5',
    ...files,
    ...inputEnv(token, opts.inputs),
    ...opts.env,
  };
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) clean[k] = v;
  return clean;
}

function execGit(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

// ---------------------------------------------------------------------------------------------------------
// Running the action

export interface ActionRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** GITHUB_OUTPUT as the runner would read it. */
  outputs: Record<string, string>;
  outputFile: string;
  summary: string;
  env: Record<string, string>;
}

export interface RunOptions {
  /** Kill the action and fail the test after this long. */
  timeoutMs?: number;
  /** Called with the action's process once it is spawned (e.g. to send it SIGINT later). */
  onSpawn?: (child: ChildProcess) => void;
  /** Called with each stdout chunk as it arrives, and everything so far. */
  onStdout?: (chunk: string, soFar: string, child: ChildProcess) => void;
}

/** Spawns `node dist/index.js` in the workspace with exactly `env`, waits for it and collects everything. */
export function runAction(env: Record<string, string>, opts: RunOptions = {}): Promise<ActionRun> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  if (!existsSync(DIST)) {
    return Promise.reject(new Error(`${DIST} does not exist: run \`npm run bundle\` first`));
  }
  return new Promise<ActionRun>((resolvePromise, reject) => {
    const child = spawn(process.execPath, [DIST], {
      cwd: env.GITHUB_WORKSPACE,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (c: string) => {
      stdout += c;
      opts.onStdout?.(c, stdout, child);
    });
    child.stderr.on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `the action did not exit within ${timeoutMs} ms\n--- stdout\n${stdout}\n--- stderr\n${stderr}`,
        ),
      );
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    opts.onSpawn?.(child);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      try {
        // A test may make $GITHUB_OUTPUT unwritable (a directory): then there are no outputs to read.
        const outputFile = isFile(env.GITHUB_OUTPUT) ? readFileSync(env.GITHUB_OUTPUT, 'utf8') : '';
        resolvePromise({
          exitCode: code,
          signal,
          stdout,
          stderr,
          outputs: parseOutputFile(outputFile),
          outputFile,
          summary: existsSync(env.GITHUB_STEP_SUMMARY) ? readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8') : '',
          env,
        });
      } catch (e) {
        reject(
          new Error(`${(e as Error).message}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`, { cause: e }),
        );
      }
    });
  });
}

/** Renders a run for a failure message. */
export function describeRun(run: ActionRun): string {
  return `exit ${run.exitCode} (${run.signal ?? 'no signal'})\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
}

// ---------------------------------------------------------------------------------------------------------
// GITHUB_OUTPUT, the runner's way

/**
 * Parses a file-command file the way actions/runner's SetOutputFileCommand does: blank lines are skipped;
 * `name=value` when a '=' comes before any '<<'; `name<<DELIMITER` otherwise, whose value is the following
 * lines up to a line equal to DELIMITER, joined with '\n'. A malformed line or a missing delimiter is an
 * error (the runner fails the step). A later value for the same name wins.
 */
export function parseOutputFile(content: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = content.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    const eq = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (eq >= 0 && (heredoc < 0 || eq < heredoc)) {
      const name = line.slice(0, eq);
      if (name === '') throw new Error(`GITHUB_OUTPUT line ${i + 1}: empty name in '${line}'`);
      out[name] = line.slice(eq + 1);
    } else if (heredoc >= 0) {
      const name = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      if (name === '' || delimiter === '') {
        throw new Error(`GITHUB_OUTPUT line ${i + 1}: name and delimiter must not be empty in '${line}'`);
      }
      const value: string[] = [];
      let closed = false;
      for (i++; i < lines.length; i++) {
        if (lines[i] === delimiter) {
          closed = true;
          break;
        }
        value.push(lines[i]);
      }
      if (!closed) throw new Error(`GITHUB_OUTPUT: no closing delimiter '${delimiter}' for '${name}'`);
      out[name] = value.join('\n');
    } else {
      throw new Error(`GITHUB_OUTPUT line ${i + 1}: invalid format '${line}'`);
    }
  }
  return out;
}

/**
 * Every output named in action.yml is set (possibly to ''), `result` is a valid SmokeResult and agrees with
 * the scalar outputs. Returns the parsed result.
 */
export function checkedResult(run: ActionRun, opts: { resultFile?: boolean } = {}): SmokeResult {
  const declared = Object.keys(readActionYml().outputs);
  const missing = declared.filter((name) => !(name in run.outputs));
  if (missing.length > 0) {
    throw new Error(`outputs not set: ${missing.join(', ')}\n${describeRun(run)}`);
  }
  if ([...declared].sort().join() !== [...OUTPUT_NAMES].sort().join()) {
    throw new Error('action.yml outputs and OUTPUT_NAMES differ');
  }
  let json: unknown;
  try {
    json = JSON.parse(run.outputs.result);
  } catch (e) {
    throw new Error(`output 'result' is not JSON (${(e as Error).message}): ${run.outputs.result}`);
  }
  const parsed = SmokeResult.safeParse(json);
  if (!parsed.success) {
    throw new Error(`output 'result' is not a valid SmokeResult: ${parsed.error.message}`);
  }
  const r = parsed.data;
  const o = run.outputs;
  const expectEq = (name: string, expected: string) => {
    if (o[name] !== expected) throw new Error(`output '${name}' is '${o[name]}', expected '${expected}'`);
  };
  expectEq('status', r.status);
  expectEq('merge-commit', r.merge_commit ?? '');
  expectEq('origin-head', r.origin_head ?? '');
  expectEq('task-id', r.task_id ?? '');
  expectEq('pr-number', r.pr_number === null ? '' : String(r.pr_number));
  expectEq('exit-code', r.exit_code === null ? '' : String(r.exit_code));
  expectEq('duration-ms', r.duration_ms === null ? '' : String(r.duration_ms));
  expectEq('continuation-ready', r.merge_queue_continuation_ready ? 'true' : 'false');
  if (opts.resultFile === false) {
    expectEq('result-path', '');
    return r;
  }
  // The result file is where result-path says, and holds the same result.
  if (o['result-path'] === '' || !existsSync(o['result-path'])) {
    throw new Error(`result-path '${o['result-path']}' does not exist`);
  }
  const fromFile = SmokeResult.parse(JSON.parse(readFileSync(o['result-path'], 'utf8')));
  if (JSON.stringify(fromFile) !== JSON.stringify(r)) {
    throw new Error('the result file and the result output differ');
  }
  return r;
}

// ---------------------------------------------------------------------------------------------------------
// The runner's view of stdout: which lines it would interpret as workflow commands

export interface CommandView {
  /** Lines the runner interprets (outside any ::stop-commands:: fence). */
  interpreted: string[];
  /** Lines inside a fence (printed verbatim, never interpreted). */
  fenced: string[];
  /** Stop tokens used, in order. */
  tokens: string[];
  /** True when every fence was closed again. */
  balanced: boolean;
}

/** The runner's TrimStart (.NET: every Unicode white space, NEL included). */
const trimStartLikeTheRunner = (line: string): string => line.replace(/^[\s\u0085]+/, '');

export function commandView(stdout: string): CommandView {
  const interpreted: string[] = [];
  const fenced: string[] = [];
  const tokens: string[] = [];
  let token: string | null = null;
  // Lines as the runner reads them (.NET ReadLine: a lone CR ends a line too).
  for (const raw of stdout.split(/\r\n|\r|\n/)) {
    const line = trimStartLikeTheRunner(raw).trimEnd();
    if (token !== null) {
      if (line === `::${token}::`) token = null;
      else fenced.push(raw);
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) {
      token = stop[1];
      tokens.push(token);
      continue;
    }
    interpreted.push(raw);
  }
  return { interpreted, fenced, tokens, balanced: token === null };
}

/**
 * The lines outside any fence that the runner would parse as workflow commands: `::name …::data` after
 * leading whitespace (ActionCommand.TryParseV2), or the legacy `##[name …]data` anywhere in the line
 * (ActionCommand.TryParse, which the runner still falls back to).
 */
export function runnerCommands(stdout: string): string[] {
  return commandView(stdout).interpreted.filter((l) => {
    const t = trimStartLikeTheRunner(l);
    return (t.startsWith('::') && t.indexOf('::', 2) > 2) || /##\[[^\]]*\]/.test(l);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Commit statuses seen by the FakeGitHub

export interface PostedStatus {
  sha: string;
  state: string;
  context: string;
  description: string;
  target_url: string | null;
  raw: RecordedRequest;
}

export function postedStatuses(world: World): PostedStatus[] {
  return world.github.requestsTo('POST', /\/statuses\/[0-9a-f]{40}$/).map((r) => {
    const body = (r.json ?? {}) as Record<string, unknown>;
    return {
      sha: r.path.split('/').pop()!,
      state: String(body.state),
      context: String(body.context),
      description: String(body.description ?? ''),
      target_url: typeof body.target_url === 'string' ? body.target_url : null,
      raw: r,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Processes

/** Is `pid` a live process (zombies count as dead: nobody may reap orphans in a container)? */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  if (process.platform !== 'linux') return true;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/** The pids still alive after polling for up to `withinMs` (a SIGKILL is delivered asynchronously). */
export async function survivors(pids: number[], withinMs = 2000): Promise<number[]> {
  const until = Date.now() + withinMs;
  let alive = pids.filter(isAlive);
  while (alive.length > 0 && Date.now() < until) {
    await sleep(50);
    alive = alive.filter(isAlive);
  }
  return alive;
}

/** Kills leftovers a failed test may leave behind (best effort). */
export function killAll(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }
}

export function readPids(file: string): number[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split(/\s+/)
    .filter((s) => /^\d+$/.test(s))
    .map(Number);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(25);
  }
}

/** Every regular file under `dir`, recursively. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => statSync(f).isFile());
}

/** A stack trace line as Node prints it. */
export const STACK_TRACE = /^\s+at .+(\(.*:\d+:\d+\)|:\d+:\d+)$/m;

/** Shell-quotes a path for a POSIX command line. */
export function sq(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

const isFile = (path: string): boolean => existsSync(path) && statSync(path).isFile();
