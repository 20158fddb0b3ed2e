// What a run learned, assembled in one place: every stage returns a FactsPatch, the runner merges them in
// order, and the SmokeResult is built from the facts and the verdict at the end.
import { SMOKE_RESULT_SCHEMA_ID } from '../contract-constants.js';
import type {
  Attempt,
  CommandSource,
  ProfileOutcome,
  Queue,
  Reporting,
  RunInfo,
  SmokeResult,
} from '../contracts.js';
import type { SmokeRun } from '../execute/index.js';
import { continuationFor } from './policy.js';
import type { Verdict } from './stage.js';

export interface RunFacts {
  mode: SmokeResult['mode'];
  event: string | null;
  queue: Queue | null;
  mergeCommit: string | null;
  baseBranch: string | null;
  originHead: string | null;
  originHeadAfter: string | null;
  stale: boolean;
  taskId: string | null;
  prNumber: number | null;
  prDiscovery: string | null;
  profile: string | null;
  smokeCommand: string | null;
  commandSource: CommandSource | null;
  dryRun: boolean;
  timeoutSeconds: number | null;
  execution: ExecutionFacts | null;
  profiles: ProfileOutcome[] | null;
  greenSha: string | null;
  issueNumber: number | null;
  run: RunInfo | null;
}

export type FactsPatch = Partial<RunFacts>;

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
  containment: SmokeResult['containment'];
}

export function emptyFacts(dryRun: boolean): RunFacts {
  return {
    mode: 'run',
    event: null,
    queue: null,
    mergeCommit: null,
    baseBranch: null,
    originHead: null,
    originHeadAfter: null,
    stale: false,
    taskId: null,
    prNumber: null,
    prDiscovery: null,
    profile: null,
    smokeCommand: null,
    commandSource: null,
    dryRun,
    timeoutSeconds: null,
    execution: null,
    profiles: null,
    greenSha: null,
    issueNumber: null,
    run: null,
  };
}

/** `facts` with every field the patch defines replaced (a field set to null counts: it was learned). */
export function mergeFacts(facts: RunFacts, patch: FactsPatch | undefined): RunFacts {
  if (!patch) return facts;
  const defined = Object.entries(patch).filter(([, v]) => v !== undefined);
  return { ...facts, ...Object.fromEntries(defined) };
}

/** What the engine's run contributes to the result. */
export function executionFacts(run: SmokeRun): ExecutionFacts {
  const f = run.final;
  return {
    exitCode: f.exitCode,
    signal: f.signal,
    durationMs: run.durationMs,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    stdout: f.stdout.text,
    stderr: f.stderr.text,
    stdoutBytes: f.stdout.totalBytes,
    stderrBytes: f.stderr.totalBytes,
    stdoutTruncated: f.stdout.truncated,
    stderrTruncated: f.stderr.truncated,
    attempts: run.attempts.map((a) => ({
      exit_code: a.exitCode,
      signal: a.signal,
      status: a.status,
      duration_ms: a.durationMs,
    })),
    flaky: run.flaky,
    orphansKilled: run.orphansKilled,
    containment: run.containment,
  };
}

export const PENDING_REPORTING: Readonly<Reporting> = {
  commit_status: 'pending',
  artifact: 'pending',
  summary: 'pending',
  green_ref: 'pending',
  escalation_issue: 'pending',
  result_artifact: 'pending',
};

export function buildResult(facts: RunFacts, verdict: Verdict): SmokeResult {
  const x = facts.execution;
  const continuation = continuationFor(verdict.status);
  return {
    schema: SMOKE_RESULT_SCHEMA_ID,
    mode: facts.mode,
    event: facts.event,
    queue: facts.queue,
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
    pr_discovery: facts.prDiscovery,
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
    containment: x ? x.containment : null,
    profiles: facts.profiles,
    green_sha: facts.greenSha,
    issue_number: facts.issueNumber,
    continuation,
    merge_queue_continuation_ready: continuation.allow_continuation,
    run: facts.run,
    reporting: { ...PENDING_REPORTING },
  };
}
