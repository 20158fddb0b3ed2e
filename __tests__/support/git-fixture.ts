// Real git repositories for tests: a bare repository as `origin` and a working clone, with real commits and
// pushes. Everything lives under one temp directory that `cleanup()` removes.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

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
  ): string {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(cwd, path)), { recursive: true });
      writeFileSync(join(cwd, path), content);
    }
    git(cwd, 'add', '-A');
    const as: Record<string, string> = committer
      ? { GIT_COMMITTER_NAME: committer.name, GIT_COMMITTER_EMAIL: committer.email }
      : {};
    gitWith(as, cwd, 'commit', '-q', '--allow-empty', '-m', message);
    return git(cwd, 'rev-parse', 'HEAD');
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

  head(cwd = this.work): string {
    return git(cwd, 'rev-parse', 'HEAD');
  }

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
