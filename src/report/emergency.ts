// The last line of defence: publishing itself threw (a bug), or the run could not finish after an uncaught
// exception. Write the minimum a workflow relies on — outputs, the result file, a summary line — each on
// its own, with an ERROR result that says what broke.
import { join } from 'node:path';
import { isSha } from '../domain/index.js';
import { buildResult, emptyFacts } from '../pipeline/index.js';
import type { ParsedSettings } from '../settings/index.js';
import type { Sinks } from '../sinks/index.js';
import { resultOutputs, setEachOutput } from './outputs.js';
import { RESULT_FILE_NAME } from './result-file.js';
import { escapeHtml } from './summary.js';

export interface EmergencyContext {
  parsed: ParsedSettings;
  outDir: string;
  sinks: Sinks;
}

export async function emergencyPublish(error: unknown, c: EmergencyContext): Promise<void> {
  const { settings } = c.parsed;
  const why = error instanceof Error ? error.message : String(error);
  const facts = emptyFacts(settings.dryRun);
  facts.mergeCommit = isSha(settings.mergeCommit) ? settings.mergeCommit : null;
  facts.baseBranch = settings.baseBranch;
  const result = c.sinks.redactor.redactDeep(
    buildResult(facts, {
      status: 'ERROR',
      reason: 'internal_error',
      message: `post-merge-smoke could not publish its result: ${why}`,
    }),
  );
  result.reporting = {
    commit_status: 'skipped: reporting failed',
    artifact: 'skipped: reporting failed',
    summary: 'pending',
    green_ref: 'skipped: reporting failed',
    escalation_issue: 'skipped: reporting failed',
    result_artifact: 'skipped: reporting failed',
  };
  c.sinks.log.error(result.message, { title: 'Critical #7 POST_MERGE_SMOKE_FAILED' });
  const resultPath = join(c.outDir, RESULT_FILE_NAME);
  const written = await c.sinks.writeJson(resultPath, result).then(
    () => true,
    (e: unknown) => {
      c.sinks.log.warning(`Could not write the result file: ${(e as Error).message}`);
      return false;
    },
  );
  try {
    await c.sinks.appendSummary?.(`## post-merge-smoke: ERROR\n\n${escapeHtml(result.message)}\n`);
    result.reporting.summary = c.sinks.appendSummary ? 'written' : 'skipped: no job summary';
  } catch {
    result.reporting.summary = 'failed: summary unavailable';
  }
  setEachOutput(c.sinks, resultOutputs(settings.mode, result, { resultPath: written ? resultPath : null }));
}
