// The CLI's audit trail: one JSON line per run in <repo>/.post-merge-smoke/audit.jsonl.
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SmokeResult } from '../contracts.js';

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
export async function appendAudit(repo: string, entry: AuditEntry): Promise<string> {
  const dir = join(repo, AUDIT_DIR);
  await mkdir(dir, { recursive: true });
  const ignore = join(dir, '.gitignore');
  if (!existsSync(ignore)) await writeFile(ignore, '*\n');
  const path = join(dir, AUDIT_FILE);
  await appendFile(path, JSON.stringify(entry) + '\n');
  return path;
}
