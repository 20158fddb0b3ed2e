// The public JSON contracts (SPEC §3), defined once. TypeScript types are inferred from these schemas and
// `schemas/*.schema.json` is generated from them (see scripts/generate-schemas.ts); a test keeps both in step.
import { z } from 'zod';
import {
  COMMAND_SOURCES,
  CONTAINMENTS_USED,
  RESULT_MODES,
  CriticalEscalationType,
  ESCALATION_PACKET_SCHEMA_ID,
  ESCALATION_TYPE_NAME,
  REASONS,
  REASONS_BY_STATUS,
  SMOKE_PLAN_SCHEMA_ID,
  SMOKE_RESULT_SCHEMA_ID,
  SMOKE_STATUSES,
} from './contract-constants.js';
import { SHA_PATTERN } from './domain/index.js';

export * from './contract-constants.js';

export const SmokeStatus = z.enum(SMOKE_STATUSES);
export type SmokeStatus = z.infer<typeof SmokeStatus>;

export const Reason = z.enum(REASONS);
export type Reason = z.infer<typeof Reason>;

export const CommandSource = z.enum(COMMAND_SOURCES);
export type CommandSource = z.infer<typeof CommandSource>;

const Sha = z.string().regex(SHA_PATTERN, 'a full 40-hex commit SHA');
const IsoTime = z.iso.datetime({ offset: true });

/** One execution of the command. A run with retries has several. */
export const Attempt = z
  .object({
    exit_code: z.number().int().nullable(),
    signal: z.string().nullable(),
    status: z.enum(['PASS', 'FAIL', 'TIMEOUT', 'ERROR', 'CANCELLED']),
    duration_ms: z.number().int().nonnegative(),
  })
  .strict();
export type Attempt = z.infer<typeof Attempt>;

/** The AutomationDecision of the seed: may the merge queue go on? */
export const Continuation = z
  .object({
    allow_continuation: z.boolean(),
    reason: z.string(),
  })
  .strict();
export type Continuation = z.infer<typeof Continuation>;

export const RunInfo = z
  .object({
    repository: z.string(),
    run_id: z.string(),
    run_attempt: z.number().int().positive(),
    url: z.string(),
  })
  .strict();
export type RunInfo = z.infer<typeof RunInfo>;

/** What each reporting step did: "posted", "uploaded", "written", "skipped: …", "failed: …". */
export const Reporting = z
  .object({
    commit_status: z.string(),
    /** The Critical #7 packet artifact. */
    artifact: z.string(),
    summary: z.string(),
    /** The `green-ref` branch: "moved to <sha>", "unchanged: …", "skipped: …". */
    green_ref: z.string(),
    /** The red streak's issue: "opened #12", "commented on #12", "closed #12", "skipped: …". */
    escalation_issue: z.string(),
    /** A run job with `report: false`: its result artifact for the report job. */
    result_artifact: z.string(),
  })
  .strict();
export type Reporting = z.infer<typeof Reporting>;

/** A merge queue candidate (merge_group event): the queue's branch and the base it was built on. */
export const Queue = z
  .object({
    head_ref: z.string(),
    base_sha: Sha.nullable(),
  })
  .strict();
export type Queue = z.infer<typeof Queue>;

/** One profile's outcome in a fan-out (SPEC-v2 §5). */
export const ProfileOutcome = z
  .object({
    profile: z.string(),
    status: SmokeStatus,
    reason: Reason,
    exit_code: z.number().int().nullable(),
    duration_ms: z.number().int().nonnegative().nullable(),
    stdout_tail: z.string(),
    stderr_tail: z.string(),
  })
  .strict();
export type ProfileOutcome = z.infer<typeof ProfileOutcome>;

/** A commit after the last green one, up to the failing merge commit (SPEC-v2 §4). */
export const Suspect = z
  .object({
    sha: Sha,
    subject: z.string(),
    pr_number: z.number().int().positive().nullable(),
    author: z.string(),
  })
  .strict();
export type Suspect = z.infer<typeof Suspect>;

