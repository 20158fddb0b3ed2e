// One look at the base branch head and how it relates to the merge commit — through the REST API
// (`git/ref` + `compare`) or through the git verbs (`lsRemoteHead` + `isAncestor`). No retries here.
import {
  GitHubApiError,
  type BranchRelation,
  type GitHubApi,
  type GitAnswer,
  type GitCallOptions,
  type GitRepository,
} from '../adapters/index.js';
import { parseSha, type BranchName, type RemoteName, type Sha } from '../domain/index.js';
import { withinBudget, type Budget } from './budget.js';

/** `unknown`: the API does not know the merge commit (yet) — compare answered 404. */
export type ObservedRelation = BranchRelation | 'unknown';

export type Observation =
  | { kind: 'head'; head: Sha; relation: ObservedRelation; unshallowed?: true }
  | { kind: 'missing' }
  | { kind: 'transient'; error: string }
  | { kind: 'fatal'; reason: 'api_failed' | 'git_failed'; message: string; head: Sha | null }
  /** The head was read; how it relates to the merge commit cannot be told (`detail` says why). */
  | { kind: 'undecided'; head: Sha; why: 'shallow-history' | 'not-fetched'; detail: string };

export interface ObserveTarget {
  remote: RemoteName;
  baseBranch: BranchName;
  mergeCommit: Sha;
}

const NO_ANSWER_IN_BUDGET: Observation = {
  kind: 'transient',
  error: 'no answer within the freshness budget',
};

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

function apiFailure(e: unknown, what: string, head: Sha | null): Observation {
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

type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown } | null;

/** An API call inside the budget: null when the budget fired first. */
async function apiCall<T>(budget: Budget, call: () => Promise<T>): Promise<Attempt<T>> {
  const settled = await withinBudget(
    budget,
    call().then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    ),
  );
  return settled === null ? null : settled.value;
}

export async function observeViaApi(api: GitHubApi, t: ObserveTarget, budget: Budget): Promise<Observation> {
  const read = await apiCall(budget, () => api.getBranchHead(t.baseBranch));
  if (read === null) return NO_ANSWER_IN_BUDGET;
  if (!read.ok)
    return apiFailure(read.error, `read the head of branch '${t.baseBranch}' of ${api.repository}`, null);
  if (read.value === null) return { kind: 'missing' };
  const parsed = parseSha(read.value);
  if (!parsed.ok) {
    return apiFailure(
      new Error(`the branch head '${read.value}' ${parsed.problem}`),
      'read the branch head',
      null,
    );
  }
  const head = parsed.value;
  if (head === t.mergeCommit) return { kind: 'head', head, relation: 'identical' };
  const compared = await apiCall(budget, () => api.compareCommits(t.mergeCommit, head));
  if (compared === null) return NO_ANSWER_IN_BUDGET;
  if (compared.ok) return { kind: 'head', head, relation: compared.value };
  if (compared.error instanceof GitHubApiError && compared.error.status === 404) {
    return { kind: 'head', head, relation: 'unknown' };
  }
  return apiFailure(compared.error, `compare ${t.mergeCommit} with ${head} in ${api.repository}`, head);
}

async function relationByGit(
  git: GitRepository,
  merge: Sha,
  head: Sha,
  o: GitCallOptions,
): Promise<GitAnswer<BranchRelation>> {
  const ahead = await git.isAncestor(merge, head, o);
  if (!ahead.ok || ahead.value) return ahead.ok ? { ok: true, value: 'ahead' } : ahead;
  const behind = await git.isAncestor(head, merge, o);
  if (!behind.ok) return behind;
  return { ok: true, value: behind.value ? 'behind' : 'diverged' };
}

