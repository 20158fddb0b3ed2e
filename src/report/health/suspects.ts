// The suspects of a failure (SPEC-v2 §4): the first-parent commits after the last green commit up to the
// merge commit, newest first, at most 50. The last green commit is the green ref's when `green-ref` is set
// and the merge commit descends from it; otherwise (green-ref off or missing, or a force-push took its
// commit out of main's history) the newest first-parent commit whose `status-context` status is `success`.
// One GraphQL query reads the history with each commit's status; PR numbers come from the commit messages.
import type { GitHubApi, HistoryCommit } from '../../adapters/index.js';
import type { Suspect } from '../../contracts.js';
import { prNumberFromCommitMessage } from '../../resolve/index.js';
import { clip, sha7 } from '../text.js';

export const MAX_SUSPECTS = 50;
/** Commits per history page, and pages read at most (merged branches' own commits share the pages). */
const PAGE_SIZE = 100;
const MAX_PAGES = 3;

export interface SuspectReport {
  suspects: Suspect[];
  /** The last green commit they come after; null when none was found. */
  lastGreen: string | null;
  /** How the last green commit was found, or why the list has no lower end. */
  note: string;
}

/** Where the walk stops: at the green ref's commit, or at the newest commit with a success status. */
export type GreenBound = { kind: 'commit'; sha: string } | { kind: 'status' } | { kind: 'none' };

export interface Walk {
  commits: HistoryCommit[];
  /** bound: reached the last green commit; max: 50 listed; root: no parent; window: ran out of history. */
  end: 'bound' | 'max' | 'root' | 'window';
  lastGreen: string | null;
}

/** Follows first parents from `from` (always listed) until the bound. Pure. */
export function walkFirstParents(
  history: ReadonlyMap<string, HistoryCommit>,
  from: string,
  bound: GreenBound,
  max = MAX_SUSPECTS,
): Walk {
  const commits: HistoryCommit[] = [];
  for (let sha: string | null = from; ;) {
    const commit = history.get(sha);
    if (!commit) return { commits, end: 'window', lastGreen: null };
    if (sha !== from && isGreen(commit, bound)) return { commits, end: 'bound', lastGreen: sha };
    if (commits.length === max) return { commits, end: 'max', lastGreen: null };
    commits.push(commit);
    sha = commit.firstParent;
    if (sha === null) return { commits, end: 'root', lastGreen: null };
  }
}

function isGreen(commit: HistoryCommit, bound: GreenBound): boolean {
  if (bound.kind === 'commit') return commit.sha === bound.sha;
  return bound.kind === 'status' && commit.contextState === 'success';
}

/** A history commit as the packet lists it. Pure. */
export function toSuspect(commit: HistoryCommit, repository: string | null): Suspect {
  const subject = commit.message.split(/\r?\n/, 1)[0]!.trim();
  return {
    sha: commit.sha,
    subject: clip(subject, 200),
    pr_number: prNumberFromCommitMessage(commit.message, repository)?.number ?? null,
    author: clip(commit.author, 100),
  };
}

export interface SuspectQuery {
  mergeCommit: string;
  /** The green ref's name and commit; null when `green-ref` is off or the branch does not exist. */
  green: { branch: string; sha: string } | null;
  statusContext: string | null;
  repository: string | null;
}

export async function findSuspects(api: GitHubApi, q: SuspectQuery): Promise<SuspectReport> {
  const { bound, why } = await greenBound(api, q);
  if (bound === 'not-after') {
    return { suspects: [], lastGreen: q.green!.sha, note: `the merge commit is not after ${why}` };
  }
  const walk = await walkHistory(api, q, bound);
  return {
    suspects: walk.commits.map((c) => toSuspect(c, q.repository)),
    lastGreen: walk.lastGreen,
    note: walkNote(walk, why),
  };
}

/** The bound to walk to, and how it was chosen (for the note). */
async function greenBound(
  api: GitHubApi,
  q: SuspectQuery,
): Promise<{ bound: GreenBound | 'not-after'; why: string }> {
  const byStatus = q.statusContext
    ? { bound: { kind: 'status' } as const, why: `the newest '${q.statusContext}' success status` }
    : { bound: { kind: 'none' } as const, why: 'no green-ref and no status-context' };
  if (!q.green) return byStatus;
  const name = `the green ref ${q.green.branch} (${sha7(q.green.sha)})`;
  const relation = await api.compareCommits(q.green.sha, q.mergeCommit).catch(() => 'unknown' as const);
  if (relation === 'ahead') return { bound: { kind: 'commit', sha: q.green.sha }, why: name };
  if (relation === 'identical' || relation === 'behind') return { bound: 'not-after', why: name };
  // Not an ancestor: a force-push rewrote main since it moved there. Its commit says nothing any more.
  return {
    ...byStatus,
    why: `${byStatus.why}; ${name} is not in the merge commit's history (a force-push?)`,
  };
}

/** Reads history pages until the walk no longer runs out of them (at most MAX_PAGES). */
async function walkHistory(api: GitHubApi, q: SuspectQuery, bound: GreenBound): Promise<Walk> {
  const history = new Map<string, HistoryCommit>();
  let after: string | null = null;
  for (let page = 1; ; page++) {
    const answer = await api.commitHistory(q.mergeCommit, {
      statusContext: q.statusContext,
      first: PAGE_SIZE,
      after,
    });
    for (const c of answer.commits) history.set(c.sha, c);
    const walk = walkFirstParents(history, q.mergeCommit, bound);
    after = answer.nextCursor;
    if (walk.end !== 'window' || after === null || page === MAX_PAGES) return walk;
  }
}

function walkNote(walk: Walk, why: string): string {
  switch (walk.end) {
    case 'bound':
      return `after the last green commit ${sha7(walk.lastGreen)} (${why})`;
    case 'max':
      return `more than ${MAX_SUSPECTS} commits since the last green commit (${why}): the ${MAX_SUSPECTS} newest`;
    case 'root':
      return `no green commit in the whole history (${why}): every commit up to the first one`;
    case 'window':
      return `no green commit in the history read (${why}): the ${walk.commits.length} newest first-parent commits`;
  }
}
