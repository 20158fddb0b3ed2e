// Publishing a SmokeResult (SPEC §8) on every exit path. The reporting steps are a list, each isolated: one
// failing (HTTP 403 on statuses, artifact service down, summary write error) never stops the others, and each
// outcome is recorded in `reporting`. Then the result file and the outputs, which carry every outcome, and
// the annotations; whether the job fails is decided last. The privileged steps (those that write through
// the API or escalate) run only in a job that reports: a run job with `report: false` hands its result over
// to a `report` job instead (SPEC-v2 §1). Each step has its own deadline and API budget (deadlines.ts).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { GitHubApi } from '../adapters/index.js';
import type { Reporting, SmokeResult } from '../contracts.js';
import { shortSha, isSha } from '../domain/index.js';
import type { SmokeRun } from '../execute/index.js';
import { jobFails, packetDue } from '../pipeline/index.js';
import type { RunnerContext, Settings } from '../settings/index.js';
import type { Sinks } from '../sinks/index.js';
import { commitStatusFor, postCommitStatus } from './commit-status.js';
import type { SuspectReport } from './health/suspects.js';
import {
  handOverResult,
  moveGreenRef,
  reportsHere,
  suspectsFor,
  summaryHealth,
  updateIssue,
} from './health-steps.js';
import { resultOutputs, setEachOutput } from './outputs.js';
import { buildPacket, PACKET_FILE_NAME } from './packet.js';
import { RESULT_FILE_NAME } from './result-file.js';
import { validators } from './schema-check.js';
import { renderSummary } from './summary.js';
import { errorText } from './text.js';
import { CancelWindow, deadlineOf, isolated, REPORTING_MS, type StepPart } from './deadlines.js';
import { writeLogs } from './evidence.js';
import type { ArtifactUploader, UploadedArtifact } from './types.js';

export interface PublishContext {
  settings: Settings;
  runner: RunnerContext;
  outDir: string;
  sinks: Sinks;
  /** Each step that uses it gets this client with a budget of its own (REPORTING_MS.api). */
  api: GitHubApi | null;
  /** null: no artifact service; the packet stays on disk. Bounded by its maker (REPORTING_MS.artifactUpload). */
  uploadArtifact: ArtifactUploader | null;
  now: () => Date;
  /** The run's cancellation: from then on the steps still to run or in flight get REPORTING_MS.cancelled. */
  signal: AbortSignal | null;
  /** Only tests shorten these. */
  reportingMs?: typeof REPORTING_MS;
  /** `mode: report`: where the folded results came from, and the run job's logs. */
  received?: ReceivedResults | null;
}

/** What a report job folded: the result artifacts (or the `results` input) it read. */
export interface ReceivedResults {
  /** "post-merge-smoke-result-default-abc1234-attempt-1", "the results input". */
  sources: string[];
  /** The run job's redacted full logs, when its artifact carried them. */
  logs: LogPaths | null;
}

export interface LogPaths {
  stdout: string | null;
  stderr: string | null;
}

export interface Publication {
  /** The published result: redacted, with every reporting outcome filled in. */
  result: SmokeResult;
  resultPath: string | null;
  packetPath: string | null;
  artifact: UploadedArtifact | null;
  /** Should the job fail? Decided last, after everything above was written. */
  failed: boolean;
}

/** What the steps share: the result as it is being completed, and what they produced. */
export interface Draft {
  result: SmokeResult;
  smokeRun: SmokeRun | null;
  packetPath: string | null;
  artifact: UploadedArtifact | null;
  /** On a failure: the commits after the last green one (looked up with the packet). */
  suspects: SuspectReport | null;
  issueUrl: string | null;
}

interface ReportStep {
  name: string;
  /** Where its outcome is recorded. */
  records: keyof Reporting;
  /** Writes through the API or escalates: only a job that reports does it. */
  privileged: boolean;
  /** What it spends time on: its deadline is their sum; 'api' gives it an API budget of its own. */
  takes: readonly StepPart[];
  run(draft: Draft, c: PublishContext): Promise<string>;
}

