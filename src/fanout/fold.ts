// The fold (SPEC-v2 §5): the results of a fan-out's shards — run jobs of a matrix, or the CLI's parallel
// profiles — as one SmokeResult, the verdict about the commit. Pure: a report job and the CLI call it with
// what they received. `foldShards` takes each result under the name its job ran as (a report job knows it
// from the artifact's name, which the job chose, not the smoke) and the shards known to be missing, with
// why; `foldResults` is the same for results that name their own profile.
//
// - One entry in `profiles` per shard: the planned profiles in plan order, then any result for a profile
//   the plan did not name (it ran, so its verdict counts). Two results for one profile: the worse counts.
// - A planned profile without a result is ERROR `missing_shard`: a shard that never reported is not a pass;
//   when the caller knows why (an unreadable artifact), that is the message.
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
import { DEFAULT_PROFILE } from '../domain/index.js';
import {
  SMOKE_RESULT_SCHEMA_ID,
  type ProfileOutcome,
  type SmokeResult,
  type SmokeStatus,
} from '../contracts.js';
import { continuationFor, PENDING_REPORTING } from '../pipeline/index.js';
import { utf8Tail } from '../report/index.js';

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

/** A shard's result, under the name its job ran as (a report job: the artifact's profile). */
export interface ShardResult {
  profile: string;
  result: SmokeResult;
}

/** A shard the caller knows did not deliver, and why (an artifact that could not be read, say). */
export interface MissingShard {
  profile: string;
  why: string;
}

interface Shard {
  profile: string;
  /** null: planned, but no result arrived. */
  result: SmokeResult | null;
  /** Why it has no result, when the caller knows. */
  why?: string;
}

/** The fold of results that name their own profile (`profile`, or `default` when null). */
export function foldResults(planned: readonly string[], results: readonly SmokeResult[]): SmokeResult {
  return foldShards(
    planned,
    results.map((result) => ({ profile: profileOf(result), result })),
  );
}

/**
 * The fold of shard results under the names their jobs ran as. `missing`: shards known not to have
 * delivered; they count as planned, and their `why` is the message when one decides.
 */
export function foldShards(
  planned: readonly string[],
  received: readonly ShardResult[],
  missing: readonly MissingShard[] = [],
): SmokeResult {
  const shards = assignShards(planned, received, missing);
  if (shards.length === 0) return nothingPlanned();
  const results = received.map((r) => r.result);
  const outcomes = shards.map(outcomeOf);
  const at = decidingIndex(outcomes);
  const deciding = shards[at]!;
  const outcome = outcomes[at]!;
  const d = deciding.result;
  const status = outcome.status;
  const why = d ? d.message : missingMessage(deciding);
  return {
    ...commitFacts(results, d),
    ...evidenceOf(d),
    ...spanOf(results, d),
    status,
    reason: outcome.reason,
    message: `${headline(outcomes)} ${deciding.profile}: ${why}`,
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

/** The shard whose result decided a fold (its evidence is the folded result's): the first of the worst. */
export function decidingProfile(folded: Pick<SmokeResult, 'profiles' | 'status' | 'reason'>): string | null {
  return (
    folded.profiles?.find((p) => p.status === folded.status && p.reason === folded.reason)?.profile ?? null
  );
}

/** Planned shards in plan order (each once), then the others; per shard the worst result. */
function assignShards(
  planned: readonly string[],
  received: readonly ShardResult[],
  missing: readonly MissingShard[],
): Shard[] {
  const byProfile = new Map<string, Shard>(planned.map((p) => [p, { profile: p, result: null }]));
  for (const m of missing) {
    const seen = byProfile.get(m.profile);
    if (!seen?.result) byProfile.set(m.profile, { profile: m.profile, result: null, why: m.why });
  }
  for (const { profile, result } of received) {
    const seen = byProfile.get(profile)?.result ?? null;
    if (seen === null || rank(result.status) < rank(seen.status)) byProfile.set(profile, { profile, result });
  }
  return [...byProfile.values()];
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

function outcomeOf(shard: Shard): ProfileOutcome {
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

function missingMessage(shard: Shard): string {
  if (shard.why) return `no usable result: ${shard.why}`;
  return `profile ${shard.profile} was planned, but no result of its run job arrived (it did not run, or did not upload its result).`;
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
