// Real git repositories for tests: a bare repository as `origin` and a working clone, with real commits and
// pushes. Everything lives under one temp directory that `cleanup()` removes.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { mustParse, parseBranchName, parseRemoteName, parseSha, type Sha } from '../../src/domain/index.js';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.com',
  GIT_COMMITTER_NAME: 'Test Committer',
  GIT_COMMITTER_EMAIL: 'committer@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_TERMINAL_PROMPT: '0',
};

/** GitHub's own identity, as on a commit made by the merge button or the merge queue. */
export const GITHUB_MERGE = { name: 'GitHub', email: 'noreply@github.com' };

export function git(cwd: string, ...args: string[]): string {
  return gitWith({}, cwd, ...args);
}

function gitWith(env: Record<string, string>, cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    env: { ...GIT_ENV, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/** Names as the settings parse them, for the verbs' arguments. */
export const ORIGIN = mustParse(parseRemoteName, 'origin');
export const MAIN = mustParse(parseBranchName, 'main');
export const branch = (name: string) => mustParse(parseBranchName, name);
export const sha = (text: string) => mustParse(parseSha, text);

export class GitFixture {
  readonly root: string;
  readonly origin: string;
  readonly work: string;

  private constructor(root: string) {
    this.root = root;
    this.origin = join(root, 'origin.git');
    this.work = join(root, 'work');
  }

  /** A bare origin with `branch` holding one initial commit, and a clone of it. */
  static create(branch = 'main', prefix = 'pms-git-'): GitFixture {
    const f = new GitFixture(mkdtempSync(join(tmpdir(), prefix)));
    git(f.root, 'init', '-q', '--bare', `--initial-branch=${branch}`, f.origin);
    const seed = join(f.root, 'seed');
    git(f.root, 'init', '-q', `--initial-branch=${branch}`, seed);
    writeFileSync(join(seed, 'README.md'), '# fixture\n');
    git(seed, 'add', '-A');
    git(seed, 'commit', '-q', '-m', 'initial commit');
    git(seed, 'remote', 'add', 'origin', f.origin);
    git(seed, 'push', '-q', 'origin', branch);
    rmSync(seed, { recursive: true, force: true });
    git(f.root, 'clone', '-q', f.origin, f.work);
    git(f.work, 'config', 'user.name', 'Test Committer');
    git(f.work, 'config', 'user.email', 'committer@example.com');
    return f;
  }

  /**
   * Writes files (path → content) in the clone and commits them; returns the new SHA. `committer`: who
   * writes the commit object (GITHUB_MERGE for a merge made on GitHub).
   */
  commit(
    message: string,
    files: Record<string, string> = {},
    cwd = this.work,
    committer?: { name: string; email: string },
  ): Sha {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(cwd, path)), { recursive: true });
      writeFileSync(join(cwd, path), content);
    }
    git(cwd, 'add', '-A');
    const as: Record<string, string> = committer
      ? { GIT_COMMITTER_NAME: committer.name, GIT_COMMITTER_EMAIL: committer.email }
      : {};
    gitWith(as, cwd, 'commit', '-q', '--allow-empty', '-m', message);
    return this.head(cwd);
  }

  push(ref = 'HEAD:main', cwd = this.work, force = false): void {
    git(cwd, 'push', '-q', ...(force ? ['--force'] : []), 'origin', ref);
  }

  /** A second clone, e.g. to push from "someone else" while the first clone stays behind. */
  clone(name: string): string {
    const dir = join(this.root, name);
    git(this.root, 'clone', '-q', this.origin, dir);
    git(dir, 'config', 'user.name', 'Other Committer');
    git(dir, 'config', 'user.email', 'other@example.com');
    return dir;
  }

  head(cwd = this.work): Sha {
    return mustParse(parseSha, git(cwd, 'rev-parse', 'HEAD'));
  }

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/**
 * A repository of 1000 commits with fixed dates at `dir` (fast-import: one process): some 4-digit prefixes
 * are shared by two commits. Returns one such prefix.
 */
export function repoWithAmbiguousPrefix(dir: string): string {
  git(dirname(dir), 'init', '-q', '--initial-branch=main', dir);
  const stream = Array.from(
    { length: 1000 },
    (_, i) => `commit refs/heads/main\ncommitter A <a@b> ${1700000000 + i} +0000\ndata <<EOF\nc${i}\nEOF\n\n`,
  ).join('');
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: stream, env: GIT_ENV });
  const prefixes = git(dir, 'rev-list', '--all')
    .split('\n')
    .map((sha) => sha.slice(0, 4));
  const shared = prefixes.find((p, i) => prefixes.indexOf(p) !== i);
  if (!shared) throw new Error('no shared prefix among 1000 commits');
  return shared;
}

/**
 * Live processes (zombies count as gone) whose environment carries `marker` — how a test finds every git
 * process (and helper, such as git-remote-http) it started, whatever their parent is now.
 */
export function liveProcessesCarrying(marker: string): { pid: number; command: string }[] {
  const found: { pid: number; command: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (!readFileSync(`/proc/${entry}/environ`).includes(marker)) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue;
      found.push({
        pid: Number(entry),
        command: readFileSync(`/proc/${entry}/cmdline`, 'latin1').replace(/\0/g, ' '),
      });
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}
