// One look at the base branch head and how it relates to the merge commit — through the REST API
// (`git/ref` + `compare`) or through git (`ls-remote` + `merge-base --is-ancestor`). No retries here.
import { gitFailure, type Git } from '../adapters/git.js';
import { GitHubApiError, type BranchRelation, type GitHubApi } from '../adapters/github.js';
import { parseSha } from '../domain/index.js';
import { fetchCommit, hasCommit, isShallow } from './objects.js';

/** `unknown`: the API does not know the merge commit (yet) — compare answered 404. */
export type ObservedRelation = BranchRelation | 'unknown';

export type Observation =
  | { kind: 'head'; head: string; relation: ObservedRelation }
  | { kind: 'missing' }
  | { kind: 'transient'; error: string }
  | { kind: 'fatal'; reason: 'api_failed' | 'git_failed'; message: string; head: string | null };

export interface ObserveTarget {
  remote: string;
  baseBranch: string;
  mergeCommit: string;
}

const LS_REMOTE_TIMEOUT_MS = 60_000;

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** 403 is not transient — except GitHub's rate limits, which answer 403 too. */
export function isTransientApiError(e: unknown): boolean {
  return e instanceof GitHubApiError && (e.transient || (e.status === 403 && /rate limit/i.test(e.message)));
}

function permissionMessage(e: GitHubApiError, what: string): string {
  const why =
    e.status === 401
      ? 'the token was rejected (HTTP 401): check the github-token input'
      : `the token lacks access (HTTP ${e.status ?? 'no answer'}): grant it contents: read`;
  return `The GitHub API refused to ${what}, ${why}; the freshness gate needs a token with the permission contents: read (${e.message}).`;
}

function apiFailure(e: unknown, what: string, head: string | null): Observation {
  if (isTransientApiError(e)) return { kind: 'transient', error: errorText(e) };
  if (e instanceof GitHubApiError && (e.status === 401 || e.status === 403)) {
    return { kind: 'fatal', reason: 'api_failed', message: permissionMessage(e, what), head };
  }
  return {
    kind: 'fatal',
    reason: 'api_failed',
    message: `The GitHub API failed to ${what}: ${errorText(e)}.`,
    head,
  };
}

export async function observeViaApi(api: GitHubApi, t: ObserveTarget): Promise<Observation> {
  let head: string | null;
  try {
    head = await api.getBranchHead(t.baseBranch);
  } catch (e) {
    return apiFailure(e, `read the head of branch '${t.baseBranch}' of ${api.repository}`, null);
  }
  if (head === null) return { kind: 'missing' };
  head = head.toLowerCase();
  if (head === t.mergeCommit) return { kind: 'head', head, relation: 'identical' };
  try {
    const relation = await api.compareCommits(t.mergeCommit, head);
    return { kind: 'head', head, relation };
  } catch (e) {
    if (e instanceof GitHubApiError && e.status === 404) return { kind: 'head', head, relation: 'unknown' };
    return apiFailure(e, `compare ${t.mergeCommit} with ${head} in ${api.repository}`, head);
  }
}

/** `git ls-remote <remote> refs/heads/<branch>`: the SHA, null when the branch does not exist. Throws a
 * string (what git said) when the remote could not be read. */
export async function lsRemoteHead(git: Git, remote: string, branch: string): Promise<string | null> {
  const ref = `refs/heads/${branch}`;
  const r = await git.run(['ls-remote', '--end-of-options', remote, ref], {
    timeoutMs: LS_REMOTE_TIMEOUT_MS,
  });
  if (r.exitCode !== 0) throw new LsRemoteError(`git ls-remote ${remote} ${ref} failed: ${gitFailure(r)}`);
  for (const line of r.stdout.split('\n')) {
    const [sha, name] = line.trim().split(/\s+/);
    const parsed = parseSha(sha ?? '');
    if (name === ref && parsed.ok) return parsed.value;
  }
  return null;
}

export class LsRemoteError extends Error {
  override name = 'LsRemoteError';
}

type GitAnswer<T> = { ok: true; value: T } | { ok: false; error: string };

/** exit 0 → true, exit 1 → false, anything else → what git said. */
async function isAncestor(git: Git, ancestor: string, descendant: string): Promise<GitAnswer<boolean>> {
  const r = await git.run(['merge-base', '--is-ancestor', ancestor, descendant]);
  if (r.exitCode === 0 || r.exitCode === 1) return { ok: true, value: r.exitCode === 0 };
  return {
    ok: false,
    error: `git merge-base --is-ancestor ${ancestor} ${descendant} failed: ${gitFailure(r)}`,
  };
}

async function relationByGit(git: Git, merge: string, head: string): Promise<GitAnswer<BranchRelation>> {
  const ahead = await isAncestor(git, merge, head);
  if (!ahead.ok || ahead.value) return ahead.ok ? { ok: true, value: 'ahead' } : ahead;
  const behind = await isAncestor(git, head, merge);
  if (!behind.ok) return behind;
  return { ok: true, value: behind.value ? 'behind' : 'diverged' };
}

export async function observeViaGit(git: Git, t: ObserveTarget): Promise<Observation> {
  let head: string | null;
  try {
    head = await lsRemoteHead(git, t.remote, t.baseBranch);
  } catch (e) {
    return { kind: 'transient', error: errorText(e) };
  }
  if (head === null) return { kind: 'missing' };
  if (head === t.mergeCommit) return { kind: 'head', head, relation: 'identical' };

  if (!(await hasCommit(git, head))) {
    const fetched = await fetchCommit(git, t.remote, head, t.baseBranch, true);
    if (!fetched.present) {
      return {
        kind: 'transient',
        error: `could not fetch the head ${head} of '${t.baseBranch}' from '${t.remote}': ${fetched.lastError ?? 'the remote did not send it'}`,
      };
    }
  }
  if (!(await hasCommit(git, t.mergeCommit))) {
    const fetched = await fetchCommit(git, t.remote, t.mergeCommit, t.baseBranch);
    if (!fetched.present) {
      return {
        kind: 'fatal',
        reason: 'git_failed',
        message: `Merge commit ${t.mergeCommit} is not in the local repository and could not be fetched from '${t.remote}' (${fetched.lastError ?? 'the remote does not have it'}), so its relation to the head ${head} of '${t.baseBranch}' is unknown.`,
        head,
      };
    }
  }
  let relation = await relationByGit(git, t.mergeCommit, head);
  // In a shallow clone, history cut at the shallow boundary can hide an ancestry: complete it once.
  if (relation.ok && relation.value === 'diverged' && (await isShallow(git))) {
    const unshallow = await git.run([
      'fetch',
      '--no-tags',
      '--quiet',
      '--unshallow',
      '--end-of-options',
      t.remote,
      `refs/heads/${t.baseBranch}`,
    ]);
    if (unshallow.exitCode === 0) relation = await relationByGit(git, t.mergeCommit, head);
  }
  if (!relation.ok) return { kind: 'fatal', reason: 'git_failed', message: `${relation.error}.`, head };
  return { kind: 'head', head, relation: relation.value };
}
