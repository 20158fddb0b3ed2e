// The fold (SPEC-v2 §5): the results of a fan-out's shards — run jobs of a matrix, or the CLI's parallel
// profiles — as one SmokeResult, the verdict about the commit. Pure: a report job and the CLI call it with
// what they received.
//
// - One entry in `profiles` per shard: the planned profiles in plan order, then any result for a profile
//   the plan did not name (it ran, so its verdict counts). Two results for one profile: the worse counts.
// - A planned profile without a result is ERROR `missing_shard`: a shard that never reported is not a pass.
// - The worst status decides (ERROR > TIMEOUT > FAIL > BLOCKED > PASS > SKIPPED; a shard that gave no
//   verdict, CANCELLED or STALE, ranks above PASS: its profile went untested). Among equals, plan order.
// - The top-level fields describe the deciding shard: status, reason, its exit code and signal, its
//   command, its captured output and attempts — the evidence the packet carries — and `profile` names it.
//   The message names every profile that did not pass. Times span the fan-out: `started_at` the first
//   start, `finished_at` the last end, `duration_ms` between them (the wall time of the whole fan-out).
//   `stale`, `dry_run` and `flaky` hold when they hold for any shard; `orphans_killed` is the sum.
// - The facts of the commit (merge commit, base branch, task, PR, event, queue) are the shards' own: the
//   caller gives results about one commit. The continuation is the policy table's for the folded status.
// - What the caller owns is left for it: `mode` says `report`, `run`, `green_sha`, `issue_number` are
//   null, every reporting step is pending.
import {
  SMOKE_RESULT_SCHEMA_ID,
  type ProfileOutcome,
  type SmokeResult,
  type SmokeStatus,
} from '../contracts.js';
import { continuationFor, PENDING_REPORTING } from '../pipeline/index.js';
import { utf8Tail } from '../report/index.js';
import { DEFAULT_PROFILE } from './select.js';

/** Worst first. */
export const SEVERITY: readonly SmokeStatus[] = [
  'ERROR',
  'TIMEOUT',
  'FAIL',
  'BLOCKED',
  'CANCELLED',
  'STALE',
  'PASS',
  'SKIPPED',
];

/** Bytes of each stream's tail kept per profile (a fold of 100 profiles stays far below the output limit). */
export const PROFILE_TAIL_BYTES = 1024;
/** Profiles named one by one in the message; more are counted. */
const MAX_NAMED = 20;

/** The profile a result is about: its own, or `default` for a run that named none. */
export function profileOf(result: Pick<SmokeResult, 'profile'>): string {
  return result.profile ?? DEFAULT_PROFILE;
}

interface Shard {
  profile: string;
  /** null: planned, but no result arrived. */
  result: SmokeResult | null;
}

export function foldResults(planned: readonly string[], results: readonly SmokeResult[]): SmokeResult {
  const shards = assignShards(planned, results);
  if (shards.length === 0) return nothingPlanned();
  const outcomes = shards.map(outcomeOf);
  const at = decidingIndex(outcomes);
  const deciding = shards[at]!;
  const outcome = outcomes[at]!;
  const d = deciding.result;
  const status = outcome.status;
  const message = `${headline(outcomes)} ${deciding.profile}: ${d ? d.message : missingMessage(deciding.profile)}`;
  return {
    ...commitFacts(results, d),
    ...evidenceOf(d),
    ...spanOf(results, d),
    status,
    reason: outcome.reason,
    message,
    profile: d ? d.profile : deciding.profile,
    stale: results.some((r) => r.stale),
    dry_run: results.some((r) => r.dry_run),
    flaky: results.some((r) => r.flaky),
    orphans_killed: results.reduce((n, r) => n + r.orphans_killed, 0),
    profiles: outcomes,
    continuation: continuationFor(status),
    merge_queue_continuation_ready: continuationFor(status).allow_continuation,
  };
}

/** Planned profiles in plan order (each once), then unplanned results; per profile the worst result. */
function assignShards(planned: readonly string[], results: readonly SmokeResult[]): Shard[] {
  const byProfile = new Map<string, SmokeResult | null>(planned.map((p) => [p, null]));
  for (const r of results) {
    const profile = profileOf(r);
    const seen = byProfile.get(profile) ?? null;
    if (seen === null || rank(r.status) < rank(seen.status)) byProfile.set(profile, r);
  }
  return [...byProfile].map(([profile, result]) => ({ profile, result }));
}

const rank = (status: SmokeStatus): number => SEVERITY.indexOf(status);

/** The first of the worst outcomes. */
function decidingIndex(outcomes: readonly ProfileOutcome[]): number {
  let worst = 0;
  outcomes.forEach((o, i) => {
    if (rank(o.status) < rank(outcomes[worst]!.status)) worst = i;
  });
  return worst;
}

export function outcomeOf(shard: Shard): ProfileOutcome {
  const r = shard.result;
  if (r === null) {
    return {
      profile: shard.profile,
      status: 'ERROR',
      reason: 'missing_shard',
      exit_code: null,
      duration_ms: null,
      stdout_tail: '',
      stderr_tail: '',
    };
  }
  return {
    profile: shard.profile,
    status: r.status,
    reason: r.reason,
    exit_code: r.exit_code,
    duration_ms: r.duration_ms,
    stdout_tail: utf8Tail(r.stdout ?? '', PROFILE_TAIL_BYTES),
    stderr_tail: utf8Tail(r.stderr ?? '', PROFILE_TAIL_BYTES),
  };
}

