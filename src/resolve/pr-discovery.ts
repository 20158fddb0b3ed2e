// Which pull request produced the merge commit (SPEC §6 "PR discovery"), without idle waiting:
//   - the commit message names it → one `GET pulls/N` (for its title, body and branch);
//   - else `GET commits/{sha}/pulls`. That list is eventually consistent (often empty right after a merge),
//     so an empty answer is asked again — briefly — only when a PR is plausible: when GitHub itself made the
//     commit (committer `noreply@github.com`: the merge button, the merge queue, a web rebase). A commit
//     someone pushed is asked once; an empty answer then means there is no PR.
// Transport failures are retried by the API client (the one retry layer); here an error is returned, never
// thrown, for the caller to judge. `conclusion` records in one phrase how discovery ended.
import { GitHubApiError, type GitHubApi, type PullRequestInfo } from '../adapters/index.js';
import { prNumberFromCommitMessage, prReferenceNote } from './pr-message.js';

/** GitHub's own committer identity (web merges, the merge queue). */
export const GITHUB_COMMITTER_EMAIL = 'noreply@github.com';

export interface PrDiscoveryInput {
  commitMessage: string;
  /** The merge commit's committer e-mail (who wrote the commit object). */
  committerEmail: string;
  /** The merge commit. */
  sha: string;
  baseBranch: string;
  /** null: no token / repository (local use) — commit message only. */
  api: GitHubApi | null;
  /** Waits before asking commits/{sha}/pulls again when a PR is plausible. */
  reasks: { delaysMs: readonly number[]; sleep?: (ms: number) => Promise<void> };
}