// In this order: the packet and the issue list the suspects, which start after the green ref; the summary
// shows what every other step did.
// Worst case, all of them timing out: 20 + 20 + (20 + 2 + 60) + 20 s, then the summary and the result file
// (2 s each) — 146 s in a job that reports; 64 s + 2 s in a run job that hands over (REPORTING_MS). When
// the verdict is that the API did not answer, the API parts share 10 s: a silent API costs about 35 s in all.
const REPORT_STEPS: readonly ReportStep[] = [
  { name: 'commit status', records: 'commit_status', privileged: true, takes: ['api'], run: postFinalStatus },
  { name: 'green ref', records: 'green_ref', privileged: true, takes: ['api'], run: moveGreenRef },
  {
    name: 'escalation packet',
    records: 'artifact',
    privileged: true,
    takes: ['api', 'files', 'artifactUpload'],
    run: escalate,
  },
  {
    name: 'escalation issue',
    records: 'escalation_issue',
    privileged: true,
    takes: ['api'],
    run: updateIssue,
  },
  {
    name: 'result artifact',
    records: 'result_artifact',
    privileged: false,
    takes: ['files', 'artifactUpload'],
    run: handOverResult,
  },
  { name: 'job summary', records: 'summary', privileged: false, takes: ['files'], run: writeSummary },
];

export async function publishResult(
  draftResult: SmokeResult,
  smokeRun: SmokeRun | null,
  c: PublishContext,
): Promise<Publication> {
  const draft: Draft = {
    result: c.sinks.redactor.redactDeep(draftResult),
    smokeRun,
    packetPath: null,
    artifact: null,
    suspects: null,
    issueUrl: null,
  };
  const window = new CancelWindow(c.signal, draftResult.status === 'CANCELLED', ms(c).cancelled);
  const api = apiBudgets(draftResult, c);
  try {
    for (const step of REPORT_STEPS) {
      const outcome =
        step.privileged && !reportsHere(c)
          ? 'skipped: report is false (the report job reports)'
          : await runStep(step, draft, { ...c, api: step.takes.includes('api') ? api() : c.api }, window);
      draft.result.reporting[step.records] = c.sinks.redactor.redact(outcome);
    }
  } finally {
    window.dispose();
  }
  const result = await validated(draft.result, c);
  const resultPath = await writeResultFile(result, c);
  setOutputs(result, resultPath, draft, c);
  annotate(result, c);
  // A result the report job never gets leaves main without a verdict: that fails the run job too.
  const lost = !reportsHere(c) && result.reporting.result_artifact.startsWith('failed');
  return {
    result,
    resultPath,
    packetPath: draft.packetPath,
    artifact: draft.artifact,
    failed: jobFails(result.status, c.settings.onStale) || lost,
  };
}

function ms(c: PublishContext): typeof REPORTING_MS {
  return c.reportingMs ?? REPORTING_MS;
}

/**
 * The API client of each step that uses it: with a budget of its own (REPORTING_MS.api), so a silent
 * endpoint costs only the step that called it — unless the verdict is that the API did not answer at all;
 * then the steps share one short budget (REPORTING_MS.apiUnreachable).
 */
function apiBudgets(result: SmokeResult, c: PublishContext): () => GitHubApi | null {
  if (result.reason !== 'head_unreachable') return () => c.api?.withBudget(ms(c).api) ?? null;
  const shared = c.api?.withBudget(ms(c).apiUnreachable) ?? null;
  return () => shared;
}

/**
 * One step within its own deadline. A step that only writes files is not cut by a cancellation: its outcome
 * is still due.
 */
function runStep(step: ReportStep, draft: Draft, c: PublishContext, window: CancelWindow): Promise<string> {
  const talks = step.takes.some((part) => part !== 'files');
  return isolated(step.name, () => step.run(draft, c), {
    sinks: c.sinks,
    deadlineMs: deadlineOf(step.takes, ms(c)),
    window: talks ? window : null,
  });
}

/** The final state replaces the pending one (same context). */
async function postFinalStatus(draft: Draft, c: PublishContext): Promise<string> {
  const status = commitStatusFor(draft.result);
  if (status === null) return `skipped: no commit status for ${draft.result.status}`;
  const runUrl = draft.result.run?.url ?? null;
  return postCommitStatus(
    c.api,
    draft.result.merge_commit,
    c.settings.statusContext,
    status.state,
    status.description,
    runUrl,
  );
}

