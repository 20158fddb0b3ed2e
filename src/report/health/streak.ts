// The red streak's issue, decided (SPEC-v2 §4): one open issue per streak, opened by its first failure,
// one comment per further failure, closed by the next fresh PASS. What the issue already holds is read from
// hidden markers (`<!-- post-merge-smoke:<key> -->`) in its body and comments: a failure's packet
// idempotency key (so a re-run of the same merge adds nothing), or the green commit's key. Pure.
import type { HealthSignal } from './signal.js';

const MARKER = /<!-- post-merge-smoke:([A-Za-z0-9%._~!*'()-]+) -->/g;

/** The hidden marker of `key`; the key is percent-encoded so that nothing in it can end the comment. */
export function marker(key: string): string {
  return `<!-- post-merge-smoke:${encodeURIComponent(key)} -->`;
}

/** Every key marked in `texts`. */
export function markedKeys(texts: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(MARKER)) {
      try {
        keys.add(decodeURIComponent(m[1]!));
      } catch {
        // Not one of ours: a malformed escape.
      }
    }
  }
  return keys;
}

/** The key of the recovery comment for the commit that turned main green again. */
export function greenKey(sha: string): string {
  return `GREEN::${sha}`;
}

export interface StreakIssue {
  number: number;
  /** Keys marked in its body and comments. */
  keys: ReadonlySet<string>;
}

export type IssueAction =
  | { kind: 'open' }
  | { kind: 'comment'; issue: number }
  /** `comment`: false when an earlier run already wrote the recovery comment but could not close. */
  | { kind: 'close'; issue: number; comment: boolean }
  | { kind: 'none'; why: string; issue: number | null };

/** `key`: the packet's idempotency key on red, greenKey(merge commit) on green. */
export function decideIssueAction(signal: HealthSignal, key: string, open: StreakIssue | null): IssueAction {
  const issue = open?.number ?? null;
  if (signal.kind === 'none') return { kind: 'none', why: signal.why, issue };
  if (signal.kind === 'red') {
    if (open === null) return { kind: 'open' };
    if (open.keys.has(key)) return { kind: 'none', why: `#${issue} already records this failure`, issue };
    return { kind: 'comment', issue: open.number };
  }
  if (open === null) return { kind: 'none', why: 'main is green and no issue is open', issue };
  return { kind: 'close', issue: open.number, comment: !open.keys.has(key) };
}