export interface PrDiscovery {
  number: number | null;
  pr: PullRequestInfo | null;
  /** `queue-branch`: a merge queue entry's branch names it (`gh-readonly-queue/<base>/pr-<n>-<sha>`). */
  via: 'commit-message' | 'api' | 'queue-branch' | null;
  /** An API failure, for the pipeline to judge; never thrown. */
  error: GitHubApiError | null;
  /** How discovery ended, in one phrase (recorded in the result). */
  conclusion: string;
  /** What was found where, for the log. */
  notes: string[];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function asApiError(e: unknown, endpoint: string): GitHubApiError {
  return e instanceof GitHubApiError
    ? e
    : new GitHubApiError(e instanceof Error ? e.message : String(e), null, endpoint);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export async function discoverPullRequest(input: PrDiscoveryInput): Promise<PrDiscovery> {
  const { api, sha } = input;
  const named = prNumberFromCommitMessage(input.commitMessage, api?.repository ?? null);
  const notes: string[] = named ? [prReferenceNote(named, sha)] : [];
  if (named && !api) {
    return found(named.number, null, 'commit-message', `named in the commit message (${named.via})`, notes);
  }
  if (named && api) {
    const byNumber = await pullByNumber(api, named.number, input.baseBranch, notes);
    if (byNumber.kind === 'failed') return failed(named.number, 'commit-message', byNumber.error, notes);
    if (byNumber.kind === 'found') {
      return found(
        named.number,
        byNumber.pr,
        'commit-message',
        `named in the commit message (${named.via})`,
        notes,
      );
    }
  }
  if (!api) {
    notes.push('No pull request number in the commit message, and no GitHub API to ask (no token).');
    return {
      number: null,
      pr: null,
      via: null,
      error: null,
      conclusion: 'none: no number in the commit message, no API',
      notes,
    };
  }
  return pullsOfCommit(api, input, notes);
}

type ByNumber =
  { kind: 'found'; pr: PullRequestInfo } | { kind: 'absent' } | { kind: 'failed'; error: GitHubApiError };

async function pullByNumber(api: GitHubApi, n: number, base: string, notes: string[]): Promise<ByNumber> {
  let pr: PullRequestInfo | null;
  try {
    pr = await api.getPull(n);
  } catch (e) {
    return { kind: 'failed', error: asApiError(e, `GET pulls/${n}`) };
  }
  if (!pr) {
    notes.push(
      `PR #${n} named in the commit message does not exist in ${api.repository}; asking the API which PR the commit belongs to.`,
    );
    return { kind: 'absent' };
  }
  if (!pr.mergedAt || pr.baseRef !== base) {
    const state = pr.mergedAt ? `merged into '${pr.baseRef}'` : 'not merged';
    notes.push(
      `PR #${n} named in the commit message is ${state}, not into '${base}'; using it anyway (the commit message names it).`,
    );
  }
  return { kind: 'found', pr };
}

/** commits/{sha}/pulls: once for a pushed commit, a few times for GitHub's own merge. */
async function pullsOfCommit(api: GitHubApi, input: PrDiscoveryInput, notes: string[]): Promise<PrDiscovery> {
  const plausible = input.committerEmail.toLowerCase() === GITHUB_COMMITTER_EMAIL;
  const waits = plausible ? input.reasks.delaysMs : [];
  let ignored: string[] = [];
  for (let call = 1; call <= waits.length + 1; call++) {
    if (call > 1) await (input.reasks.sleep ?? sleep)(waits[call - 2]!);
    let pulls: PullRequestInfo[];
    try {
      pulls = await api.listPullsForCommit(input.sha);
    } catch (e) {
      return failed(null, null, asApiError(e, `GET commits/${input.sha}/pulls`), notes);
    }
    const merged = pulls.filter((p) => p.mergedAt !== null && p.baseRef === input.baseBranch);
    ignored = pulls.filter((p) => !merged.includes(p)).map(describe);
    if (merged.length > 0) return foundThroughApi(merged, ignored, input, call, notes);
  }
  const calls = plural(waits.length + 1, 'call');
  const why = plausible
    ? `GitHub made the commit, but no PR merged into '${input.baseBranch}' came back after ${calls}`
    : `not committed by GitHub's merge (committer ${input.committerEmail || 'unknown'}), and the API knows no PR merged into '${input.baseBranch}' (${calls})`;
  notes.push(
    `No pull request for ${input.sha}: ${why}${ignored.length > 0 ? `; ignored ${ignored.join(', ')}` : ''}.`,
  );
  return { number: null, pr: null, via: null, error: null, conclusion: `none: ${why}`, notes };
}

function foundThroughApi(
  merged: PullRequestInfo[],
  ignored: string[],
  input: PrDiscoveryInput,
  calls: number,
  notes: string[],
): PrDiscovery {
  const pr = merged.find((p) => p.mergeCommitSha?.toLowerCase() === input.sha.toLowerCase()) ?? merged[0]!;
  if (ignored.length > 0)
    notes.push(`Ignored PRs not merged into '${input.baseBranch}': ${ignored.join(', ')}.`);
  if (merged.length > 1) {
    const all = merged.map((p) => `#${p.number}`).join(', ');
    notes.push(
      `Several PRs merged into '${input.baseBranch}' contain ${input.sha} (${all}); using #${pr.number}.`,
    );
  }
  const how = `found through the API (commits/{sha}/pulls, ${plural(calls, 'call')})`;
  notes.push(`PR #${pr.number} ${how}.`);
  return found(pr.number, pr, 'api', how, notes);
}

function found(
  number: number,
  pr: PullRequestInfo | null,
  via: 'commit-message' | 'api',
  conclusion: string,
  notes: string[],
): PrDiscovery {
  return { number, pr, via, error: null, conclusion: `#${number} ${conclusion}`, notes };
}

function failed(
  number: number | null,
  via: 'commit-message' | null,
  error: GitHubApiError,
  notes: string[],
): PrDiscovery {
  return { number, pr: null, via, error, conclusion: `failed: ${error.message}`, notes };
}

function describe(pr: PullRequestInfo): string {
  return pr.mergedAt ? `#${pr.number} (merged into ${pr.baseRef})` : `#${pr.number} (not merged)`;
}
