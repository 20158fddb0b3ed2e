// The CLI's audit trail: one JSON line per run in <repo>/.post-merge-smoke/audit.jsonl, redacted like every
// other thing a run writes.
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SmokeResult } from '../contracts.js';
import type { Command } from '../modes/index.js';
import type { RunFacts } from '../pipeline/index.js';
import type { Publication } from '../report/index.js';
import type { Redactor } from '../sinks/index.js';

export const AUDIT_DIR = '.post-merge-smoke';
export const AUDIT_FILE = 'audit.jsonl';

export interface AuditEntry {
  at: string;
  command: 'run' | 'replay';
  applied: boolean;
  merge_commit: string | null;
  status: SmokeResult['status'] | 'PLAN';
  reason: string | null;
  task_id: string | null;
  pr_number: number | null;
  smoke_command: string | null;
  command_source: string | null;
  exit_code: number | null;
  duration_ms: number | null;
  result_path: string | null;
}

/** Appends one line; creates the folder with a .gitignore so the trail never shows up in `git status`. */
export async function appendAudit(repo: string, entry: AuditEntry, redactor: Redactor): Promise<string> {
  const dir = join(repo, AUDIT_DIR);
  await mkdir(dir, { recursive: true });
  const ignore = join(dir, '.gitignore');
  if (!existsSync(ignore)) await writeFile(ignore, '*\n');
  const path = join(dir, AUDIT_FILE);
  await appendFile(path, JSON.stringify(redactor.redactDeep(entry)) + '\n');
  return path;
}

export function auditEntry(
  what: { plan: Command; facts: RunFacts } | { publication: Publication },
  applied: boolean,
): AuditEntry {
  const at = new Date().toISOString();
  if ('plan' in what) {
    const { plan, facts } = what;
    return {
      at,
      command: 'run',
      applied,
      merge_commit: facts.mergeCommit,
      status: 'PLAN',
      reason: null,
      task_id: facts.taskId,
      pr_number: facts.prNumber,
      smoke_command: plan.command,
      command_source: plan.source,
      exit_code: null,
      duration_ms: null,
      result_path: null,
    };
  }
  const r = what.publication.result;
  return {
    at,
    command: 'run',
    applied,
    merge_commit: r.merge_commit,
    status: r.status,
    reason: r.reason,
    task_id: r.task_id,
    pr_number: r.pr_number,
    smoke_command: r.smoke_command,
    command_source: r.command_source,
    exit_code: r.exit_code,
    duration_ms: r.duration_ms,
    result_path: what.publication.resultPath,
  };
}
