// Which pull request produced the merge commit (SPEC §6 "PR discovery"): the commit message first, then
// `GET commits/{sha}/pulls` — eventually consistent, so retried while it has no merged PR into the base.
import { GitHubApiError, type GitHubApi, type PullRequestInfo } from '../adapters/github.js';
import { tryCount, waitBeforeTry } from '../freshness/retry.js';
import type { RetryPolicy } from '../freshness/types.js';
import { prNumberFromCommitMessage, prReferenceNote } from './pr-message.js';

export interface PrDiscoveryInput {
  commitMessage: string;
  /** The merge commit. */
  sha: string;
  baseBranch: string;
  /** null: no token / repository (local use) — commit message only. */
  api: GitHubApi | null;
  retry: RetryPolicy;
}

export interface PrDiscovery {
  number: number | null;
  pr: PullRequestInfo | null;
  via: 'commit-message' | 'api' | null;
  /** An API failure, for the pipeline to judge; never thrown. */
  error: GitHubApiError | null;
  /** What was found where, for the log. */
  notes: string[];
}

function asApiError(e: unknown, endpoint: string): GitHubApiError {
  return e instanceof GitHubApiError
    ? e
    : new GitHubApiError(e instanceof Error ? e.message : String(e), null, endpoint);
}

function transient(e: GitHubApiError): boolean {
  return e.transient || (e.status === 403 && /rate limit/i.test(e.message));
}

/** Calls `fn` until it succeeds or fails for good; transient errors are retried with the policy. */
async function withTransientRetry<T>(retry: RetryPolicy, endpoint: string, fn: () => Promise<T>): Promise<T> {
  const tries = tryCount(retry);
  for (let attempt = 0; ; attempt++) {
    await waitBeforeTry(retry, attempt);
    try {
      return await fn();
    } catch (e) {
      const err = asApiError(e, endpoint);
      if (!transient(err) || attempt + 1 >= tries) throw err;
    }
  }
}

function describe(pr: PullRequestInfo): string {
  if (!pr.mergedAt) return `#${pr.number} (not merged)`;
  return `#${pr.number} (merged into ${pr.baseRef})`;
}

export async function discoverPullRequest(input: PrDiscoveryInput): Promise<PrDiscovery> {
  const notes: string[] = [];
  const { api, sha, baseBranch } = input;
  const named = prNumberFromCommitMessage(input.commitMessage, api?.repository ?? null);
  const fromMessage = named?.number ?? null;

  if (named !== null && fromMessage !== null) {
    notes.push(prReferenceNote(named, sha));
    if (!api) {
      return { number: fromMessage, pr: null, via: 'commit-message', error: null, notes };
    }
    let pr: PullRequestInfo | null;
    try {
      pr = await withTransientRetry(input.retry, `GET pulls/${fromMessage}`, () => api.getPull(fromMessage));
    } catch (e) {
      return {
        number: fromMessage,
        pr: null,
        via: 'commit-message',
        error: asApiError(e, `GET pulls/${fromMessage}`),
        notes,
      };
    }
    if (pr) {
      if (!pr.mergedAt || pr.baseRef !== baseBranch) {
        notes.push(
          `PR #${pr.number} named in the commit message is ${pr.mergedAt ? `merged into '${pr.baseRef}'` : 'not merged'}, not into '${baseBranch}'; using it anyway (the commit message names it).`,
        );
      }
      return { number: fromMessage, pr, via: 'commit-message', error: null, notes };
    }
    notes.push(
      `PR #${fromMessage} named in the commit message does not exist in ${api.repository}; asking the API which PR the commit belongs to.`,
    );
  }

  if (!api) {
    notes.push('No pull request number in the commit message, and no GitHub API to ask (no token).');
    return { number: null, pr: null, via: null, error: null, notes };
  }

  // commits/{sha}/pulls is eventually consistent: often empty right after the merge. Ask again while it
  // names no PR merged into the base branch.
  const endpoint = `GET commits/${sha}/pulls`;
  const tries = tryCount(input.retry);
  let ignored = new Set<string>();
  for (let attempt = 0; attempt < tries; attempt++) {
    await waitBeforeTry(input.retry, attempt);
    let pulls: PullRequestInfo[];
    try {
      pulls = await api.listPullsForCommit(sha);
    } catch (e) {
      const err = asApiError(e, endpoint);
      if (transient(err) && attempt + 1 < tries) continue;
      return { number: null, pr: null, via: null, error: err, notes };
    }
    const merged = pulls.filter((p) => p.mergedAt !== null && p.baseRef === baseBranch);
    ignored = new Set(pulls.filter((p) => !merged.includes(p)).map(describe));
    if (merged.length > 0) {
      const pr = merged.find((p) => p.mergeCommitSha?.toLowerCase() === sha.toLowerCase()) ?? merged[0]!;
      if (ignored.size > 0)
        notes.push(`Ignored PRs not merged into '${baseBranch}': ${[...ignored].join(', ')}.`);
      if (merged.length > 1) {
        notes.push(
          `Several PRs merged into '${baseBranch}' contain ${sha} (${merged.map((p) => `#${p.number}`).join(', ')}); using #${pr.number}.`,
        );
      }
      notes.push(
        `PR #${pr.number} found via the GitHub API (commits/${sha}/pulls, ${attempt + 1} ${attempt === 0 ? 'call' : 'calls'}).`,
      );
      return { number: pr.number, pr, via: 'api', error: null, notes };
    }
  }
  notes.push(
    `No PR merged into '${baseBranch}' is associated with ${sha} (asked the GitHub API ${tries} ${tries === 1 ? 'time' : 'times'})` +
      (ignored.size > 0 ? `; ignored ${[...ignored].join(', ')}.` : '.'),
  );
  return { number: null, pr: null, via: null, error: null, notes };
}
