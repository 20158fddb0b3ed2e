// Reading the merge commit's tree (never the working copy): one exact path, or everything under a folder.
//   git ls-tree -z -l --full-tree <commit> -- <path>   → does the exact path exist, what is it, how big
//   git cat-file blob <oid>                            → its content, with a byte cap
// Pathspecs are literal (`--literal-pathspecs`): `a*b [x].md` names that file, not a pattern.
import type { RepoPath, Sha } from '../../domain/index.js';
import { entryKind, failureOf, parseLsTree } from './output.js';
import type { GitRunOptions, GitRunResult } from './transport.js';
import type { GitAnswer, GitCallOptions, TreeEntry, TreeFileRead } from './vocabulary.js';

export type RunPlumbing = (
  args: readonly string[],
  o: GitCallOptions,
  extra?: Pick<GitRunOptions, 'maxOutputBytes'>,
) => Promise<GitRunResult>;

/** A listing of one path is a line; a folder may be big, but never this big. */
const LISTING_BYTES = 8 * 1024 * 1024;

export async function readTreeFile(
  run: RunPlumbing,
  commit: Sha,
  path: RepoPath,
  maxBytes: number,
  o: GitCallOptions,
): Promise<TreeFileRead> {
  const listing = await run(
    ['--literal-pathspecs', 'ls-tree', '-z', '-l', '--full-tree', commit, '--', path],
    o,
    {
      maxOutputBytes: 1024 * 1024,
    },
  );
  if (listing.exitCode !== 0) return { kind: 'failed', failure: failureOf(listing, 'git ls-tree') };
  const entry = parseLsTree(listing.stdout).find((e) => e.path === path);
  if (!entry) return { kind: 'missing' };
  const kind = entryKind(entry);
  if (kind !== 'file') return { kind: 'not-a-file', entry: kind };
  if (entry.size !== null && entry.size > maxBytes)
    return { kind: 'too-large', size: entry.size, limit: maxBytes };

  const blob = await run(['cat-file', 'blob', entry.oid], o, { maxOutputBytes: maxBytes + 1 });
  if (blob.exitCode !== 0) return { kind: 'failed', failure: failureOf(blob, `git cat-file blob (${path})`) };
  if (blob.truncated || Buffer.byteLength(blob.stdout, 'utf8') > maxBytes) {
    return { kind: 'too-large', size: null, limit: maxBytes };
  }
  return { kind: 'file', content: blob.stdout };
}

export async function listTreeFiles(
  run: RunPlumbing,
  commit: Sha,
  dir: string,
  o: GitCallOptions,
): Promise<GitAnswer<TreeEntry[]>> {
  const folder = dir.replace(/\/+$/, '');
  const under = folder === '' || folder === '.' ? [] : ['--', folder];
  const r = await run(
    ['--literal-pathspecs', 'ls-tree', '-r', '-z', '-l', '--full-tree', commit, ...under],
    o,
    {
      maxOutputBytes: LISTING_BYTES,
    },
  );
  if (r.exitCode !== 0) return { ok: false, failure: failureOf(r, `git ls-tree ${commit}`) };
  if (r.truncated) {
    return {
      ok: false,
      failure: { kind: 'failed', message: `the listing of '${dir}' is over ${LISTING_BYTES} bytes` },
    };
  }
  const prefix = under.length === 0 ? '' : `${folder}/`;
  const entries = parseLsTree(r.stdout)
    .filter((e) => e.path.startsWith(prefix))
    .map((e) => ({ path: e.path as RepoPath, kind: entryKind(e), size: e.size }));
  return { ok: true, value: entries };
}