export const SmokeResult = z
  .object({
    schema: z.literal(SMOKE_RESULT_SCHEMA_ID),
    /** The mode that produced it. */
    mode: z.enum(RESULT_MODES),
    /** The workflow event (push, merge_group, workflow_dispatch, …); null outside Actions. */
    event: z.string().nullable(),
    queue: Queue.nullable(),
    status: SmokeStatus,
    reason: Reason,
    message: z.string(),
    merge_commit: Sha.nullable(),
    base_branch: z.string().nullable(),
    origin_head: Sha.nullable(),
    origin_head_after: Sha.nullable(),
    stale: z.boolean(),
    task_id: z.string().nullable(),
    pr_number: z.number().int().positive().nullable(),
    /** How PR discovery concluded, in one phrase ("#12 named in the commit message (squash subject)"). */
    pr_discovery: z.string().nullable(),
    profile: z.string().nullable(),
    smoke_command: z.string().nullable(),
    command_source: CommandSource.nullable(),
    dry_run: z.boolean(),
    exit_code: z.number().int().nullable(),
    signal: z.string().nullable(),
    duration_ms: z.number().int().nonnegative().nullable(),
    started_at: IsoTime.nullable(),
    finished_at: IsoTime.nullable(),
    timeout_seconds: z.number().positive().nullable(),
    stdout: z.string().nullable(),
    stderr: z.string().nullable(),
    stdout_bytes: z.number().int().nonnegative().nullable(),
    stderr_bytes: z.number().int().nonnegative().nullable(),
    stdout_truncated: z.boolean(),
    stderr_truncated: z.boolean(),
    attempts: z.array(Attempt),
    flaky: z.boolean(),
    orphans_killed: z.number().int().nonnegative(),
    /** How the smoke was contained; null when nothing ran. */
    containment: z.enum(CONTAINMENTS_USED).nullable(),
    /** A folded fan-out: one entry per planned profile; null for a single run. */
    profiles: z.array(ProfileOutcome).nullable(),
    /** The `green-ref` branch after this run; null when `green-ref` is off or unknown. */
    green_sha: Sha.nullable(),
    /** The open escalation issue of the red streak; null when there is none. */
    issue_number: z.number().int().positive().nullable(),
    continuation: Continuation,
    merge_queue_continuation_ready: z.boolean(),
    run: RunInfo.nullable(),
    reporting: Reporting,
  })
  .strict()
  .superRefine((r, ctx) => {
    if (!REASONS_BY_STATUS[r.status].includes(r.reason)) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: `reason "${r.reason}" does not belong to status ${r.status} (expected one of ${REASONS_BY_STATUS[r.status].join(', ')})`,
      });
    }
    if (r.merge_queue_continuation_ready !== r.continuation.allow_continuation) {
      ctx.addIssue({
        code: 'custom',
        path: ['merge_queue_continuation_ready'],
        message: 'must equal continuation.allow_continuation',
      });
    }
  });
export type SmokeResult = z.infer<typeof SmokeResult>;

export const PacketEvidence = z
  .object({
    status: SmokeStatus,
    reason: Reason,
    message: z.string(),
    smoke_command: z.string().nullable(),
    command_source: CommandSource.nullable(),
    exit_code: z.number().int().nullable(),
    signal: z.string().nullable(),
    duration_ms: z.number().int().nonnegative().nullable(),
    origin_head: Sha.nullable(),
    stdout_tail: z.string(),
    stderr_tail: z.string(),
  })
  .strict();
export type PacketEvidence = z.infer<typeof PacketEvidence>;

export const EscalationPacket = z
  .object({
    schema: z.literal(ESCALATION_PACKET_SCHEMA_ID),
    critical_no: z.literal(CriticalEscalationType.POST_MERGE_SMOKE_FAILED),
    escalation_type: z.literal(ESCALATION_TYPE_NAME),
    idempotency_key: z.string(),
    merge_commit: Sha.nullable(),
    task_id: z.string().nullable(),
    pr_number: z.number().int().positive().nullable(),
    repository: z.string().nullable(),
    run_url: z.string().nullable(),
    created_at: IsoTime,
    queue: Queue.nullable(),
    /** The first-parent commits after the last green one up to the merge commit, newest first (≤ 50). */
    suspects: z.array(Suspect).max(50),
    /** A folded fan-out's profiles; null for a single run. */
    profiles: z.array(ProfileOutcome).nullable(),
    evidence: PacketEvidence,
  })
  .strict();
export type EscalationPacket = z.infer<typeof EscalationPacket>;

/** What the CLI would run (`post-merge-smoke run` without --apply): resolved, checked, not executed. */
export const SmokePlan = z
  .object({
    schema: z.literal(SMOKE_PLAN_SCHEMA_ID),
    applied: z.literal(false),
    merge_commit: Sha,
    base_branch: z.string(),
    origin_head: Sha.nullable(),
    stale: z.boolean(),
    task_id: z.string().nullable(),
    pr_number: z.number().int().positive().nullable(),
    /** How PR discovery concluded, in one phrase ("#12 named in the commit message (squash subject)"). */
    pr_discovery: z.string().nullable(),
    profile: z.string().nullable(),
    smoke_command: z.string(),
    command_source: CommandSource,
    shell: z.string(),
    working_directory: z.string(),
    timeout_seconds: z.number().positive(),
    dry_run: z.boolean(),
    /** What --apply would refuse in this working tree (HEAD elsewhere, uncommitted changes); empty: it would run. */
    apply_refusals: z.array(z.string()),
  })
  .strict();
export type SmokePlan = z.infer<typeof SmokePlan>;

/** Generated JSON Schema documents, keyed by the file name they are checked in under `schemas/`. */
export function jsonSchemas(): Record<string, unknown> {
  const doc = (schema: z.ZodType, id: string, title: string) => ({
    title,
    description: `${id}: generated from src/contracts.ts by \`npm run schemas\`; do not edit by hand.`,
    ...z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }),
  });
  return {
    'smoke-result.schema.json': doc(SmokeResult, SMOKE_RESULT_SCHEMA_ID, 'SmokeResult'),
    'escalation-packet.schema.json': doc(EscalationPacket, ESCALATION_PACKET_SCHEMA_ID, 'EscalationPacket'),
    'smoke-plan.schema.json': doc(SmokePlan, SMOKE_PLAN_SCHEMA_ID, 'SmokePlan'),
  };
}
