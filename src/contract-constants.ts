// The contracts' plain values: schema ids, statuses, reasons, command sources, the escalation number. They
// live apart from the zod schemas (contracts.ts, which builds its enums from these arrays) so that code on
// the action's start-up path can use them without loading zod; the schemas are loaded in the background and
// only needed when a result is validated.

export const SMOKE_RESULT_SCHEMA_ID = 'post-merge-smoke/smoke-result@2';
export const SMOKE_PLAN_SCHEMA_ID = 'post-merge-smoke/smoke-plan@2';
export const ESCALATION_PACKET_SCHEMA_ID = 'post-merge-smoke/escalation-packet@2';

/** The Critical escalation classes. Ours is #7; the number is part of the contract. */
export enum CriticalEscalationType {
  POST_MERGE_SMOKE_FAILED = 7,
}
export const ESCALATION_TYPE_NAME = 'POST_MERGE_SMOKE_FAILED' as const;

export const SMOKE_STATUSES = [
  'PASS',
  'FAIL',
  'TIMEOUT',
  'SKIPPED',
  'BLOCKED',
  'STALE',
  'ERROR',
  'CANCELLED',
] as const;
export type SmokeStatus = (typeof SMOKE_STATUSES)[number];

/**
 * Machine-readable reason codes. Each status has its own small set; REASONS_BY_STATUS says which.
 * Consumers switch on these, so they are an enum, not free text.
 */
export const REASONS = [
  // PASS
  'exit_zero',
  'planned',
  // FAIL
  'exit_nonzero',
  'killed_by_signal',
  // TIMEOUT
  'deadline_exceeded',
  // SKIPPED / BLOCKED
  'no_command',
  'no_profile_matched',
  'unknown_profile',
  'untrusted_source',
  'invalid_config',
  'invalid_input',
  // STALE
  'superseded',
  'diverged',
  'rewound',
  // ERROR
  'head_unreachable',
  'workspace_mismatch',
  'git_failed',
  'api_failed',
  'spawn_failed',
  'internal_error',
  'missing_shard',
  // CANCELLED
  'cancelled',
] as const;
export type Reason = (typeof REASONS)[number];

export const REASONS_BY_STATUS: Record<SmokeStatus, readonly Reason[]> = {
  // `planned`: `mode: plan` chose the shards (it runs nothing and produces no SmokeResult).
  PASS: ['exit_zero', 'planned'],
  FAIL: ['exit_nonzero', 'killed_by_signal'],
  TIMEOUT: ['deadline_exceeded'],
  // `no_profile_matched`: a fan-out by paths planned no profile for the commit, so nothing had to run.
  SKIPPED: ['no_command', 'no_profile_matched'],
  BLOCKED: ['no_command', 'unknown_profile', 'untrusted_source', 'invalid_config', 'invalid_input'],
  STALE: ['superseded', 'diverged', 'rewound'],
  ERROR: [
    'head_unreachable',
    'workspace_mismatch',
    'git_failed',
    'api_failed',
    'spawn_failed',
    'internal_error',
    'missing_shard',
  ],
  CANCELLED: ['cancelled'],
};

export const COMMAND_SOURCES = ['input', 'registry', 'task-file', 'pr-body'] as const;

/** How the smoke was kept in check: its own cgroup (v2 or v1), or its process group and a /proc sweep. */
export const CONTAINMENTS_USED = ['cgroup-v2', 'cgroup-v1', 'process-group'] as const;

/** The modes that produce a SmokeResult: a run, or a report folding the results of run jobs. */
export const RESULT_MODES = ['run', 'report'] as const;
export type CommandSource = (typeof COMMAND_SOURCES)[number];
