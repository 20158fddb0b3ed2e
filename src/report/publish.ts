// Publishing a SmokeResult (SPEC §8) on every exit path. Each step is isolated: one failing (HTTP 403 on
// statuses, artifact service down, summary write error) never stops the others, and each outcome is
// recorded in `reporting`. Order matters only where one step feeds another: the artifact id feeds the
// outputs and the summary, and the result file and outputs come last so they carry every outcome.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { GitHubApi } from '../adapters/github.js';
import type { SmokeResult } from '../contracts.js';
import type { SmokeRun } from '../execute/types.js';
import type { OutputName, RunnerContext, Settings } from '../settings.js';
import { jobFails, packetDue } from '../verdict.js';
import { commitStatusFor, postCommitStatus } from './commit-status.js';
import { buildOutputs } from './outputs.js';
import { buildPacket, writePacket } from './packet.js';
import { fencedText } from './live-echo.js';
import { copyRedacted } from './redact-file.js';
import type { Redactor } from './redact.js';
import { writeResultFile } from './result-file.js';
import { validators } from './schema-check.js';
import { renderSummary } from './summary.js';
import type { ArtifactUploader, Logger, UploadedArtifact } from './types.js';

export interface PublishEffects {
  api: GitHubApi | null;
  log: Logger;
  /** null outside Actions (the CLI prints its own report). */
  setOutput: ((name: OutputName, value: string) => void) | null;
  appendSummary: ((markdown: string) => Promise<void>) | null;
  /** null: no artifact service; the packet stays on disk. */
  uploadArtifact: ArtifactUploader | null;
  now: () => Date;
  /** Fence text we print but did not author (the packet holds the command's output) from the runner. */
  fenceWorkflowCommands?: boolean;
}