/** The Critical #7 packet and its artifact. Nothing is lost: a packet that cannot travel is printed. */
async function escalate(draft: Draft, c: PublishContext): Promise<string> {
  const { result } = draft;
  if (!packetDue(result.status)) return `skipped: no packet for ${result.status}`;
  const dir = join(c.outDir, 'escalation');
  draft.suspects = await suspectsFor(draft, c);
  const packet = (await validators()).validatePacket(
    buildPacket(result, {
      repository: c.runner.repository,
      runUrl: result.run?.url ?? null,
      now: c.now(),
      suspects: draft.suspects?.suspects ?? [],
    }),
  );
  const printPacket = () =>
    c.sinks.log.info(`Critical #7 escalation packet:\n${JSON.stringify(packet, null, 2)}`);
  let files: string[];
  try {
    await mkdir(dir, { recursive: true });
    draft.packetPath = join(dir, PACKET_FILE_NAME);
    await c.sinks.writeJson(draft.packetPath, packet);
    files = [draft.packetPath, ...(await writeEvidence(dir, draft, c))];
  } catch (e) {
    c.sinks.log.warning(`Could not write the escalation packet to ${dir}: ${errorText(e)}`);
    printPacket();
    throw e;
  }
  if (!c.uploadArtifact) return `skipped: no artifact service; packet kept at ${draft.packetPath}`;
  const name = artifactName(result, c);
  try {
    draft.artifact = await c.uploadArtifact({
      name,
      files,
      rootDirectory: dir,
      retentionDays: c.settings.artifactRetentionDays,
    });
    return `uploaded: ${name} (id ${draft.artifact.id})`;
  } catch (e) {
    c.sinks.log.warning(`Artifact upload failed; the packet stays at ${draft.packetPath}.`);
    printPacket();
    return `failed: ${errorText(e)}`;
  }
}

/** The input, else `post-merge-smoke-critical-7-<sha7>-attempt-<n>` from the resolved merge commit. */
export function artifactName(result: SmokeResult, c: Pick<PublishContext, 'settings' | 'runner'>): string {
  if (c.settings.artifactName) return c.settings.artifactName;
  const sha7 = isSha(result.merge_commit) ? shortSha(result.merge_commit) : 'unknown';
  return `post-merge-smoke-critical-7-${sha7}-attempt-${c.runner.runAttempt}`;
}

/** The files that travel with the packet: the result and the redacted full logs. */
async function writeEvidence(dir: string, draft: Draft, c: PublishContext): Promise<string[]> {
  const resultFile = join(dir, RESULT_FILE_NAME);
  await c.sinks.writeJson(resultFile, draft.result);
  return [resultFile, ...(await writeLogs(dir, draft, c))];
}

async function writeSummary(draft: Draft, c: PublishContext): Promise<string> {
  if (!c.sinks.appendSummary) return 'skipped: no job summary outside Actions';
  const markdown = renderSummary(draft.result, {
    serverUrl: c.runner.serverUrl,
    repository: c.runner.repository,
    artifactUrl: draft.artifact?.url ?? null,
    packetPath: draft.packetPath,
    health: summaryHealth(draft, c),
  });
  await c.sinks.appendSummary(markdown);
  return 'written';
}

/** A schema slip is a bug: it is reported, and the result is still written as it is. */
async function validated(result: SmokeResult, c: PublishContext): Promise<SmokeResult> {
  try {
    return (await validators()).validateResult(result);
  } catch (e) {
    c.sinks.log.error(`The SmokeResult does not match its schema (a bug; please report it): ${errorText(e)}`);
    return result;
  }
}

async function writeResultFile(result: SmokeResult, c: PublishContext): Promise<string | null> {
  const path = join(c.outDir, RESULT_FILE_NAME);
  const written = await isolated('result file', () => c.sinks.writeJson(path, result).then(() => 'written'), {
    sinks: c.sinks,
    deadlineMs: ms(c).files,
  });
  return written === 'written' ? path : null;
}

function setOutputs(result: SmokeResult, resultPath: string | null, draft: Draft, c: PublishContext): void {
  setEachOutput(
    c.sinks,
    resultOutputs(c.settings.mode, result, {
      resultPath,
      packetPath: draft.packetPath,
      artifact: draft.artifact,
      greenSha: result.green_sha,
      issueNumber: result.issue_number,
    }),
  );
}

function annotate(result: SmokeResult, c: PublishContext): void {
  // The report job escalates: a run job that hands over does not raise a second Critical #7.
  const title = reportsHere(c)
    ? 'Critical #7 POST_MERGE_SMOKE_FAILED'
    : `post-merge-smoke ${result.status} (the report job escalates)`;
  if (packetDue(result.status)) c.sinks.log.error(result.message, { title });
  else if (result.status === 'STALE') c.sinks.log.warning(result.message);
}