/** Both commits in the local object store, fetched when missing; an Observation when that failed. */
async function bringBothHere(git: GitRepository, t: ObserveTarget, head: Sha, o: GitCallOptions) {
  if (!(await git.hasCommit(head, o))) {
    const fetched = await git.fetchCommit(t.remote, head, { ...o, branch: t.baseBranch, branchFirst: true });
    if (!fetched.present) {
      return {
        kind: 'transient' as const,
        error: `could not fetch the head ${head} of '${t.baseBranch}' from '${t.remote}': ${fetched.failure?.message ?? 'the remote did not send it'}`,
      };
    }
  }
  if (!(await git.hasCommit(t.mergeCommit, o))) {
    const fetched = await git.fetchCommit(t.remote, t.mergeCommit, { ...o, branch: t.baseBranch });
    if (!fetched.present) {
      return {
        kind: 'fatal' as const,
        reason: 'git_failed' as const,
        message: `Merge commit ${t.mergeCommit} is not in the local repository and could not be fetched from '${t.remote}' (${fetched.failure?.message ?? 'the remote does not have it'}), so its relation to the head ${head} of '${t.baseBranch}' is unknown.`,
        head,
      };
    }
  }
  return null;
}

/**
 * What the verbs may do to the repository. `mayFetch: false`: never fetch or unshallow — answer from what is
 * here, and say so when that is not enough. `mayUnshallow: false` (a developer's clone in plan mode): fetch
 * a missing commit, but never turn a shallow clone into a full one.
 */
export interface GitObserveOptions {
  mayFetch: boolean;
  mayUnshallow: boolean;
}

const NOT_FETCHING = 'fetching is off';

export async function observeViaGit(
  git: GitRepository,
  t: ObserveTarget,
  budget: Budget,
  options: GitObserveOptions = { mayFetch: true, mayUnshallow: true },
): Promise<Observation> {
  const o: GitCallOptions = { signal: budget.signal };
  const listed = await git.lsRemoteHead(t.remote, t.baseBranch, o);
  if (!listed.ok) return { kind: 'transient', error: listed.failure.message };
  const head = listed.value;
  if (head === null) return { kind: 'missing' };
  if (head === t.mergeCommit) return { kind: 'head', head, relation: 'identical' };
  if (!options.mayFetch) return relateHere(git, t, head, o);
  return relateFetching(git, t, head, o, options.mayUnshallow);
}

async function relateFetching(
  git: GitRepository,
  t: ObserveTarget,
  head: Sha,
  o: GitCallOptions,
  mayUnshallow: boolean,
): Promise<Observation> {
  const notHere = await bringBothHere(git, t, head, o);
  if (notHere) return notHere;
  const relation = await relationByGit(git, t.mergeCommit, head, o);
  // In a shallow clone, history cut at the shallow boundary can hide an ancestry: complete it once.
  if (!(relation.ok && relation.value === 'diverged' && (await git.isShallow(o))))
    return related(head, relation);
  if (!mayUnshallow) {
    return undecided(
      head,
      'shallow-history',
      'its history is cut off (a shallow clone) and unshallowing is off',
    );
  }
  const unshallowed = await git.unshallow(t.remote, t.baseBranch, o);
  if (!unshallowed.ok) {
    return undecided(
      head,
      'shallow-history',
      `completing its history failed: ${unshallowed.failure.message}`,
    );
  }
  const after = related(head, await relationByGit(git, t.mergeCommit, head, o));
  return after.kind === 'head' ? { ...after, unshallowed: true } : after;
}

/** The relation from the commits already here; a shallow clone's "neither" is not believed. */
async function relateHere(git: GitRepository, t: ObserveTarget, head: Sha, o: GitCallOptions) {
  for (const [sha, what] of [
    [head, `the head ${head} is not in the local repository`],
    [t.mergeCommit, `merge commit ${t.mergeCommit} is not in the local repository`],
  ] as const) {
    if (!(await git.hasCommit(sha, o))) return undecided(head, 'not-fetched', `${what} and ${NOT_FETCHING}`);
  }
  const relation = await relationByGit(git, t.mergeCommit, head, o);
  if (relation.ok && relation.value === 'diverged' && (await git.isShallow(o))) {
    return undecided(head, 'shallow-history', `its history is cut off and ${NOT_FETCHING}`);
  }
  return related(head, relation);
}

function undecided(head: Sha, why: 'shallow-history' | 'not-fetched', detail: string): Observation {
  return { kind: 'undecided', head, why, detail };
}

function related(head: Sha, relation: GitAnswer<BranchRelation>): Observation {
  if (!relation.ok)
    return { kind: 'fatal', reason: 'git_failed', message: `${relation.failure.message}.`, head };
  return { kind: 'head', head, relation: relation.value };
}
