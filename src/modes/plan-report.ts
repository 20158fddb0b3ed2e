// What `mode: plan` publishes: the `matrix` and `profiles` outputs (with every other output, empty where a
// plan has nothing to say), the plan file and its artifact for the report job, the job summary and the log.
// Each on its own: one failing spares the rest. Outputs: `status` PASS (reason `planned`) when a plan was
// made — also an empty one — else the verdict that stopped it (the job then fails, `matrix` and `profiles`
// empty). A plan posts no commit status and produces no SmokeResult.
import { join } from 'node:path';
import type { SmokeStatus } from '../contracts.js';
import {
  FANOUT_PLAN_FILE,
  matrixJson,
  planArtifactName,
  planDocument,
  type PlannedShard,
} from '../fanout/index.js';
import type { ScriptEnd } from '../pipeline/index.js';
import {
  emptyOutputs,
  escapeInline,
  inlineCode,
  isolated,
  REPORTING_MS,
  setEachOutput,
  STATUS_EMOJI,
  type ArtifactUploader,
} from '../report/index.js';
import type { ModeContext } from './context.js';
import type { ModeOutcome } from './index.js';
import type { Plan } from './plan.js';

export type PlanOutcome = Omit<ModeOutcome, 'result'>;

export function planOutcome(end: ScriptEnd<Plan>): PlanOutcome {
  if (end.kind === 'stopped') return { ...end.verdict, failed: true };
  const names = end.value.shards.map((s) => s.profile);
  const message =
    names.length === 0
      ? 'Planned no profile: no profile is always: true and none has paths that match a file this commit changed. The run jobs are skipped; the report job reports SKIPPED.'
      : `Planned ${names.length} profile${names.length === 1 ? '' : 's'}: ${names.join(', ')}.`;
  return { status: 'PASS', reason: 'planned', message, failed: false };
}

export async function publishPlan(
  c: ModeContext,
  end: ScriptEnd<Plan>,
  outcome: PlanOutcome,
  uploadArtifact: ArtifactUploader | null,
): Promise<void> {
  const { log } = c.sinks;
  const plan = end.kind === 'done' ? end.value : null;
  if (plan === null) log.error(outcome.message, { title: 'post-merge-smoke plan' });
  for (const s of plan?.shards ?? []) log.info(`Planned ${s.profile}: ${s.why}.`);
  const upload = { sinks: c.sinks, deadlineMs: REPORTING_MS.files + REPORTING_MS.artifactUpload };
  if (plan) await isolated('plan artifact', () => handOver(c, plan, uploadArtifact), upload);
  if (c.sinks.appendSummary) {
    const summary = c.sinks.appendSummary;
    const files = { sinks: c.sinks, deadlineMs: REPORTING_MS.files };
    await isolated('job summary', () => summary(planSummary(plan, outcome)).then(() => 'written'), files);
  }
  setEachOutput(c.sinks, {
    ...emptyOutputs('plan', outcome.status),
    matrix: plan ? matrixJson(plan.shards) : null,
    profiles: plan ? plan.shards.map((s) => s.profile) : null,
  });
}

/** The plan file, and its artifact for the report job when there is an artifact service. */
async function handOver(c: ModeContext, plan: Plan, upload: ArtifactUploader | null): Promise<string> {
  const dir = join(c.outDir, 'plan');
  const file = join(dir, FANOUT_PLAN_FILE);
  await c.sinks.writeJson(file, planDocument(plan.mergeCommit, plan.fanOut, plan.shards));
  if (!upload) return `skipped: no artifact service; the plan is at ${file}`;
  const name = planArtifactName(plan.mergeCommit, c.runner.runAttempt);
  const uploaded = await upload({ name, files: [file], rootDirectory: dir, retentionDays: null });
  c.sinks.log.info(`Uploaded the plan as the artifact ${name} (id ${uploaded.id}).`);
  return `uploaded: ${name}`;
}

export function planSummary(plan: Plan | null, outcome: PlanOutcome): string {
  const emoji = STATUS_EMOJI[outcome.status as SmokeStatus] ?? '';
  const head = `### ${emoji} post-merge-smoke plan: ${outcome.status} (${outcome.reason})\n\n${escapeInline(outcome.message)}\n`;
  if (plan === null || plan.shards.length === 0) return `${head}\n`;
  const how =
    plan.fanOut === 'paths'
      ? `Fan-out by paths: ${inlineCode(plan.mergeCommit.slice(0, 12))} changed ${plan.changedFiles?.length ?? 0} file(s).`
      : 'No fan-out: the profile the resolution chose.';
  return [head, how, '', '| profile | why |', '|---|---|', ...plan.shards.map(row), '', ''].join('\n');
}

const row = (s: PlannedShard) => `| ${inlineCode(s.profile)} | ${escapeInline(s.why)} |`;
