// The green ref (SPEC-v2 §4): a branch that only ever moves forward, to commits whose smoke passed fresh —
// the last commit known safe to deploy (cf. Chromium's LKGR, PyTorch's viable/strict). Moved through the
// API: the runner's checkout is never pushed from.
import { isSha } from '../../domain/index.js';
import type { BranchRelation, GitHubApi } from '../../adapters/index.js';
import type { SmokeResult } from '../../contracts.js';
import { sha7 } from '../text.js';
import { healthSignal } from './signal.js';

export type GreenMove = { kind: 'create' } | { kind: 'fast-forward' } | { kind: 'unchanged'; why: string };

/** How the green ref moves to the merge commit, given how the merge commit relates to it. Pure. */
export function planGreenMove(relation: BranchRelation | 'missing'): GreenMove {
  switch (relation) {
    case 'missing':
      return { kind: 'create' };
    case 'ahead':
      return { kind: 'fast-forward' };
    case 'identical':
      return { kind: 'unchanged', why: 'already at the merge commit' };
    case 'behind':
      return { kind: 'unchanged', why: 'the merge commit is older than it (never backwards)' };
    case 'diverged':
      return { kind: 'unchanged', why: 'not a fast-forward (the histories diverged)' };
  }
}

export interface GreenRefOutcome {
  /** For `reporting.green_ref`. */
  text: string;
  /** The green ref after this run; null when it does not exist. */
  greenSha: string | null;
}

/** Reads the green ref, and on a fresh PASS moves it to the merge commit when that is a fast-forward. */
export async function updateGreenRef(
  api: GitHubApi,
  branch: string,
  result: Pick<SmokeResult, 'status' | 'stale' | 'merge_commit' | 'queue'>,
): Promise<GreenRefOutcome> {
  const current = await api.getBranchHead(branch);
  const signal = healthSignal(result);
  const merge = result.merge_commit;
  if (signal.kind !== 'green' || !isSha(merge)) {
    const why = signal.kind === 'none' ? signal.why : `${result.status} is not a fresh PASS`;
    return unchanged(why, current);
  }
  if (current !== null) return advance(api, branch, current, merge);
  if (await api.createBranch(branch, merge)) return { text: `created at ${merge}`, greenSha: merge };
  // Someone created it meanwhile: from here on it is an ordinary fast-forward.
  const created = await api.getBranchHead(branch);
  if (created === null) return unchanged('GitHub says it exists but does not show it', null);
  return advance(api, branch, created, merge);
}

/** Moves an existing green ref from `current` to `merge`, forward only. */
async function advance(
  api: GitHubApi,
  branch: string,
  current: string,
  merge: string,
): Promise<GreenRefOutcome> {
  const plan = planGreenMove(current === merge ? 'identical' : await api.compareCommits(current, merge));
  if (plan.kind !== 'fast-forward')
    return unchanged(plan.kind === 'unchanged' ? plan.why : 'exists', current);
  if ((await api.fastForwardBranch(branch, merge)) === 'not-fast-forward') {
    // GitHub's own check refused it (the ref moved meanwhile, or the histories differ): read where it is.
    return unchanged('not a fast-forward', await api.getBranchHead(branch));
  }
  return { text: `moved to ${merge} (from ${sha7(current)})`, greenSha: merge };
}

function unchanged(why: string, sha: string | null): GreenRefOutcome {
  const where = sha === null ? 'the branch does not exist yet' : `at ${sha7(sha)}`;
  return { text: `unchanged: ${why} (${where})`, greenSha: sha };
}
