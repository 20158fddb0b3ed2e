// Trust rules for what a PR body carries (SPEC §6). The body stays editable after the merge, so what it
// says is trusted only when the PR is merged AND its body was not edited after the merge (`lastEditedAt`
// null, or ≤ `mergedAt`): anyone who can edit the PR description after the merge could otherwise choose
// what runs on main with the job's token in reach. That rule covers both things a body may carry:
//   - a raw command (a ```post-merge-smoke block), which the workflow must also allow
//     (`pr-body-command: true`);
//   - a `Smoke-Profile: x` line, which picks among the reviewed registry profiles (so no input gates it),
//     but could otherwise swap the task's smoke for a cheaper one after the review.
// Pure: the caller loads the times.
import type { PullEditTimes } from '../adapters/index.js';

export type TrustVerdict = { trusted: true; note: string } | { trusted: false; message: string };

/** What the body carries, in messages. */
export type BodyContent = 'command' | 'Smoke-Profile line';

/**
 * A raw command: allowed by the workflow and not edited after the merge. `times` is only looked at when
 * `allowed` is true (the caller need not load them otherwise).
 */
export function judgePrBodyTrust(
  allowed: boolean,
  prNumber: number,
  times: PullEditTimes | null,
): TrustVerdict {
  if (!allowed) {
    return {
      trusted: false,
      message: `PR #${prNumber} body carries a post-merge-smoke command, but input 'pr-body-command' is false: a command from a PR body is used only when the workflow sets pr-body-command: true.`,
    };
  }
  return judgeBodyEdits(prNumber, times, 'command');
}

/** The edited-after-the-merge rule, for whatever the body carries. */
export function judgeBodyEdits(
  prNumber: number,
  times: PullEditTimes | null,
  content: BodyContent,
): TrustVerdict {
  const pr = `PR #${prNumber}`;
  const refuse = (message: string): TrustVerdict => ({ trusted: false, message });
  if (times === null)
    return refuse(`${pr}'s merge and edit times are unknown, so its body ${content} is not trusted.`);
  if (times.mergedAt === null) {
    return refuse(
      `${pr} is not merged: a PR-body ${content} is trusted only from a merged PR whose body was not edited after the merge.`,
    );
  }
  const merged = Date.parse(times.mergedAt);
  if (Number.isNaN(merged)) {
    return refuse(
      `${pr}'s merge time '${times.mergedAt}' is not a timestamp; its body ${content} is not trusted.`,
    );
  }
  if (times.lastEditedAt === null) {
    return { trusted: true, note: `${pr} body was never edited (merged at ${times.mergedAt})` };
  }
  const edited = Date.parse(times.lastEditedAt);
  if (Number.isNaN(edited)) {
    return refuse(
      `${pr}'s edit time '${times.lastEditedAt}' is not a timestamp; its body ${content} is not trusted.`,
    );
  }
  if (edited > merged) {
    return refuse(
      `${pr} body was edited at ${times.lastEditedAt}, after the merge at ${times.mergedAt}: the ${content} may not be what was reviewed.`,
    );
  }
  return {
    trusted: true,
    note: `${pr} body last edited at ${times.lastEditedAt}, not after the merge at ${times.mergedAt}`,
  };
}
