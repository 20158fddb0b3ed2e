// Running the CLI as a user does: the bundled dist/cli/index.js in a subprocess (`npm run bundle` first).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { git } from '../support/git-fixture.js';

export const CLI = join(process.cwd(), 'dist', 'cli', 'index.js');

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
