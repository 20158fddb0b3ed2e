// `post-merge-smoke run --all-profiles [--jobs N]`: the fan-out of a workflow's job matrix on one machine.
// The plan is `mode: plan`'s (with fan-out by paths from --fan-out or the registry; without it, every
// profile of the registry); each profile then runs through the same `run` script as a run job — freshness,
// resolution with `profile` set, the engine in its own process group, its own out folder — N at a time, and
// the results fold into one verdict exactly as a report job folds them. Ctrl-C cancels every shard: each
// engine kills its own tree; shards not started yet end CANCELLED at once.
import { setMaxListeners } from 'node:events';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { SmokeResult } from '../contracts.js';
import type { ProfileName } from '../domain/index.js';
import { decidingProfile, foldShards, mapWithLimit, type PlannedShard } from '../fanout/index.js';
import { runPlanScript, runSmokeScript, type ModeContext, type Plan } from '../modes/index.js';
import { buildResult, jobFails, PENDING_REPORTING } from '../pipeline/index.js';
import { asFlagError } from '../settings/index.js';
import { terminalSinks, type Log, type Sinks } from '../sinks/index.js';
import type { RunArgs } from './args.js';
import { pruneRuns } from './audit.js';
import { EXIT_FAILED, EXIT_OK, type CliIo } from './io.js';
import { judgeLocally, localLog, type LocalOutcome } from './local.js';
import { renderAllProfilesPlan, renderResultText, type ShardPlan } from './report-text.js';
import { publishLocally } from './publish-local.js';
import type { Prepared, Printed, Refused } from './run.js';

interface ShardEnd {
  shard: PlannedShard;
  outcome: LocalOutcome;
}

export async function runAllProfiles(args: RunArgs, io: CliIo, p: Prepared): Promise<Printed | Refused> {
  const { c } = p;
  const planned = await runPlanScript(c, {
    signal: io.signal,
    inputErrors: [],
    describeInputError: asFlagError,
    withoutFanOut: 'every-profile',
  });
  if (planned.kind === 'stopped') {
    const { status, reason, message } = planned.verdict;
    if (status === 'BLOCKED' && reason === 'invalid_input') return refused(message);
    io.stderr(`post-merge-smoke run: ${status} ${reason}: ${message}\n`);
    return { kind: 'printed', code: EXIT_FAILED, audited: null };
  }
  const plan = planned.value;
  const jobs = Math.min(args.jobs ?? availableParallelism(), Math.max(1, plan.shards.length));
  c.sinks.log.info(planLine(plan, jobs, c.apply));
  // One listener per running shard on the CLI's signal: as many as --jobs allows, which is not a leak.
  setMaxListeners(jobs + 10, io.signal);
  const ends = await mapWithLimit(plan.shards, jobs, (shard) => runShard(c, shard, io, args.json));
  const refusal = ends.find((e) => e.outcome.kind === 'refused')?.outcome as Refused | undefined;
  if (refusal) return refusal;
  if (!c.apply) return printPlans(plan, ends, args.json, io, c);
  return foldAndPublish(plan, ends, p, args.json, io);
}

const refused = (message: string): Refused => ({ kind: 'refused', message, hint: null });

function planLine(plan: Plan, jobs: number, apply: boolean): string {
  const names = plan.shards.map((s) => s.profile).join(', ') || 'none';
  const how =
    plan.fanOut === 'paths'
      ? `fan-out by paths, ${plan.changedFiles?.length ?? 0} changed file(s)`
      : 'every profile of the registry';
  const what = apply ? `running ${jobs} at a time` : 'plan only';
  return `${plan.shards.length} profile(s) (${how}; ${what}): ${names}`;
}

/** One profile, as its run job would run it: `profile` set, its own out folder, its own prefixed output. */
async function runShard(c: ModeContext, shard: PlannedShard, io: CliIo, json: boolean): Promise<ShardEnd> {
  const settings = { ...c.settings, profile: shard.input === '' ? null : (shard.input as ProfileName) };
  const sc: ModeContext = {
    ...c,
    settings,
    outDir: join(c.outDir, 'profiles', shard.profile),
    sinks: shardSinks(c.sinks, `${shard.profile} | `, io, json),
  };
  // Its own signal, following the CLI's: the shard's stages listen to it, not to the one all shards share.
  const controller = new AbortController();
  const cancel = () => controller.abort(io.signal.reason);
  if (io.signal.aborted) cancel();
  else io.signal.addEventListener('abort', cancel, { once: true });
  try {
    const end = await runSmokeScript(sc, {
      signal: controller.signal,
      inputErrors: [],
      describeInputError: asFlagError,
      uploadArtifact: null,
    });
    return { shard, outcome: judgeLocally(end, { apply: c.apply, settings }) };
  } finally {
    io.signal.removeEventListener('abort', cancel);
  }
}

