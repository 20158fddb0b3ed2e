// Trust rule for a raw command from a PR body (SPEC §6): used only when the workflow allows it
// (`pr-body-command: true`) AND the PR is merged AND its body was not edited after the merge
// (`lastEditedAt` null, or ≤ `mergedAt`). Anyone who can edit the PR description after the merge could
// otherwise choose what runs on main with the job's token in reach. Pure: the caller loads the times.
import type { PullEditTimes } from '../adapters/github.js';

export type TrustVerdict = { trusted: true; note: string } | { trusted: false; message: string };

/**
 * `times` is only looked at when `allowed` is true (the caller need not load them otherwise).
 */
export function judgePrBodyTrust(
  allowed: boolean,
  prNumber: number,
  times: PullEditTimes | null,
): TrustVerdict {
  const pr = `PR #${prNumber}`;
  if (!allowed) {
    return {
      trusted: false,
      message: `${pr} body carries a post-merge-smoke command, but input 'pr-body-command' is false: a command from a PR body is used only when the workflow sets pr-body-command: true.`,
    };
  }
  if (times === null) {
    return {
      trusted: false,
      message: `${pr}'s merge and edit times are unknown, so its body command is not trusted.`,
    };
  }
  if (times.mergedAt === null) {
    return {
      trusted: false,
      message: `${pr} is not merged: a PR-body command is trusted only from a merged PR whose body was not edited after the merge.`,
    };
  }
  const merged = Date.parse(times.mergedAt);
  if (Number.isNaN(merged)) {
    return {
      trusted: false,
      message: `${pr}'s merge time '${times.mergedAt}' is not a timestamp; its body command is not trusted.`,
    };
  }
  if (times.lastEditedAt === null) {
    return { trusted: true, note: `${pr} body was never edited (merged at ${times.mergedAt})` };
  }
  const edited = Date.parse(times.lastEditedAt);
  if (Number.isNaN(edited)) {
    return {
      trusted: false,
      message: `${pr}'s edit time '${times.lastEditedAt}' is not a timestamp; its body command is not trusted.`,
    };
  }
  if (edited > merged) {
    return {
      trusted: false,
      message: `${pr} body was edited at ${times.lastEditedAt}, after the merge at ${times.mergedAt}: the command may not be what was reviewed.`,
    };
  }
  return {
    trusted: true,
    note: `${pr} body last edited at ${times.lastEditedAt}, not after the merge at ${times.mergedAt}`,
  };
}