export interface PublishInput {
  settings: Settings;
  ctx: RunnerContext;
  outDir: string;
  redactor: Redactor;
  /** The engine's run, when the command ran: its on-disk logs go into the artifact. */
  smokeRun: SmokeRun | null;
  fx: PublishEffects;
  /** Give up on a step after this long (a cancelled run has seconds left); null: no limit beyond the step's own. */
  stepTimeoutMs?: number | null;
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

export async function publishResult(draft: SmokeResult, input: PublishInput): Promise<Publication> {
  const { settings, ctx, outDir, redactor, fx } = input;
  const result = redactor.redactDeep(draft);
  const runUrl = result.run?.url ?? null;
  // Reporting outcomes quote error messages from elsewhere: they are redacted like everything else.
  const step = async (name: string, work: () => Promise<string>) =>
    redactor.redact(await isolated(name, fx.log, work, input.stepTimeoutMs ?? null));

  // 1. Commit status: the final state replaces the pending one (same context).
  const status = commitStatusFor(result);
  result.reporting.commit_status = status
    ? await step('commit status', () =>
        postCommitStatus(
          fx.api,
          result.merge_commit,
          settings.statusContext,
          status.state,
          redactor.redact(status.description),
          runUrl,
        ),
      )
    : `skipped: no commit status for ${result.status}`;

  // 2. The Critical #7 packet and its artifact.
  let packetPath: string | null = null;
  let artifact: UploadedArtifact | null = null;
  if (packetDue(result.status)) {
    const dir = join(outDir, 'escalation');
    result.reporting.artifact = await step('escalation packet', async () => {
      const packet = (await validators()).validatePacket(
        buildPacket(result, { repository: ctx.repository, runUrl, now: fx.now() }),
      );
      // Nothing is lost: whenever the packet cannot reach the artifact, it goes to the log.
      const printPacket = () => {
        const printed = JSON.stringify(packet, null, 2);
        fx.log.info(
          `Critical #7 escalation packet:\n${fx.fenceWorkflowCommands ? fencedText(printed) : printed}`,
        );
      };
      let files: string[];
      try {
        await mkdir(dir, { recursive: true });
        packetPath = await writePacket(dir, packet);
        files = [packetPath, ...(await writeEvidence(dir, result, input))];
      } catch (e) {
        fx.log.warning(`Could not write the escalation packet to ${dir}: ${errorText(e)}`);
        printPacket();
        throw e;
      }
      if (!fx.uploadArtifact) return `skipped: no artifact service; packet kept at ${packetPath}`;
      try {
        artifact = await fx.uploadArtifact({
          name: settings.artifactName,
          files,
          rootDirectory: dir,
          retentionDays: settings.artifactRetentionDays,
        });
        return `uploaded: ${settings.artifactName} (id ${artifact.id})`;
      } catch (e) {
        fx.log.warning(`Artifact upload failed; the packet stays at ${packetPath}.`);
        printPacket();
        return `failed: ${errorText(e)}`;
      }
    });
  } else {
    result.reporting.artifact = `skipped: no packet for ${result.status}`;
  }
  const artifactNow = artifact as UploadedArtifact | null;

  // 3. Job summary.
  result.reporting.summary = fx.appendSummary
    ? await step('job summary', async () => {
        const markdown = renderSummary(result, {
          serverUrl: ctx.serverUrl,
          repository: ctx.repository,
          artifactUrl: artifactNow?.url ?? null,
          packetPath,
        });
        await fx.appendSummary!(redactor.redact(markdown));
        return 'written';
      })
    : 'skipped: no job summary outside Actions';

  // 4. Result file, validated first (a schema slip is a bug, but the file is still written).
  let checked = result;
  try {
    checked = (await validators()).validateResult(result);
  } catch (e) {
    fx.log.error(`The SmokeResult does not match its schema (a bug; please report it): ${errorText(e)}`);
  }
  let resultPath: string | null = null;
  await isolated(
    'result file',
    fx.log,
    async () => {
      resultPath = await writeResultFile(outDir, checked);
      return 'written';
    },
    null,
  );

  // 5. Outputs, each on its own: one bad value does not lose the others.
  if (fx.setOutput) {
    const outputs = buildOutputs(checked, {
      resultPath,
      packetPath,
      artifactId: artifactNow?.id ?? null,
      artifactUrl: artifactNow?.url ?? null,
    });
    for (const [name, value] of Object.entries(outputs) as [OutputName, string][]) {
      try {
        fx.setOutput(name, value);
      } catch (e) {
        fx.log.warning(`Could not set output ${name}: ${errorText(e)}`);
      }
    }
  }

  // 6. Annotations, then the verdict on the job.
  if (packetDue(checked.status)) {
    fx.log.error(checked.message, 'Critical #7 POST_MERGE_SMOKE_FAILED');
  } else if (checked.status === 'STALE') {
    fx.log.warning(checked.message);
  }
  return {
    result: checked,
    resultPath,
    packetPath,
    artifact: artifactNow,
    failed: jobFails(checked.status, settings.onStale),
  };
}

/** The files that travel with the packet: the result and the redacted full logs. */
async function writeEvidence(dir: string, result: SmokeResult, input: PublishInput): Promise<string[]> {
  const files = [await writeResultFile(dir, result)];
  const final = input.smokeRun?.final ?? null;
  for (const stream of ['stdout', 'stderr'] as const) {
    const target = join(dir, `${stream}.log`);
    const source = final?.[stream].logPath ?? null;
    // Without an on-disk log (the command never ran, or the log could not be written) the captured text stands in.
    await copyRedacted(source, result[stream] ?? '', target, input.redactor);
    files.push(target);
  }
  return files;
}

async function isolated(
  step: string,
  log: Logger,
  work: () => Promise<string>,
  timeoutMs: number | null,
): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    if (timeoutMs === null) return await work();
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`gave up after ${timeoutMs} ms`)), timeoutMs);
    });
    return await Promise.race([work(), deadline]);
  } catch (e) {
    log.warning(`Reporting step '${step}' failed: ${errorText(e)}`);
    return `failed: ${errorText(e)}`;
  } finally {
    clearTimeout(timer);
  }
}

function errorText(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim().slice(0, 300);
}