/**
 * A shard's terminal: its smoke's output and its warnings, each line prefixed with the profile, so that
 * profiles running side by side stay readable. The stage notes of every shard would bury them: only the
 * folded report tells what happened.
 */
function shardSinks(base: Sinks, prefix: string, io: CliIo, json: boolean): Sinks {
  const err = linePrefixer(prefix, io.stderr);
  const live = json ? err : linePrefixer(prefix, io.stdout);
  const terminal = { stdout: io.stdout, stderr: err, debug: Boolean(io.env.POST_MERGE_SMOKE_DEBUG) };
  const sinks = terminalSinks(base.redactor, terminal, live);
  return { ...sinks, log: quiet(localLog(sinks.log)) };
}

function quiet(log: Log): Log {
  return { ...log, info: () => {}, group: (_title, work) => work() };
}

/** Writes `text` with `prefix` at the start of every line. */
export function linePrefixer(prefix: string, write: (text: string) => void): (text: string) => void {
  let atLineStart = true;
  return (text) => {
    if (text === '') return;
    const parts = text.split(/(?<=\n)/);
    write(parts.map((part) => (atLineStart ? prefix : '') + part).join(''));
    atLineStart = text.endsWith('\n');
  };
}

/** Without --apply: what each profile would run (or how it would end), nothing executed. */
function printPlans(plan: Plan, ends: ShardEnd[], json: boolean, io: CliIo, c: ModeContext): Printed {
  const shards: ShardPlan[] = ends.map(({ shard, outcome }) => ({
    profile: shard.profile,
    why: shard.why,
    command: outcome.kind === 'plan' ? outcome.command : null,
    wouldEnd: outcome.kind === 'verdict' ? outcome.verdict : null,
  }));
  const text = json
    ? JSON.stringify({ merge_commit: plan.mergeCommit, fan_out: plan.fanOut, shards }, null, 2) + '\n'
    : renderAllProfilesPlan(plan, shards);
  io.stdout(c.sinks.redactor.redact(text));
  const blocked = shards.some((s) => s.wouldEnd !== null && jobFails(s.wouldEnd.status, c.settings.onStale));
  return { kind: 'printed', code: blocked ? EXIT_FAILED : EXIT_OK, audited: null };
}

/** The shards' results folded into one, published like a run's (result file, packet when due), printed. */
async function foldAndPublish(
  plan: Plan,
  ends: ShardEnd[],
  p: Prepared,
  json: boolean,
  io: CliIo,
): Promise<Printed> {
  const { c } = p;
  const results = ends.map((e) => shardResult(e));
  await Promise.all(results.map((r, i) => c.sinks.writeJson(shardResultPath(c, ends[i]!), r)));
  const fold = foldShards(
    plan.shards.map((s) => s.profile),
    ends.map((e, i) => ({ profile: e.shard.profile, result: results[i]! })),
  );
  // An empty plan has no shard to take the commit from.
  const folded: SmokeResult = {
    ...fold,
    mode: 'run',
    merge_commit: fold.merge_commit ?? plan.mergeCommit,
    base_branch: fold.base_branch ?? c.settings.baseBranch,
  };
  // The shard whose evidence the folded result carries: its full logs travel with the packet.
  const deciding = ends.find((e) => e.shard.profile === decidingProfile(folded));
  const smoke = deciding?.outcome.kind === 'verdict' ? deciding.outcome.smoke : null;
  const publication = await publishLocally(folded, smoke, c);
  if (p.defaultOutDir) await pruneRuns(p.repo);
  const { result, resultPath, packetPath } = publication;
  const text = renderResultText(result, { resultPath, packetPath });
  io.stdout(c.sinks.redactor.redact(json ? JSON.stringify(result, null, 2) + '\n' : text));
  const code = jobFails(result.status, c.settings.onStale) ? EXIT_FAILED : EXIT_OK;
  return { kind: 'printed', code, audited: { result, resultPath } };
}

/** A shard's verdict as a SmokeResult (not published on its own: the fold is). */
function shardResult({ shard, outcome }: ShardEnd): SmokeResult {
  if (outcome.kind !== 'verdict') throw new Error(`profile ${shard.profile} has no verdict`);
  return { ...buildResult(outcome.facts, outcome.verdict), reporting: SHARD_REPORTING };
}

const SHARD_REPORTING: SmokeResult['reporting'] = Object.fromEntries(
  Object.keys(PENDING_REPORTING).map((step) => [
    step,
    'skipped: one profile of --all-profiles; the folded result is published',
  ]),
) as SmokeResult['reporting'];

function shardResultPath(c: ModeContext, end: ShardEnd): string {
  return join(c.outDir, 'profiles', end.shard.profile, 'smoke-result.json');
}
