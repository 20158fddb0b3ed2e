// Local object-store helpers on top of the git choke point: is a commit here, is the clone shallow, and
// bringing a missing commit in from the remote.
import { gitFailure, type Git } from '../adapters/git.js';

export async function hasCommit(git: Git, sha: string): Promise<boolean> {
  const r = await git.run(['cat-file', '-e', `${sha}^{commit}`]);
  return r.exitCode === 0;
}

export async function isShallow(git: Git): Promise<boolean> {
  const r = await git.run(['rev-parse', '--is-shallow-repository']);
  return r.exitCode === 0 && r.stdout.trim() === 'true';
}

export interface FetchCommitOutcome {
  /** The commit is in the local object store now. */
  present: boolean;
  /** At least one fetch talked to the remote successfully (so "not present" means the remote lacks it). */
  remoteAnswered: boolean;
  /** What git said on the last failed fetch; null when no fetch failed. */
  lastError: string | null;
}

/**
 * Brings `sha` into the local object store, by SHA (servers that refuse unadvertised objects reject this;
 * in a shallow clone only that one commit is fetched, `--depth=1`) and by fetching `branch` — or, without a
 * branch, the remote's configured refspecs — in that order, or branch first with `branchFirst` (a branch
 * fetch brings the history between the tip and what we have, so ancestry stays visible in a shallow clone).
 */
export async function fetchCommit(
  git: Git,
  remote: string,
  sha: string,
  branch: string | null = null,
  branchFirst = false,
): Promise<FetchCommitOutcome> {
  let remoteAnswered = false;
  let lastError: string | null = null;
  const shallow = await isShallow(git);
  const bySha = [
    'fetch',
    '--no-tags',
    '--quiet',
    ...(shallow ? ['--depth=1'] : []),
    '--end-of-options',
    remote,
    sha,
  ];
  const byBranch = [
    'fetch',
    '--no-tags',
    '--quiet',
    '--end-of-options',
    remote,
    ...(branch ? [`refs/heads/${branch}`] : []),
  ];
  for (const args of branchFirst ? [byBranch, bySha] : [bySha, byBranch]) {
    const r = await git.run(args);
    if (r.exitCode === 0) remoteAnswered = true;
    else lastError = gitFailure(r);
    if (await hasCommit(git, sha)) return { present: true, remoteAnswered, lastError };
  }
  return { present: false, remoteAnswered, lastError };
}