function missingMessage(profile: string): string {
  return `profile ${profile} was planned, but no result of its run job arrived (it did not run, or did not upload its result).`;
}

/** "2 of 5 profiles did not pass: api FAIL (exit_nonzero), web ERROR (missing_shard)." */
function headline(outcomes: readonly ProfileOutcome[]): string {
  const n = outcomes.length;
  const notPassed = outcomes.filter((o) => o.status !== 'PASS' && o.status !== 'SKIPPED');
  const of = `${n} profile${n === 1 ? '' : 's'}`;
  if (notPassed.length === 0) {
    return `${of}, none failed: ${named(outcomes, (o) => `${o.profile} ${o.status}`)}.`;
  }
  const list = named(notPassed, (o) => `${o.profile} ${o.status} (${o.reason})`);
  return `${notPassed.length} of ${of} did not pass: ${list}.`;
}

function named(outcomes: readonly ProfileOutcome[], name: (o: ProfileOutcome) => string): string {
  const shown = outcomes.slice(0, MAX_NAMED).map(name).join(', ');
  return outcomes.length > MAX_NAMED ? `${shown} and ${outcomes.length - MAX_NAMED} more` : shown;
}

/** The first value a result has for `pick`, the deciding one's first. */
function first<T>(
  results: readonly SmokeResult[],
  d: SmokeResult | null,
  pick: (r: SmokeResult) => T | null,
) {
  const own = d ? pick(d) : null;
  if (own !== null) return own;
  for (const r of results) {
    const v = pick(r);
    if (v !== null) return v;
  }
  return null;
}

function commitFacts(results: readonly SmokeResult[], d: SmokeResult | null) {
  const f = <T>(pick: (r: SmokeResult) => T | null) => first(results, d, pick);
  return {
    schema: SMOKE_RESULT_SCHEMA_ID as typeof SMOKE_RESULT_SCHEMA_ID,
    mode: 'report' as const,
    event: f((r) => r.event),
    queue: f((r) => r.queue),
    merge_commit: f((r) => r.merge_commit),
    base_branch: f((r) => r.base_branch),
    origin_head: f((r) => r.origin_head),
    origin_head_after: f((r) => r.origin_head_after),
    task_id: f((r) => r.task_id),
    pr_number: f((r) => r.pr_number),
    pr_discovery: f((r) => r.pr_discovery),
    containment: f((r) => r.containment),
    green_sha: null,
    issue_number: null,
    run: null,
    reporting: { ...PENDING_REPORTING },
  };
}

/** What the deciding shard ran and what it printed: the evidence of the verdict. */
function evidenceOf(d: SmokeResult | null) {
  return {
    smoke_command: d?.smoke_command ?? null,
    command_source: d?.command_source ?? null,
    exit_code: d?.exit_code ?? null,
    signal: d?.signal ?? null,
    timeout_seconds: d?.timeout_seconds ?? null,
    stdout: d?.stdout ?? null,
    stderr: d?.stderr ?? null,
    stdout_bytes: d?.stdout_bytes ?? null,
    stderr_bytes: d?.stderr_bytes ?? null,
    stdout_truncated: d?.stdout_truncated ?? false,
    stderr_truncated: d?.stderr_truncated ?? false,
    attempts: d?.attempts ?? [],
  };
}

/** From the first shard's start to the last shard's end; without times, the deciding shard's duration. */
function spanOf(results: readonly SmokeResult[], d: SmokeResult | null) {
  const starts = results.flatMap((r) => (r.started_at ? [r.started_at] : []));
  const ends = results.flatMap((r) => (r.finished_at ? [r.finished_at] : []));
  if (starts.length === 0 || ends.length === 0) {
    return { started_at: null, finished_at: null, duration_ms: d?.duration_ms ?? null };
  }
  const byTime = (a: string, b: string) => Date.parse(a) - Date.parse(b);
  const started = [...starts].sort(byTime)[0]!;
  const finished = [...ends].sort(byTime).at(-1)!;
  return {
    started_at: started,
    finished_at: finished,
    duration_ms: Math.max(0, Math.round(Date.parse(finished) - Date.parse(started))),
  };
}

/** A fan-out that planned nothing and received nothing: nothing had to run. */
function nothingPlanned(): SmokeResult {
  const folded = foldResults([DEFAULT_PROFILE], []);
  const status = 'SKIPPED';
  return {
    ...folded,
    status,
    reason: 'no_profile_matched',
    message:
      "No profile was planned for this commit: no profile's paths match a file it changed, and no profile is always: true. Nothing had to run.",
    profile: null,
    profiles: [],
    continuation: {
      allow_continuation: continuationFor(status).allow_continuation,
      reason: 'no profile is planned for this commit (fan-out by paths)',
    },
    merge_queue_continuation_ready: continuationFor(status).allow_continuation,
  };
}
