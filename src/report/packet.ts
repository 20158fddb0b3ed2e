// The Critical #7 POST_MERGE_SMOKE_FAILED escalation packet (SPEC §1, §3, §8).
import {
  CriticalEscalationType,
  ESCALATION_PACKET_SCHEMA_ID,
  ESCALATION_TYPE_NAME,
} from '../contract-constants.js';
import type { EscalationPacket, SmokeResult, Suspect } from '../contracts.js';
import { sha7, utf8Tail } from './text.js';

export const PACKET_FILE_NAME = 'escalation-packet.json';
/** Bytes of each stream's tail kept as evidence. */
export const PACKET_TAIL_BYTES = 4 * 1024;

export interface PacketContext {
  /** owner/name; falls back to result.run.repository. */
  repository: string | null;
  /** Link to the workflow run; falls back to result.run.url. */
  runUrl: string | null;
  now: Date;
  /** The commits after the last green one (main health); empty when unknown. */
  suspects?: Suspect[];
}

/**
 * `<task_id | pr-<n> | sha7 | unknown>::POST_MERGE_SMOKE_FAILED::<merge_commit | unknown>` — the same for every
 * re-run of the same merge, so a consumer files one escalation, not one per attempt.
 */
export function idempotencyKey(result: Pick<SmokeResult, 'task_id' | 'pr_number' | 'merge_commit'>): string {
  const subject =
    result.task_id ||
    (result.pr_number !== null ? `pr-${result.pr_number}` : null) ||
    sha7(result.merge_commit) ||
    'unknown';
  return `${subject}::${ESCALATION_TYPE_NAME}::${result.merge_commit ?? 'unknown'}`;
}

/**
 * The packet for a failed result (FAIL, TIMEOUT, BLOCKED, ERROR — the caller decides when one is due).
 * Evidence tails are the last 4 KiB of the captured streams, cut on a UTF-8 boundary. Expects an already
 * redacted result. Pure: the caller validates it against the schema (see schema-check.ts).
 */
export function buildPacket(result: SmokeResult, ctx: PacketContext): EscalationPacket {
  const packet: EscalationPacket = {
    schema: ESCALATION_PACKET_SCHEMA_ID,
    critical_no: CriticalEscalationType.POST_MERGE_SMOKE_FAILED,
    escalation_type: ESCALATION_TYPE_NAME,
    idempotency_key: idempotencyKey(result),
    merge_commit: result.merge_commit,
    task_id: result.task_id,
    pr_number: result.pr_number,
    repository: ctx.repository ?? result.run?.repository ?? null,
    run_url: ctx.runUrl ?? result.run?.url ?? null,
    created_at: ctx.now.toISOString(),
    queue: result.queue,
    suspects: (ctx.suspects ?? []).slice(0, 50),
    profiles: result.profiles,
    evidence: {
      status: result.status,
      reason: result.reason,
      message: result.message,
      smoke_command: result.smoke_command,
      command_source: result.command_source,
      exit_code: result.exit_code,
      signal: result.signal,
      duration_ms: result.duration_ms,
      origin_head: result.origin_head,
      stdout_tail: utf8Tail(result.stdout ?? '', PACKET_TAIL_BYTES),
      stderr_tail: utf8Tail(result.stderr ?? '', PACKET_TAIL_BYTES),
    },
  };
  return packet;
}
