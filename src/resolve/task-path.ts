// The task file path: `task-path` with `{task_id}` substituted, normalised with POSIX rules, and refused
// (BLOCKED invalid_input, never read) when it could leave the repository: absolute paths, drive letters,
// backslashes, NUL, `..` escapes. The task id itself is checked again here (defence in depth: the selector
// code checks it too), so a task id like `../x` can never reach the tree reader.
import { posix } from 'node:path';

/** The characters a task id may have (SPEC §6). */
export const SAFE_TASK_ID = /^[A-Za-z0-9._+-]+$/;

/** Why `id` cannot be a task id, or null when it can. */
export function taskIdProblem(id: string): string | null {
  if (!SAFE_TASK_ID.test(id)) return "may only use letters, digits, '.', '_', '+' and '-'";
  if (id.startsWith('.')) return "must not start with '.'";
  return null;
}

export type TaskPathResult = { ok: true; path: string } | { ok: false; message: string };

export function buildTaskPath(template: string, taskId: string): TaskPathResult {
  const idProblem = taskIdProblem(taskId);
  if (idProblem) {
    return { ok: false, message: `Task id '${taskId}' ${idProblem}; the task file is not read.` };
  }
  if (!template.includes('{task_id}')) {
    return { ok: false, message: `Input 'task-path' ('${template}') has no {task_id} placeholder.` };
  }
  const raw = template.split('{task_id}').join(taskId);
  const refuse = (why: string): TaskPathResult => ({
    ok: false,
    message: `Task file path '${raw}' (from task-path '${template}') ${why}; the task file is not read.`,
  });
  if (raw.includes('\0')) return refuse('contains a NUL character');
  if (raw.includes('\\')) return refuse('contains a backslash');
  if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw)) return refuse('is absolute');
  if (raw.split('/').includes('..')) return refuse("contains '..'");
  const path = posix.normalize(raw).replace(/^(\.\/)+/, '');
  if (path === '.' || path === '' || path.endsWith('/')) return refuse('does not name a file');
  if (path === '..' || path.startsWith('../') || posix.isAbsolute(path)) {
    return refuse('leaves the repository');
  }
  return { ok: true, path };
}

/**
 * A repository-relative file path in normal form ('./a//b' → 'a/b'), or null when it is absolute, uses
 * backslashes or NUL, or leaves the repository.
 */
export function normaliseRepoPath(path: string): string | null {
  if (path === '' || path.includes('\0') || path.includes('\\')) return null;
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return null;
  const normal = posix.normalize(path).replace(/^(\.\/)+/, '');
  if (normal === '.' || normal === '' || normal.endsWith('/')) return null;
  if (normal === '..' || normal.startsWith('../')) return null;
  return normal;
}
