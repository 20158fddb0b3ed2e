// Git operations the modes and the CLI need that the git adapter does not offer yet. Each is one small
// function named like the verb the adapter is getting (adapters/git.ts), built on `git.run` today, so that
// it can be swapped for the verb without touching its callers.
import { gitFailure, type Git } from '../adapters/git.js';
import { parseSha, type Sha } from '../domain/index.js';

/** A git call that failed (not a "no" answer): the repository could not be read. */
export class GitVerbError extends Error {
  override name = 'GitVerbError';
}

/** Deadline of each of these calls: they read the local repository only. */
const LOCAL_TIMEOUT_MS = 60_000;

export type CommitLookup =
  { ok: true; sha: Sha } | { ok: false; kind: 'missing' | 'ambiguous' | 'failed'; message: string };

/** `rev` (a SHA, a short SHA, a ref) as a commit of the local repository; never fetches. */
export async function revParseCommit(git: Git, rev: string): Promise<CommitLookup> {
  const r = await git.run(['rev-parse', '--verify', '--end-of-options', `${rev}^{commit}`], {
    timeoutMs: LOCAL_TIMEOUT_MS,
  });
  const sha = parseSha(r.stdout.trim());
  if (r.exitCode === 0 && sha.ok) return { ok: true, sha: sha.value };
  if (/ambiguous/i.test(r.stderr)) {
    return { ok: false, kind: 'ambiguous', message: `'${rev}' is ambiguous: more than one object starts so` };
  }
  if (
    /needed a single revision|unknown revision|bad revision|not a valid/i.test(r.stderr) ||
    r.exitCode === 128
  ) {
    return { ok: false, kind: 'missing', message: `'${rev}' is not a commit of this repository` };
  }
  return { ok: false, kind: 'failed', message: `git rev-parse ${rev} failed: ${gitFailure(r)}` };
}

/** Paths of the files (blobs and links) under `dir` ('' for all) in `commit`'s tree. */
export async function listTreeFiles(git: Git, commit: string, dir: string): Promise<string[]> {
  const r = await git.run(
    ['ls-tree', '-r', '-z', '--full-tree', '--name-only', commit, '--', ...(dir ? [dir] : [])],
    { timeoutMs: LOCAL_TIMEOUT_MS },
  );
  if (r.exitCode !== 0)
    throw new GitVerbError(`git ls-tree ${commit} -- ${dir || '.'} failed: ${gitFailure(r)}`);
  return r.stdout.split('\0').filter(Boolean);
}

/**
 * Paths under `dir` ('' for all) that the working tree would commit: tracked and untracked, not ignored.
 * Relative to the repository root: `git` must work there.
 */
export async function listWorktreeFiles(git: Git, dir: string): Promise<string[]> {
  const r = await git.run(
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...(dir ? [dir] : [])],
    { timeoutMs: LOCAL_TIMEOUT_MS },
  );
  if (r.exitCode !== 0) throw new GitVerbError(`git ls-files -- ${dir || '.'} failed: ${gitFailure(r)}`);
  return [...new Set(r.stdout.split('\0').filter(Boolean))].sort();
}

/**
 * Files with uncommitted changes: modified, staged, deleted, and untracked files that are not ignored (they
 * would be part of a smoke run in this working tree, but not of the commit).
 */
export async function dirtyFiles(git: Git): Promise<string[]> {
  const r = await git.run(['status', '--porcelain=v1', '-z', '--untracked-files=normal'], {
    timeoutMs: LOCAL_TIMEOUT_MS,
  });
  if (r.exitCode !== 0) throw new GitVerbError(`git status failed: ${gitFailure(r)}`);
  const files: string[] = [];
  const entries = r.stdout.split('\0');
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.length < 4) continue;
    files.push(entry.slice(3));
    // A rename or copy is followed by its source path.
    if (entry[0] === 'R' || entry[0] === 'C') i++;
  }
  return files;
}

/**
 * The remote's default branch: what `refs/remotes/<remote>/HEAD` points at (set by `git clone`, or by
 * `git remote set-head <remote> --auto`), else the only one of main and master the remote has; null when
 * neither says.
 */
export async function remoteDefaultBranch(git: Git, remote: string): Promise<string | null> {
  const prefix = `refs/remotes/${remote}/`;
  const head = await git.run(['symbolic-ref', '--quiet', `${prefix}HEAD`], { timeoutMs: LOCAL_TIMEOUT_MS });
  const target = head.stdout.trim();
  if (head.exitCode === 0 && target.startsWith(prefix)) return target.slice(prefix.length);
  const refs = await git.run(['for-each-ref', '--format=%(refname)', `${prefix}main`, `${prefix}master`], {
    timeoutMs: LOCAL_TIMEOUT_MS,
  });
  const found = refs.stdout.split('\n').filter(Boolean);
  return refs.exitCode === 0 && found.length === 1 ? found[0]!.slice(prefix.length) : null;
}
