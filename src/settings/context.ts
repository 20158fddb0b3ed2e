// What the runner tells us about this run: its environment variables and the event payload.
import type { RunInfo } from '../contracts.js';
import { parseRepository, type Repository } from '../domain/index.js';

export interface RunnerContext {
  eventName: string;
  event: Record<string, unknown>;
  sha: string;
  ref: string;
  /** owner/name, or null outside Actions. */
  repository: Repository | null;
  serverUrl: string;
  apiUrl: string;
  graphqlUrl: string;
  runId: string | null;
  runAttempt: number;
  workspace: string;
  runnerTemp: string;
  os: 'Linux' | 'Windows' | 'macOS';
}

/** Reads the runner's variables and its event file (an unreadable event only costs event-derived defaults). */
export function runnerContextFromEnv(
  env: NodeJS.ProcessEnv,
  readEvent: (path: string) => string,
): RunnerContext {
  const os = env.RUNNER_OS === 'Windows' || env.RUNNER_OS === 'macOS' ? env.RUNNER_OS : runnerOs();
  const repository = parseRepository(env.GITHUB_REPOSITORY ?? '');
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    event: readEventFile(env.GITHUB_EVENT_PATH, readEvent),
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    repository: repository.ok ? repository.value : null,
    serverUrl: trimSlashes(env.GITHUB_SERVER_URL || 'https://github.com'),
    apiUrl: trimSlashes(env.GITHUB_API_URL || 'https://api.github.com'),
    graphqlUrl: trimSlashes(env.GITHUB_GRAPHQL_URL || 'https://api.github.com/graphql'),
    runId: env.GITHUB_RUN_ID || null,
    runAttempt: Math.max(1, Number.parseInt(env.GITHUB_RUN_ATTEMPT ?? '1', 10) || 1),
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    runnerTemp: env.RUNNER_TEMP || '',
    os,
  };
}

/** A context for runs outside Actions (the CLI, replays): no event, no repository unless given. */
export function localContext(workspace: string, over: Partial<RunnerContext> = {}): RunnerContext {
  return {
    eventName: 'cli',
    event: {},
    sha: '',
    ref: '',
    repository: null,
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    graphqlUrl: 'https://api.github.com/graphql',
    runId: null,
    runAttempt: 1,
    workspace,
    runnerTemp: '',
    os: runnerOs(),
    ...over,
  };
}

function readEventFile(path: string | undefined, read: (path: string) => string): Record<string, unknown> {
  if (!path) return {};
  try {
    const parsed: unknown = JSON.parse(read(path));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const trimSlashes = (url: string): string => url.replace(/\/+$/, '');

/** The runner's name for this platform (RUNNER_OS), for contexts built outside a runner. */
export function runnerOs(platform: NodeJS.Platform = process.platform): RunnerContext['os'] {
  if (platform === 'win32') return 'Windows';
  if (platform === 'darwin') return 'macOS';
  return 'Linux';
}

/** This workflow run, with the link to its attempt; null outside Actions. */
export function runInfo(ctx: RunnerContext): RunInfo | null {
  if (!ctx.repository || !ctx.runId) return null;
  return {
    repository: ctx.repository,
    run_id: ctx.runId,
    run_attempt: ctx.runAttempt,
    url: `${ctx.serverUrl}/${ctx.repository}/actions/runs/${ctx.runId}/attempts/${ctx.runAttempt}`,
  };
}
