// A merge queue candidate (SPEC-v2 §2). On a `merge_group` event GitHub has built the commit that will land
// (`head_sha`) on a branch of its own, `refs/heads/gh-readonly-queue/<base>/pr-<n>-<base sha>` (`head_ref`).
// The candidate is "fresh" while that branch still points at it: when the queue rebuilds a group (a PR ahead
// left the queue, or failed) or removes the entry, the branch moves or disappears, and the candidate will
// never land as it is — STALE `superseded`; the queue's new candidate has a run of its own.
import { GitHubApiError, type GitHubApi } from '../../adapters/index.js';
import type { Queue } from '../../contracts.js';
import { parseBranchName, parsePrNumber, parseSha, type BranchName, type Sha } from '../../domain/index.js';
import type { FreshnessVerdict } from '../../freshness/index.js';
import { info, next, stage, stop, type Stage } from '../../pipeline/index.js';
import type { PrDiscovery } from '../../resolve/index.js';
import type { RunnerContext } from '../../settings/index.js';
import type { ModeContext } from '../context.js';

export interface QueueCandidate {
  /** As the event names it: `refs/heads/gh-readonly-queue/main/pr-104-<sha>`. */
  headRef: string;
  /** The same branch without `refs/heads/`, for the freshness verbs. */
  branch: BranchName;
  /** The base branch commit the group was built on. */
  baseSha: Sha | null;
  /** The pull request of this queue entry, from `pr-<n>` in the branch name. */
  prNumber: number | null;
}

type Found = { ok: true; value: QueueCandidate } | { ok: false; problem: string };

const field = (o: unknown, key: string): unknown =>
  o && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined;

/** `104` from `…/gh-readonly-queue/main/pr-104-<40 hex>`; null when the branch does not name one. */
export function prNumberOfQueueRef(ref: string): number | null {
  const m = /\/pr-(\d+)-[0-9a-f]{40}$/i.exec(ref);
  const n = m ? parsePrNumber(m[1]!) : null;
  return n?.ok ? n.value : null;
}

/** The candidate a `merge_group` event names; null for any other event. */
export function queueCandidate(ctx: RunnerContext): Found | null {
  if (ctx.eventName !== 'merge_group') return null;
  const group = field(ctx.event, 'merge_group');
  const headRef = field(group, 'head_ref');
  if (typeof headRef !== 'string' || headRef === '') {
    return { ok: false, problem: 'names no queue branch (merge_group.head_ref is missing)' };
  }
  const branch = parseBranchName(headRef);
  if (!branch.ok) return { ok: false, problem: `names a queue branch '${headRef}' that ${branch.problem}` };
  const baseSha = parseSha(String(field(group, 'base_sha') ?? ''));
  return {
    ok: true,
    value: {
      headRef,
      branch: branch.value,
      baseSha: baseSha.ok ? baseSha.value : null,
      prNumber: prNumberOfQueueRef(headRef),
    },
  };
}

/** The result's `queue` field: the entry of a merge_group run, null otherwise. */
export function queueRecord(ctx: RunnerContext): Queue | null {
  const found = queueCandidate(ctx);
  return found?.ok ? { head_ref: found.value.headRef, base_sha: found.value.baseSha } : null;
}

/** A merge_group run needs its queue branch: without one nothing can tell whether the candidate is current. */
export function queueStage(c: ModeContext): Stage<QueueCandidate | null> {
  return stage('find the merge queue entry', async () => {
    const found = queueCandidate(c.runner);
    if (found === null) return next(null);
    if (!found.ok) return stop('BLOCKED', 'invalid_input', `The merge_group event ${found.problem}.`);
    const q = found.value;
    const pr = q.prNumber === null ? 'no PR number in its name' : `PR #${q.prNumber}`;
    const base = q.baseSha ? `, built on ${q.baseSha}` : '';
    return next(q, { notes: [info(`Merge queue entry: ${q.headRef} (${pr}${base}).`)] });
  });
}

/** What the freshness check concluded, worded for the log and the verdict. */
export type Freshness = {
  via: FreshnessVerdict['via'];
  /** The verdict's message as the result records it. */
  message: string;
  /** The facts alone, without advice (for the on-stale: run warning). */
  factsText: string;
  /** A shallow clone's history was completed to tell the relation. */
  unshallowed: boolean;
  originHead: Sha | null;
} & ({ kind: 'fresh' } | { kind: 'stale' | 'blocked' | 'error'; reason: FreshnessReason });

type FreshnessReason = Exclude<FreshnessVerdict, { kind: 'fresh' }>['reason'];

/**
 * The freshness verdict of a queue branch, read as "still the queue's candidate": a branch that moved (in any
 * direction) or is gone means the queue rebuilt or removed this entry. Failures to look stay failures.
 */
export function queueFreshness(v: FreshnessVerdict, q: QueueCandidate, sha: Sha): Freshness {
  const base = { via: v.via, originHead: v.originHead, unshallowed: v.facts.unshallowed };
  const rebuilt = 'the merge queue rebuilt or removed this entry, so this candidate will never land as it is';
  const next = 'the queue runs its new candidate on its own';
  switch (v.kind) {
    case 'fresh': {
      const message = `Candidate ${sha} is still the head of the merge queue branch ${q.headRef}: it is what will land.`;
      return { ...base, kind: 'fresh', message, factsText: message };
    }
    case 'blocked':
    case 'stale': {
      const where =
        v.kind === 'blocked' ? 'no longer exists' : `now points at ${v.originHead}, not at candidate ${sha}`;
      const facts = `The merge queue branch ${q.headRef} ${where}: ${rebuilt}.`;
      const message = `${facts.slice(0, -1)}; ${next}.`;
      return { ...base, kind: 'stale', reason: 'superseded', message, factsText: facts };
    }
    case 'error':
      return { ...base, kind: 'error', reason: v.reason, message: v.message, factsText: v.message };
  }
}

/**
 * The pull request of a queue entry is the one its branch names (`pr-<n>`): one GET pulls/N for its title,
 * body and branch. It is not merged yet, so nothing from its body is trusted (the resolution says so).
 */
export async function discoverQueuePull(api: GitHubApi | null, q: QueueCandidate): Promise<PrDiscovery> {
  const n = q.prNumber;
  if (n === null) {
    const conclusion = `none: the merge queue branch ${q.headRef} names no pull request`;
    return { number: null, pr: null, via: null, error: null, conclusion, notes: [`${conclusion}.`] };
  }
  const named = `#${n} named by the merge queue branch`;
  const notes = [`PR #${n} is named by the merge queue branch ${q.headRef}.`];
  if (!api) return { number: n, pr: null, via: 'queue-branch', error: null, conclusion: named, notes };
  try {
    const pr = await api.getPull(n);
    if (!pr) notes.push(`PR #${n} does not exist in ${api.repository}; resolving without its metadata.`);
    return { number: n, pr, via: 'queue-branch', error: null, conclusion: named, notes };
  } catch (e) {
    const error = e instanceof GitHubApiError ? e : new GitHubApiError(String(e), null, `GET pulls/${n}`);
    return { number: n, pr: null, via: 'queue-branch', error, conclusion: `failed: ${error.message}`, notes };
  }
}
