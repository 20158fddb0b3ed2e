// The commit status on the merge commit (SPEC §2, §8): `pending` when the command starts, the final state
// when the verdict is known. Posting never throws: its outcome is recorded in `reporting.commit_status`.
import { isSha } from '../domain/index.js';
import type { SmokeResult, SmokeStatus } from '../contracts.js';
import { GitHubApiError, type CommitState, type GitHubApi } from '../adapters/index.js';
import { clip, formatDuration, formatSeconds, oneLine } from './text.js';
import type { StepOutcome } from './types.js';

/** GitHub rejects longer descriptions. */
export const MAX_STATUS_DESCRIPTION = 140;

export interface CommitStatusContent {
  state: CommitState;
  description: string;
}

/** Commit status state per SPEC §2; null: STALE runs set no status (a newer run covers the newer head). */
export const STATUS_STATE: Record<SmokeStatus, CommitState | null> = {
  PASS: 'success',
  FAIL: 'failure',
  TIMEOUT: 'failure',
  SKIPPED: 'success',
  BLOCKED: 'error',
  STALE: null,
  ERROR: 'error',
  CANCELLED: 'error',
};

/**
 * `head` on one line, followed by `suffix`, at most MAX_STATUS_DESCRIPTION characters: the head is clipped
 * with '…' so the suffix (the task or PR) survives; a suffix too long to leave room is dropped.
 */
export function fitDescription(head: string, suffix = ''): string {
  const h = oneLine(head);
  const s = suffix.length > 60 ? '' : suffix;
  if (h.length + s.length <= MAX_STATUS_DESCRIPTION) return h + s;
  return clip(h, MAX_STATUS_DESCRIPTION - s.length) + s;
}

/** " (task-2512)", " (PR #12)" or "". */
function subjectSuffix(taskId: string | null, prNumber: number | null): string {
  if (taskId) return ` (${oneLine(taskId)})`;
  if (prNumber !== null) return ` (PR #${prNumber})`;
  return '';
}

function headline(result: SmokeResult): string {
  const after = result.duration_ms === null ? '' : ` after ${formatDuration(result.duration_ms)}`;
  const where = foldedWhere(result);
  switch (result.status) {
    case 'PASS': {
      const d = result.duration_ms === null ? '' : ` in ${formatDuration(result.duration_ms)}`;
      return result.flaky
        ? `PASS${where}${d} (flaky: ${result.attempts.length} attempts)`
        : `PASS${where}${d}`;
    }
    case 'FAIL':
      if (result.signal !== null) return `FAIL${where}: killed by ${result.signal}${after}`;
      return `FAIL${where}: exit ${result.exit_code ?? '?'}${after}`;
    case 'TIMEOUT':
      return result.timeout_seconds === null
        ? `TIMEOUT${where}: deadline passed, process tree killed`
        : `TIMEOUT${where}: no result within ${formatSeconds(result.timeout_seconds)}, process tree killed`;
    case 'SKIPPED':
      return result.reason === 'no_profile_matched'
        ? "skipped: no profile's paths match the files this commit changed"
        : 'skipped: no smoke command resolved (dry run)';
    case 'STALE':
      return `STALE (${result.reason}): ${result.message}`;
    case 'CANCELLED':
      return 'CANCELLED: the run was cancelled';
    case 'BLOCKED':
    case 'ERROR':
      // A folded result's message names the profiles itself.
      return `${result.status} (${result.reason}): ${result.message}`;
  }
}

/** A fan-out's result (SPEC-v2 §5): " in web, worker" (the profiles that did not pass), or ", 3 profiles". */
function foldedWhere(result: SmokeResult): string {
  if (result.profiles === null || result.profiles.length === 0) return '';
  const failing = result.profiles.filter((p) => p.status !== 'PASS' && p.status !== 'SKIPPED');
  if (failing.length === 0) return `, ${result.profiles.length} profiles`;
  const names = failing.slice(0, 3).map((p) => p.profile);
  return ` in ${names.join(', ')}${failing.length > 3 ? ` +${failing.length - 3}` : ''}`;
}

/**
 * The final commit status for a result, or null for STALE (no status). The description is one line of at
 * most 140 characters, e.g. "FAIL: exit 3 after 12.4 s (task-2512)". Expects an already redacted result.
 */
export function commitStatusFor(result: SmokeResult): CommitStatusContent | null {
  const state = STATUS_STATE[result.status];
  if (state === null) return null;
  return {
    state,
    description: fitDescription(headline(result), subjectSuffix(result.task_id, result.pr_number)),
  };
}

/** The `pending` status posted when the command starts. */
export function pendingStatus(ctx: {
  taskId: string | null;
  prNumber: number | null;
  timeoutSeconds: number | null;
}): CommitStatusContent {
  const timeout = ctx.timeoutSeconds === null ? '' : ` (timeout ${formatSeconds(ctx.timeoutSeconds)})`;
  return {
    state: 'pending',
    description: fitDescription(
      `running the smoke command${timeout}`,
      subjectSuffix(ctx.taskId, ctx.prNumber),
    ),
  };
}

/**
 * A short, one-line reason: "HTTP 403 (Resource not accessible by integration)", "no answer (ECONNREFUSED)".
 * The endpoint prefix of a GitHubApiError message ("POST /repos/… failed: ") is dropped: the step says what
 * was attempted.
 */
export function describeApiError(e: unknown): string {
  let message = oneLine(e instanceof Error ? e.message : String(e)) || 'unknown error';
  if (e instanceof GitHubApiError) {
    const prefix = `${e.endpoint} failed: `;
    if (message.startsWith(prefix) && message.length > prefix.length) message = message.slice(prefix.length);
    // An answer with HTTP 200 failed for what its body said, which the message says: 200 adds nothing.
    const named = e.status === null || e.status === 200 || message.includes(`HTTP ${e.status}`);
    if (!named) message = `HTTP ${e.status} ${message}`;
  }
  return clip(message, 300);
}

/**
 * Posts a commit status. Never throws; returns the outcome for `reporting.commit_status`:
 * "posted", "skipped: status-context is empty", "skipped: no token", "skipped: no merge commit",
 * "failed: HTTP 403 …". The description is clipped to 140 characters again, to be safe.
 */
export async function postCommitStatus(
  api: GitHubApi | null,
  sha: string | null,
  context: string | null,
  state: CommitState,
  description: string,
  targetUrl: string | null,
): Promise<StepOutcome> {
  if (!context) return 'skipped: status-context is empty';
  if (api === null) return 'skipped: no token';
  if (!isSha(sha)) return 'skipped: no merge commit';
  try {
    await api.createCommitStatus(sha, {
      state,
      context,
      description: fitDescription(description),
      targetUrl,
    });
    return 'posted';
  } catch (e) {
    return `failed: ${describeApiError(e)}`;
  }
}

/**
 * The final status for `result` (commitStatusFor + postCommitStatus); STALE gives
 * "skipped: no commit status for STALE".
 */
export async function postFinalStatus(
  api: GitHubApi | null,
  context: string | null,
  result: SmokeResult,
  targetUrl: string | null,
): Promise<StepOutcome> {
  const status = commitStatusFor(result);
  if (status === null) return `skipped: no commit status for ${result.status}`;
  return postCommitStatus(api, result.merge_commit, context, status.state, status.description, targetUrl);
}
