// What the CLI keeps in the repository, all under <repo>/.post-merge-smoke (ignored by its own .gitignore,
// so it never shows up in `git status` nor counts as an uncommitted change): the audit trail, one JSON line
// per run in audit.jsonl, redacted like everything a run writes; and the run folders of --apply (result,
// packet, logs), of which the last KEEP_RUNS are kept.
import { appendFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SmokeResult } from '../contracts.js';
import type { Command } from '../modes/index.js';
import type { RunFacts } from '../pipeline/index.js';
import type { Redactor } from '../sinks/index.js';

export const STATE_DIR = '.post-merge-smoke';
export const AUDIT_FILE = 'audit.jsonl';
export const RUNS_DIR = 'runs';
/** Run folders kept; older ones are removed after each --apply. */
export const KEEP_RUNS = 20;

export interface AuditEntry {
  at: string;
  command: 'run';
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
  /** Uncommitted files the run saw (a plan), or ran on (--apply --allow-dirty). */
  dirty_files: string[];
}

/** <repo>/.post-merge-smoke, created with a .gitignore that ignores everything in it. */
export async function ensureStateDir(repo: string): Promise<string> {
  const dir = join(repo, STATE_DIR);
  await mkdir(dir, { recursive: true });
  const ignore = join(dir, '.gitignore');
  if (!existsSync(ignore)) await writeFile(ignore, '*\n');
  return dir;
}

/** Removes the state folder again when it holds nothing but its .gitignore (a run that wrote nothing). */
export async function removeStateDirIfUnused(repo: string): Promise<void> {
  const dir = join(repo, STATE_DIR);
  if (!existsSync(dir)) return;
  const names = await readdir(dir);
  if (names.every((n) => n === '.gitignore')) await rm(dir, { recursive: true, force: true });
}

/** A new run folder's path (not created): <repo>/.post-merge-smoke/runs/<UTC time>. */
export function runFolder(repo: string, now: Date): string {
  return join(repo, STATE_DIR, RUNS_DIR, now.toISOString().replace(/[:.]/g, '-'));
}

const RUN_FOLDER_NAME = /^\d{4}-\d{2}-\d{2}T[\d-]+Z$/;

/** Removes all but the newest `keep` run folders (names are times, so they sort); returns those removed. */
export async function pruneRuns(repo: string, keep = KEEP_RUNS): Promise<string[]> {
  const dir = join(repo, STATE_DIR, RUNS_DIR);
  const names = existsSync(dir) ? (await readdir(dir)).filter((n) => RUN_FOLDER_NAME.test(n)).sort() : [];
  const old = names.slice(0, Math.max(0, names.length - keep)).map((n) => join(dir, n));
  for (const path of old) await rm(path, { recursive: true, force: true });
  return old;
}

export async function appendAudit(repo: string, entry: AuditEntry, redactor: Redactor): Promise<string> {
  const path = join(await ensureStateDir(repo), AUDIT_FILE);
  await appendFile(path, JSON.stringify(redactor.redactDeep(entry)) + '\n');
  return path;
}

export type Audited = { plan: Command; facts: RunFacts } | { result: SmokeResult; resultPath: string | null };

export function auditEntry(what: Audited, applied: boolean, dirtyFiles: readonly string[]): AuditEntry {
  const common = {
    at: new Date().toISOString(),
    command: 'run' as const,
    applied,
    dirty_files: [...dirtyFiles],
  };
  if ('plan' in what) {
    const { plan, facts } = what;
    return {
      ...common,
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
  const r = what.result;
  return {
    ...common,
    merge_commit: r.merge_commit,
    status: r.status,
    reason: r.reason,
    task_id: r.task_id,
    pr_number: r.pr_number,
    smoke_command: r.smoke_command,
    command_source: r.command_source,
    exit_code: r.exit_code,
    duration_ms: r.duration_ms,
    result_path: what.resultPath,
  };
}
