// The last line of defence: publishing itself threw (a bug). Write the minimum a workflow relies on —
// outputs, the result file, a summary line — each on its own, with an ERROR result that says what broke.
import type { RunnerProtocol } from '../adapters/runner.js';
import { isSha } from '../domain/index.js';
import type { Settings } from '../settings.js';
import { buildResult, emptyFacts } from '../verdict.js';
import { buildOutputs } from './outputs.js';
import { Redactor } from './redact.js';
import { writeResultFile } from './result-file.js';
import { escapeHtml } from './summary.js';
import type { Logger } from './types.js';

export interface EmergencyContext {
  settings: Settings;
  outDir: string;
  secrets: string[];
  env: NodeJS.ProcessEnv;
  log: Logger;
  runner: RunnerProtocol;
}

export async function emergencyPublish(error: unknown, c: EmergencyContext): Promise<void> {
  const redactor = Redactor.fromEnv(c.env, c.secrets, c.settings.redactPatterns);
  const why = redactor.redact(error instanceof Error ? error.message : String(error));
  const facts = emptyFacts(c.settings.dryRun);
  facts.mergeCommit = isSha(c.settings.mergeCommit) ? c.settings.mergeCommit : null;
  facts.baseBranch = c.settings.baseBranch;
  const result = buildResult(facts, {
    status: 'ERROR',
    reason: 'internal_error',
    message: `post-merge-smoke could not publish its result: ${why}`,
  });
  result.reporting = {
    commit_status: 'skipped: reporting failed',
    artifact: 'skipped: reporting failed',
    summary: 'pending',
  };
  c.log.error(result.message, 'Critical #7 POST_MERGE_SMOKE_FAILED');
  let resultPath: string | null = null;
  try {
    resultPath = await writeResultFile(c.outDir, result);
  } catch (e) {
    c.log.warning(`Could not write the result file: ${(e as Error).message}`);
  }
  try {
    c.runner.appendSummary(`## post-merge-smoke: ERROR\n\n${escapeHtml(result.message)}\n`);
    result.reporting.summary = 'written';
  } catch {
    result.reporting.summary = 'failed: summary unavailable';
  }
  const outputs = buildOutputs(result, { resultPath, packetPath: null, artifactId: null, artifactUrl: null });
  for (const [name, value] of Object.entries(outputs)) {
    try {
      c.runner.setOutput(name, value);
    } catch {
      // Each output on its own.
    }
  }
}
