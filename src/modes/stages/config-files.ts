// The configuration a commit (or the working tree) carries: the registry and the task files the `task-path`
// template reaches, read for `validate`. Reading never runs anything and never follows a symbolic link.
//
// Which task files: every file whose path the template gives for some task id (`memory/tasks/{task_id}.md`
// → `memory/tasks/<id>.md`, the id without '/'). A file whose id a run can select (a valid task id that
// fully matches task-id-pattern) is checked; any other file (`README.md` beside the tasks) is checked only
// when it tries to define a smoke — then no run would ever read that definition, and that is the mistake.
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GitAnswer, GitRepository } from '../../adapters/index.js';
import { parseTaskId, type Pattern, type Sha } from '../../domain/index.js';
import { next, stage, stop, warning, type Note, type Stage } from '../../pipeline/index.js';
import {
  ConfigError,
  GitTreeReader,
  TreeReadError,
  type ConfigProblem,
  checkTaskFile,
  DEFAULT_YAML_LIMITS,
} from '../../resolve/index.js';
import type { Settings } from '../../settings/index.js';

/** A git call that failed (not a "no" answer): the files could not be listed. */
export class GitVerbError extends Error {
  override name = 'GitVerbError';
}

function paths<T>(answer: GitAnswer<T[]>, path: (item: T) => string): string[] {
  if (!answer.ok) throw new GitVerbError(answer.failure.message);
  return answer.value.map(path);
}

/** Where configuration files are read from: a commit's tree or the working tree. */
export interface ConfigTree {
  /** For messages: "commit 1a2b3c4d5e6f" or "the working tree". */
  readonly where: string;
  /** The commit read; null for the working tree. */
  readonly commit: Sha | null;
  /** The file's text; null when there is none; ConfigError when it is not a regular file or too large. */
  read(path: string): Promise<string | null>;
  /** Repository paths of the files under `dir` ('' for all). */
  list(dir: string): Promise<string[]>;
}

const MAX_FILE_BYTES = DEFAULT_YAML_LIMITS.maxBytes;
/** Task files read at most; a folder with more is checked in part, with a warning. */
const MAX_TASK_FILES = 5000;
/** Files read at once. */
const READ_CONCURRENCY = 8;

export function commitTree(git: GitRepository, commit: Sha): ConfigTree {
  const reader = new GitTreeReader(git, commit, { maxBytes: MAX_FILE_BYTES });
  return {
    where: `commit ${commit.slice(0, 12)}`,
    commit,
    read: (path) => reader.read(path),
    list: async (dir) => paths(await git.listTreeFiles(commit, dir), (e) => e.path),
  };
}

/** The files on disk under the repository root `git.cwd`, uncommitted edits included. */
export function worktreeTree(git: GitRepository): ConfigTree {
  return {
    where: 'the working tree',
    commit: null,
    read: (path) => readWorktreeFile(git.cwd, path),
    list: async (dir) => paths(await git.listWorktreeFiles(dir), (p) => p),
  };
}

async function readWorktreeFile(root: string, path: string): Promise<string | null> {
  const file = join(root, path);
  let info;
  try {
    info = await lstat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw e;
  }
  if (info.isSymbolicLink()) {
    throw new ConfigError(path, null, 'is a symbolic link; point the input at the file itself.');
  }
  if (info.isDirectory()) throw new ConfigError(path, null, 'is a directory, not a file.');
  if (!info.isFile()) throw new ConfigError(path, null, 'is not a regular file.');
  if (info.size > MAX_FILE_BYTES) {
    throw new ConfigError(path, null, `file too large: ${info.size} bytes, the limit is ${MAX_FILE_BYTES}.`);
  }
  return readFile(file, 'utf8');
}

export interface ConfigFiles {
  where: string;
  commit: Sha | null;
  registry: { path: string; text: string | null };
  taskFiles: { path: string; text: string }[];
  /** Files of the template's shape that no run reads and that define no smoke: not checked. */
  ignored: string[];
  /** Files that exist but cannot be read as configuration (a directory, a link, too large). */
  problems: ConfigProblem[];
}

export function readConfigStage(settings: Settings, tree: ConfigTree): Stage<ConfigFiles> {
  return stage('read the configuration', async () => {
    try {
      const notes: Note[] = [];
      return next(await readConfig(settings, tree, notes), { notes });
    } catch (e) {
      if (!(e instanceof TreeReadError || e instanceof GitVerbError)) throw e;
      return stop('ERROR', 'git_failed', `Could not read the configuration of ${tree.where}: ${e.message}.`);
    }
  });
}

async function readConfig(s: Settings, tree: ConfigTree, notes: Note[]): Promise<ConfigFiles> {
  const problems: ConfigProblem[] = [];
  const readOne = async (path: string): Promise<string | null> => {
    try {
      return await tree.read(path);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      problems.push({ file: e.file, line: e.line, column: e.column, message: e.detail });
      return null;
    }
  };
  const registry = { path: s.registryPath as string, text: await readOne(s.registryPath) };
  const files: ConfigFiles = {
    where: tree.where,
    commit: tree.commit,
    registry,
    taskFiles: [],
    ignored: [],
    problems,
  };
  if (s.taskPath === null) return files;
  let candidates = taskPathMatches(s.taskPath, await tree.list(templateDir(s.taskPath)));
  if (candidates.length > MAX_TASK_FILES) {
    notes.push(
      warning(`${candidates.length} files match task-path; only the first ${MAX_TASK_FILES} were checked.`),
    );
    candidates = candidates.slice(0, MAX_TASK_FILES);
  }
  for (let i = 0; i < candidates.length; i += READ_CONCURRENCY) {
    const batch = candidates.slice(i, i + READ_CONCURRENCY);
    const texts = await Promise.all(batch.map((c) => readOne(c.path)));
    batch.forEach(({ path, id }, j) => {
      const text = texts[j];
      if (text === null || text === undefined) return;
      if (runsCanRead(id, s.taskIdPattern) || triesToDefineSmoke(text, path))
        files.taskFiles.push({ path, text });
      else files.ignored.push(path);
    });
  }
  return files;
}

/** The folder every path the template gives lies in: up to the last '/' before the first {task_id}. */
export function templateDir(template: string): string {
  const before = template.slice(0, template.indexOf('{task_id}'));
  return before.slice(0, before.lastIndexOf('/') + 1).replace(/\/$/, '');
}

/** Each path the template gives for some id (one path segment, the same wherever {task_id} appears). */
export function taskPathMatches(template: string, paths: readonly string[]): { path: string; id: string }[] {
  const parts = template.split('{task_id}').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const shape = new RegExp(`^${parts[0]}([^/]+)${parts.slice(1).join('\\1')}$`);
  return paths.flatMap((path) => {
    const id = shape.exec(path)?.[1];
    return id === undefined ? [] : [{ path, id }];
  });
}

const runsCanRead = (id: string, pattern: Pattern): boolean => parseTaskId(id).ok && pattern.fullMatch(id);

function triesToDefineSmoke(text: string, path: string): boolean {
  const checked = checkTaskFile(text, path);
  return checked.specs.length > 0 || checked.problems.length > 0;
}
