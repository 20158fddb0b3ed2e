// A schema-valid SmokeResult for tests: sampleResult({ status: 'FAIL' }) fills in a matching reason, exit
// code, continuation and attempt, so a test only states what it cares about. The result is validated: an
// override that breaks the schema throws here, not in the code under test.
import {
  REASONS_BY_STATUS,
  SMOKE_RESULT_SCHEMA_ID,
  SmokeResult,
  type SmokeStatus,
} from '../../src/contracts.js';

export const SAMPLE_SHA = '0123456789abcdef0123456789abcdef01234567';
export const SAMPLE_HEAD_AFTER = 'fedcba9876543210fedcba9876543210fedcba98';

const CONTINUES: readonly SmokeStatus[] = ['PASS', 'SKIPPED'];
const RAN: readonly SmokeStatus[] = ['PASS', 'FAIL', 'TIMEOUT', 'CANCELLED'];

function defaultsFor(status: SmokeStatus): Partial<SmokeResult> {
  const ran = RAN.includes(status);
  const exitCode = status === 'PASS' ? 0 : status === 'FAIL' ? 3 : status === 'TIMEOUT' ? 143 : null;
  const signal = status === 'TIMEOUT' ? 'SIGTERM' : null;
  const allow = CONTINUES.includes(status);
  return {
    reason: REASONS_BY_STATUS[status][0],
    message:
      status === 'PASS' ? 'The smoke command passed.' : `The smoke run ended with ${status.toLowerCase()}.`,
    exit_code: exitCode,
    signal,
    duration_ms: ran ? 12_400 : null,
    started_at: ran ? '2025-01-02T03:04:05.000Z' : null,
    finished_at: ran ? '2025-01-02T03:04:17.400Z' : null,
    stdout: ran ? 'running smoke\nok\n' : null,
    stderr: ran ? '' : null,
    stdout_bytes: ran ? 17 : null,
    stderr_bytes: ran ? 0 : null,
    attempts:
      ran && status !== 'CANCELLED'
        ? [
            {
              exit_code: exitCode,
              signal,
              status: status as 'PASS' | 'FAIL' | 'TIMEOUT',
              duration_ms: 12_400,
            },
          ]
        : [],
    continuation: {
      allow_continuation: allow,
      reason: allow ? `smoke ${status}` : `smoke ${status}: continuation blocked`,
    },
    merge_queue_continuation_ready: allow,
    stale: status === 'STALE',
  };
}

/** A valid SmokeResult (PASS unless `overrides.status` says otherwise), with `overrides` applied last. */
export function sampleResult(overrides: Partial<SmokeResult> = {}): SmokeResult {
  const status = overrides.status ?? 'PASS';
  const base: SmokeResult = {
    schema: SMOKE_RESULT_SCHEMA_ID,
    mode: 'run',
    event: 'push',
    queue: null,
    status,
    reason: 'exit_zero',
    message: '',
    merge_commit: SAMPLE_SHA,
    base_branch: 'main',
    origin_head: SAMPLE_SHA,
    origin_head_after: SAMPLE_SHA,
    stale: false,
    task_id: 'task-2512',
    pr_number: 62,
    pr_discovery: '#62 named in the commit message (squash subject)',
    profile: 'api',
    smoke_command: 'npm run smoke:api',
    command_source: 'registry',
    dry_run: false,
    exit_code: null,
    signal: null,
    duration_ms: null,
    started_at: null,
    finished_at: null,
    timeout_seconds: 600,
    stdout: null,
    stderr: null,
    stdout_bytes: null,
    stderr_bytes: null,
    stdout_truncated: false,
    stderr_truncated: false,
    attempts: [],
    flaky: false,
    orphans_killed: 0,
    containment: null,
    profiles: null,
    green_sha: null,
    issue_number: null,
    continuation: { allow_continuation: true, reason: '' },
    merge_queue_continuation_ready: true,
    run: {
      repository: 'octo/widgets',
      run_id: '4242',
      run_attempt: 1,
      url: 'https://github.com/octo/widgets/actions/runs/4242',
    },
    reporting: {
      commit_status: 'pending',
      artifact: 'pending',
      summary: 'pending',
      green_ref: 'pending',
      escalation_issue: 'pending',
      result_artifact: 'pending',
    },
    ...defaultsFor(status),
  };
  return SmokeResult.parse({ ...base, ...overrides });
}
