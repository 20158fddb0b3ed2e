// The reporting steps of main health (SPEC-v2 §4) — the green ref, the suspects, the red streak's issue —
// and the hand-over of a run job's result to the report job (SPEC-v2 §1). Each says honestly why it did
// nothing ("skipped: green-ref is off"); publish.ts runs them isolated and records what they return.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isSha } from '../domain/index.js';
import { updateEscalationIssue } from './health/escalation-issue.js';
import { updateGreenRef } from './health/green-ref.js';
import { findSuspects, type SuspectReport } from './health/suspects.js';
import { writeLogs } from './evidence.js';
import type { Draft, PublishContext } from './publish.js';
import { RESULT_FILE_NAME } from './result-file.js';
import { resultArtifactName } from './result-artifact.js';
import { repositoryUrl, type SummaryHealth } from './summary.js';
import { errorText } from './text.js';

/** Does this job do the privileged reporting? A report job always; a run job unless `report: false`. */
export function reportsHere(c: Pick<PublishContext, 'settings'>): boolean {
  return c.settings.mode === 'report' || c.settings.report;
}

export async function moveGreenRef(draft: Draft, c: PublishContext): Promise<string> {
  const branch = c.settings.greenRef;
  if (branch === null) return 'skipped: green-ref is off';
  if (branch === draft.result.base_branch) return `skipped: green-ref is the base branch ${branch} itself`;
  if (!c.api) return 'skipped: no token';
  const outcome = await updateGreenRef(c.api, branch, draft.result);
  draft.result.green_sha = outcome.greenSha;
  return outcome.text;
}

/** The suspects of a failure; null without a token or a merge commit, or when the lookup failed (logged). */
export async function suspectsFor(draft: Draft, c: PublishContext): Promise<SuspectReport | null> {
  const merge = draft.result.merge_commit;
  if (!c.api || !isSha(merge)) return null;
  const greenSha = draft.result.green_sha;
  try {
    return await findSuspects(c.api, {
      mergeCommit: merge,
      green: c.settings.greenRef && greenSha ? { branch: c.settings.greenRef, sha: greenSha } : null,
      statusContext: c.settings.statusContext,
      repository: c.runner.repository,
    });
  } catch (e) {
    c.sinks.log.warning(`Could not list the suspects (the packet carries none): ${errorText(e)}`);
    return null;
  }
}

export async function updateIssue(draft: Draft, c: PublishContext): Promise<string> {
  if (!c.settings.escalationIssue) return 'skipped: escalation-issue is off';
  if (!c.api) return 'skipped: no token';
  const outcome = await updateEscalationIssue(c.api, {
    label: c.settings.escalationLabel,
    text: {
      result: draft.result,
      repoUrl: repositoryUrl(c.runner.serverUrl, c.runner.repository),
      suspects: draft.suspects,
    },
    now: c.now(),
    redact: (text) => c.sinks.redactor.redact(text),
  });
  draft.result.issue_number = outcome.issueNumber;
  draft.issueUrl = outcome.issueUrl;
  return outcome.text;
}

/**
 * A run job with `report: false` uploads its result and redacted logs for the report job. The uploaded
 * result's own `reporting` is as it stands (the report job starts its reporting afresh).
 */
export async function handOverResult(draft: Draft, c: PublishContext): Promise<string> {
  if (c.received) return `read: ${c.received.sources.join(', ') || 'nothing'}`;
  if (reportsHere(c)) return 'skipped: report is true (this job reports)';
  if (!c.uploadArtifact) return 'failed: no artifact service here: the report job cannot read this result';
  const dir = join(c.outDir, 'result-artifact');
  await mkdir(dir, { recursive: true });
  const resultFile = join(dir, RESULT_FILE_NAME);
  await c.sinks.writeJson(resultFile, draft.result);
  const name = resultArtifactName(c.settings.profile, draft.result.merge_commit, c.runner.runAttempt);
  const uploaded = await c.uploadArtifact({
    name,
    files: [resultFile, ...(await writeLogs(dir, draft, c))],
    rootDirectory: dir,
    retentionDays: c.settings.artifactRetentionDays,
  });
  return `uploaded: ${name} (id ${uploaded.id})`;
}

/** What the summary shows of main health: only what is switched on. */
export function summaryHealth(draft: Draft, c: PublishContext): SummaryHealth | null {
  const { settings } = c;
  const r = draft.result;
  if (!reportsHere(c) || (!settings.greenRef && !settings.escalationIssue && !draft.suspects)) return null;
  return {
    greenRef: settings.greenRef
      ? { branch: settings.greenRef, sha: r.green_sha, outcome: r.reporting.green_ref }
      : null,
    suspects: draft.suspects,
    issue: settings.escalationIssue
      ? { number: r.issue_number, url: draft.issueUrl, outcome: r.reporting.escalation_issue }
      : null,
  };
}
