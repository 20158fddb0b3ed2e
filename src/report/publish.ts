// Publishing a SmokeResult (SPEC §8) on every exit path. The reporting steps are a list, each isolated: one
// failing (HTTP 403 on statuses, artifact service down, summary write error) never stops the others, and each
// outcome is recorded in `reporting`. Then the result file and the outputs, which carry every outcome, and
// the annotations; whether the job fails is decided last.
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
import { buildOutputs, resultOutputs } from './outputs.js';
import { buildPacket, PACKET_FILE_NAME } from './packet.js';
import { RESULT_FILE_NAME } from './result-file.js';
import { validators } from './schema-check.js';
import { renderSummary } from './summary.js';
import type { ArtifactUploader, UploadedArtifact } from './types.js';

export interface PublishContext {
  settings: Settings;
  runner: RunnerContext;
  outDir: string;
  sinks: Sinks;
  api: GitHubApi | null;
  /** null: no artifact service; the packet stays on disk. */
  uploadArtifact: ArtifactUploader | null;
  now: () => Date;
  /** Give up on a step after this long (a cancelled run has seconds left); null: the step's own limits. */
  stepTimeoutMs: number | null;
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
interface Draft {
  result: SmokeResult;
  smokeRun: SmokeRun | null;
  packetPath: string | null;
  artifact: UploadedArtifact | null;
}

interface ReportStep {
  name: string;
  /** Where its outcome is recorded. */
  records: keyof Reporting;
  run(draft: Draft, c: PublishContext): Promise<string>;
}

const REPORT_STEPS: readonly ReportStep[] = [
  { name: 'commit status', records: 'commit_status', run: postFinalStatus },
  { name: 'escalation packet', records: 'artifact', run: escalate },
  { name: 'job summary', records: 'summary', run: writeSummary },
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
  };
  for (const step of REPORT_STEPS) {
    const outcome = await isolated(step.name, () => step.run(draft, c), c);
    draft.result.reporting[step.records] = c.sinks.redactor.redact(outcome);
  }
  const result = await validated(draft.result, c);
  const resultPath = await writeResultFile(result, c);
  setOutputs(result, resultPath, draft, c);
  annotate(result, c);
  return {
    result,
    resultPath,
    packetPath: draft.packetPath,
    artifact: draft.artifact,
    failed: jobFails(result.status, c.settings.onStale),
  };
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
  const packet = (await validators()).validatePacket(
    buildPacket(result, { repository: c.runner.repository, runUrl: result.run?.url ?? null, now: c.now() }),
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
  const files = [resultFile];
  const final = draft.smokeRun?.final ?? null;
  for (const stream of ['stdout', 'stderr'] as const) {
    const target = join(dir, `${stream}.log`);
    // Without an on-disk log (the command never ran, or the log could not be written) the captured text stands in.
    await c.sinks.copyRedacted(final?.[stream].logPath ?? null, draft.result[stream] ?? '', target);
    files.push(target);
  }
  return files;
}

async function writeSummary(draft: Draft, c: PublishContext): Promise<string> {
  if (!c.sinks.appendSummary) return 'skipped: no job summary outside Actions';
  const markdown = renderSummary(draft.result, {
    serverUrl: c.runner.serverUrl,
    repository: c.runner.repository,
    artifactUrl: draft.artifact?.url ?? null,
    packetPath: draft.packetPath,
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
  const written = await isolated(
    'result file',
    () => c.sinks.writeJson(path, result).then(() => 'written'),
    c,
  );
  return written === 'written' ? path : null;
}

/** Each output on its own: one bad value does not lose the others. */
function setOutputs(result: SmokeResult, resultPath: string | null, draft: Draft, c: PublishContext): void {
  if (!c.sinks.setOutput) return;
  const outputs = buildOutputs(
    resultOutputs(c.settings.mode, result, {
      resultPath,
      packetPath: draft.packetPath,
      artifact: draft.artifact,
    }),
  );
  for (const [name, value] of Object.entries(outputs)) {
    try {
      c.sinks.setOutput(name as keyof typeof outputs, value);
    } catch (e) {
      c.sinks.log.warning(`Could not set output ${name}: ${errorText(e)}`);
    }
  }
}

function annotate(result: SmokeResult, c: PublishContext): void {
  if (packetDue(result.status))
    c.sinks.log.error(result.message, { title: 'Critical #7 POST_MERGE_SMOKE_FAILED' });
  else if (result.status === 'STALE') c.sinks.log.warning(result.message);
}

/** A step's outcome; a throw or a step past its deadline becomes "failed: …". */
export async function isolated(
  step: string,
  work: () => Promise<string>,
  c: Pick<PublishContext, 'sinks' | 'stepTimeoutMs'>,
): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    if (c.stepTimeoutMs === null) return await work();
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`gave up after ${c.stepTimeoutMs} ms`)), c.stepTimeoutMs!);
    });
    return await Promise.race([work(), deadline]);
  } catch (e) {
    c.sinks.log.warning(`Reporting step '${step}' failed: ${errorText(e)}`);
    return `failed: ${errorText(e)}`;
  } finally {
    clearTimeout(timer);
  }
}

function errorText(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim().slice(0, 300);
}
