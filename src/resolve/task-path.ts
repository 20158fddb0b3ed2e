// The task file path: `task-path` with `{task_id}` substituted. The template and the task id are each
// valid on their own (settings checked the template, the selectors the id), but the path they make
// together is new: it is held to the domain's repository-path rule, so it cannot leave the repository
// (absolute paths, drive letters, backslashes, NUL, `..`) and is read in normal form.
import { parseRepoPath, type RepoPath, type TaskId } from '../domain/index.js';

export type TaskPathResult = { ok: true; path: RepoPath } | { ok: false; message: string };

export function buildTaskPath(template: string, taskId: TaskId): TaskPathResult {
  const raw = template.split('{task_id}').join(taskId);
  const path = parseRepoPath(raw);
  if (path.ok) return { ok: true, path: path.value };
  return {
    ok: false,
    message: `Task file path '${raw}' (task-path '${template}' with task id '${taskId}') ${path.problem}; the task file is not read.`,
  };
}
