// The merge gate's decision (SPEC-v2 §3), pure: the base branch's state from the smoke statuses of its recent
// first-parent commits, and whether a pull request may pass while it is red.
//
// - Only final statuses count (success, failure, error): a commit whose smoke is pending, or that has none,
//   is skipped — a smoke still running on the newest commit does not block anything.
// - The newest commit with a final status decides: success → green, failure/error → red; none → unknown.
// - The red streak is the newest run of consecutive final failures; "red since" is its oldest commit.
import type { GateCommit } from '../../adapters/index.js';
import { isSha, shortSha } from '../../domain/index.js';

export type MainState = 'green' | 'red' | 'unknown';

export interface MainHealth {
  state: MainState;
  /** The newest commit with a final status: the one that decides; null when none has one. */
  decidedBy: GateCommit | null;
  /** Red: the first failing commit of the streak (its oldest). */
  redSince: GateCommit | null;
  /** Red: the commits of the streak with a final failure or error. */
  failing: number;
  /** Red: no success was found before the streak, so it may begin further back than the commits read. */
  streakOpen: boolean;
  /** Newer first-parent commits than `decidedBy` without a final status (pending, or never smoked). */
  undecidedNewer: number;
  /** First-parent commits examined. */
  examined: number;
}

/** 7 digits of a SHA, as people read it. */
export const short = (sha: string): string => (isSha(sha) ? shortSha(sha) : sha);

const isFinal = (c: GateCommit): boolean =>
  c.status !== null && ['success', 'failure', 'error'].includes(c.status.state);

/**
 * The first-parent chain from the newest commit, as far as `commits` (newest first, in `git log` order)
 * reach: a merge's second parent and the commits it brought are not main's own history.
 */
export function firstParentChain(commits: readonly GateCommit[]): GateCommit[] {
  const bySha = new Map(commits.map((c) => [c.sha, c]));
  const chain: GateCommit[] = [];
  let at: GateCommit | undefined = commits[0];
  while (at && chain.length < commits.length) {
    chain.push(at);
    at = at.firstParent === null ? undefined : bySha.get(at.firstParent);
  }
  return chain;
}

export function mainHealth(commits: readonly GateCommit[]): MainHealth {
  const chain = firstParentChain(commits);
  const final = chain.filter(isFinal);
  const decidedBy = final[0] ?? null;
  const health: MainHealth = {
    state: 'unknown',
    decidedBy,
    redSince: null,
    failing: 0,
    streakOpen: false,
    undecidedNewer: decidedBy ? chain.indexOf(decidedBy) : chain.length,
    examined: chain.length,
  };
  if (!decidedBy) return health;
  if (decidedBy.status!.state === 'success') return { ...health, state: 'green' };
  const end = final.findIndex((c) => c.status!.state === 'success');
  const streak = end === -1 ? final : final.slice(0, end);
  return {
    ...health,
    state: 'red',
    redSince: streak[streak.length - 1]!,
    failing: streak.length,
    streakOpen: end === -1,
  };
}

/** The pull request the gate runs for. */
export interface GatePull {
  number: number;
  title: string;
  labels: string[];
}

/** GitHub's revert button titles the new pull request `Revert "<title of the reverted one>"`. */
export const REVERT_TITLE_PREFIX = 'Revert "';

/** Why `pull` may pass a red base branch, or null: it carries the bypass label, or it is a revert. */
export function bypassReason(pull: GatePull | null, bypassLabel: string): string | null {
  if (!pull) return null;
  const wanted = bypassLabel.trim().toLowerCase();
  // Label names are unique regardless of case on GitHub.
  if (wanted !== '' && pull.labels.some((l) => l.trim().toLowerCase() === wanted)) {
    return `PR #${pull.number} carries the label '${bypassLabel.trim()}'`;
  }
  if (pull.title.startsWith(REVERT_TITLE_PREFIX)) return `PR #${pull.number} is a revert (${pull.title})`;
  return null;
}

export type GateReason = 'main_green' | 'main_unknown' | 'main_red' | 'bypassed';

export interface GateDecision {
  status: 'PASS' | 'FAIL';
  reason: GateReason;
  message: string;
  mainState: MainState;
  /** The first failing commit of the red streak; null unless red. */
  redSince: string | null;
  bypassed: boolean;
  health: MainHealth;
}

export interface GateQuestion {
  base: string;
  context: string;
  pull: GatePull | null;
  bypassLabel: string;
}

export function decideGate(health: MainHealth, q: GateQuestion): GateDecision {
  const base = { mainState: health.state, redSince: health.redSince?.sha ?? null, health };
  if (health.state === 'green') {
    return { ...base, status: 'PASS', reason: 'main_green', bypassed: false, message: greenText(health, q) };
  }
  if (health.state === 'unknown') {
    const message = `No commit among the last ${health.examined} first-parent commits of '${q.base}' carries a final '${q.context}' status: the state of '${q.base}' is unknown, so the gate lets this through.`;
    return { ...base, status: 'PASS', reason: 'main_unknown', bypassed: false, message };
  }
  const red = redText(health, q);
  const bypass = bypassReason(q.pull, q.bypassLabel);
  if (bypass) {
    const message = `${red} ${bypass}: it passes as a fix.`;
    return { ...base, status: 'PASS', reason: 'bypassed', bypassed: true, message };
  }
  const advice = `Fix '${q.base}' first: a pull request with the label '${q.bypassLabel}', or a revert (title '${REVERT_TITLE_PREFIX}…'), passes.`;
  return { ...base, status: 'FAIL', reason: 'main_red', bypassed: false, message: `${red} ${advice}` };
}

function greenText(h: MainHealth, q: GateQuestion): string {
  const newer =
    h.undecidedNewer === 0
      ? ''
      : ` (${h.undecidedNewer} newer commit${h.undecidedNewer === 1 ? ' has' : 's have'} no final status yet)`;
  return `'${q.base}' is green: ${short(h.decidedBy!.sha)} carries a successful '${q.context}' status${newer}.`;
}

/** Names the first failing commit of the streak, its pull request and its run. */
function redText(h: MainHealth, q: GateQuestion): string {
  const first = h.redSince!;
  const pr = first.pull ? `PR #${first.pull.number} "${first.pull.title}"` : 'no pull request known';
  const run = first.status!.targetUrl ? `run ${first.status!.targetUrl}` : 'no run link';
  const since = h.streakOpen ? 'since at least' : 'since';
  const more =
    h.failing > 1
      ? ` ${h.failing} commits of the streak failed; the newest is ${short(h.decidedBy!.sha)}.`
      : '';
  return `'${q.base}' is red ${since} ${short(first.sha)} (${pr}, ${run}): its '${q.context}' status is ${first.status!.state}.${more}`;
}
