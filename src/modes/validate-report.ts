// What `mode: validate` publishes besides annotations: the job summary (the problems as a table, escaped
// like every summary: file contents are untrusted) and the outputs of a mode without a SmokeResult.
import type { SmokeStatus } from '../contracts.js';
import type { ScriptEnd } from '../pipeline/index.js';
import { escapeInline, inlineCode, STATUS_EMOJI } from '../report/index.js';
import type { ModeOutcome } from './index.js';
import type { Validation } from './validate.js';

/** Rows shown in the summary; the page must stay far below the runner's 1 MiB. */
const MAX_ROWS = 500;

export function validationSummary(
  end: ScriptEnd<Validation>,
  outcome: Pick<ModeOutcome, 'status' | 'reason' | 'message'>,
): string {
  const emoji = STATUS_EMOJI[outcome.status as SmokeStatus] ?? '';
  const head = `### ${emoji} post-merge-smoke validate: ${outcome.status} (${outcome.reason})\n\n`;
  if (end.kind === 'stopped') return `${head}${escapeInline(outcome.message)}\n`;
  const { problems, summary } = end.value;
  const out = [`${head}${escapeInline(summary)}\n`];
  if (problems.length > 0) {
    out.push('| file | line | problem |', '|---|---|---|');
    for (const p of problems.slice(0, MAX_ROWS)) {
      const text = p.hint ? `${p.message} ${p.hint}` : p.message;
      out.push(`| ${inlineCode(p.file)} | ${p.line ?? ''} | ${escapeInline(text)} |`);
    }
    if (problems.length > MAX_ROWS)
      out.push('', `… and ${problems.length - MAX_ROWS} more (see the annotations).`);
    out.push('');
  }
  return out.join('\n') + '\n';
}
