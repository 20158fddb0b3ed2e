// Pure decisions at the end of a run: the SmokeResult from what the pipeline learned, the continuation
// signal, whether the job fails, whether a packet is due (SPEC §2).
import { ESCALATING_STATUSES, SMOKE_RESULT_SCHEMA_ID } from './contract-constants.js';
import type {
  Attempt,
  CommandSource,
  Continuation,
  Reason,
  RunInfo,
  SmokeResult,
  SmokeStatus,
} from './contracts.js';
import type { OnStale } from './settings.js';

/** Everything the pipeline learned on the way; fields stay null until a step fills them. */
export interface RunFacts {
  mergeCommit: string | null;
  baseBranch: string | null;
  originHead: string | null;
  originHeadAfter: string | null;
  stale: boolean;
  taskId: string | null;
  prNumber: number | null;
  profile: string | null;
  smokeCommand: string | null;
  commandSource: CommandSource | null;
  dryRun: boolean;
  timeoutSeconds: number | null;
  execution: ExecutionFacts | null;
  run: RunInfo | null;
}

export interface ExecutionFacts {
  exitCode: number | null;
  signal: string | null;
  durationMs: number;
  startedAt: string;
  finishedAt: string;
  stdout: string;
  stderr: string;
  stdoutBytes: number;
  stderrBytes: number;
  stdoutTruncated: boolean;
  stderrTruncated: boolean;
  attempts: Attempt[];
  flaky: boolean;
  orphansKilled: number;
}

export interface Verdict {
  status: SmokeStatus;
  reason: Reason;
  message: string;
}

export function emptyFacts(dryRun: boolean): RunFacts {
  return {
    mergeCommit: null,
    baseBranch: null,
    originHead: null,
    originHeadAfter: null,
    stale: false,
    taskId: null,
    prNumber: null,
    profile: null,
    smokeCommand: null,
    commandSource: null,
    dryRun,
    timeoutSeconds: null,
    execution: null,
    run: null,
  };
}

export const PENDING_REPORTING = {
  commit_status: 'pending',
  artifact: 'pending',
  summary: 'pending',
} as const;

export function continuationFor(status: SmokeStatus): Continuation {
  switch (status) {
    case 'PASS':
      return { allow_continuation: true, reason: 'smoke passed on the merge commit' };
    case 'SKIPPED':
      return {
        allow_continuation: true,
        reason: 'no smoke command and dry-run allows skipping (policy §10)',
      };
    case 'STALE':
      return {
        allow_continuation: false,
        reason: 'the merge commit is no longer the head; the newer run decides',
      };
    case 'CANCELLED':
      return { allow_continuation: false, reason: 'the run was cancelled before a verdict' };
    default:
      return { allow_continuation: false, reason: `smoke ${status}: main needs attention (Critical #7)` };
  }
}

export function buildResult(facts: RunFacts, verdict: Verdict): SmokeResult {
  const x = facts.execution;
  const continuation = continuationFor(verdict.status);
  return {
    schema: SMOKE_RESULT_SCHEMA_ID,
    status: verdict.status,
    reason: verdict.reason,
    message: verdict.message,
    merge_commit: facts.mergeCommit,
    base_branch: facts.baseBranch,
    origin_head: facts.originHead,
    origin_head_after: facts.originHeadAfter,
    stale: facts.stale,
    task_id: facts.taskId,
    pr_number: facts.prNumber,
    profile: facts.profile,
    smoke_command: facts.smokeCommand,
    command_source: facts.commandSource,
    dry_run: facts.dryRun,
    exit_code: x ? x.exitCode : null,
    signal: x ? x.signal : null,
    duration_ms: x ? x.durationMs : null,
    started_at: x ? x.startedAt : null,
    finished_at: x ? x.finishedAt : null,
    timeout_seconds: facts.timeoutSeconds,
    stdout: x ? x.stdout : null,
    stderr: x ? x.stderr : null,
    stdout_bytes: x ? x.stdoutBytes : null,
    stderr_bytes: x ? x.stderrBytes : null,
    stdout_truncated: x ? x.stdoutTruncated : false,
    stderr_truncated: x ? x.stderrTruncated : false,
    attempts: x ? x.attempts : [],
    flaky: x ? x.flaky : false,
    orphans_killed: x ? x.orphansKilled : 0,
    continuation,
    merge_queue_continuation_ready: continuation.allow_continuation,
    run: facts.run,
    reporting: { ...PENDING_REPORTING },
  };
}

export function packetDue(status: SmokeStatus): boolean {
  return ESCALATING_STATUSES.includes(status);
}

/** Does the job fail? STALE depends on `on-stale`; CANCELLED exits non-zero (the runner marks it cancelled). */
export function jobFails(status: SmokeStatus, onStale: OnStale): boolean {
  if (status === 'STALE') return onStale === 'fail';
  return status !== 'PASS' && status !== 'SKIPPED';
}
