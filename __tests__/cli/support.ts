// Running the CLI as a user does: the bundled dist/cli/index.js in a subprocess (`npm run bundle` first).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { git } from '../support/git-fixture.js';

/** The bundle under test: dist/cli/index.js, or POST_MERGE_SMOKE_CLI (e.g. a build of another revision). */
export const CLI = process.env.POST_MERGE_SMOKE_CLI ?? join(process.cwd(), 'dist', 'cli', 'index.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliRun {
  if (!existsSync(CLI)) throw new Error(`${CLI} does not exist: run \`npm run bundle\` first`);
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env: { ...process.env, GH_TOKEN: '', GITHUB_TOKEN: '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The last non-empty line a run printed on stderr. */
export const lastLine = (text: string): string => text.trimEnd().split('\n').at(-1) ?? '';

/** Everything git would report about the working tree, ignored files included: empty when nothing was written. */
export function writtenInto(repo: string): string {
  return git(repo, 'status', '--porcelain', '--ignored', '--untracked-files=all');
}

/** The run folders the CLI keeps in the repository. */
export function runFolders(repo: string): string[] {
  const dir = join(repo, '.post-merge-smoke', 'runs');
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** The CLI without blocking this process (a loopback server in the test must go on answering). */
export function cliAsync(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { ...process.env, GH_TOKEN: '', GITHUB_TOKEN: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
