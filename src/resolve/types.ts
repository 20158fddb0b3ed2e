// Command resolution's interface (SPEC §6).
import type { CommandSource } from '../contracts.js';
import type { PullEditTimes, PullRequestInfo } from '../adapters/index.js';
import type { Pattern, ProfileName, RepoDir, RepoPath, TaskId } from '../domain/index.js';

/** Reads files from the merge commit's tree (never the working copy). */
export interface TreeReader {
  /** null when the path does not exist in the tree; throws TreeReadError when git fails. */
  read(path: string): Promise<string | null>;
}

export class TreeReadError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'TreeReadError';
  }
}

/** Run settings a registry profile / task file may carry; null where it says nothing. */
export interface CommandOptions {
  timeoutSeconds: number | null;
  shell: string | null;
  workingDirectory: RepoDir | null;
}

/** What settings parsed (typed: resolution does not check them again) and the merge's metadata. */
export interface ResolveInput {
  smokeCommand: string | null;
  profile: ProfileName | null;
  /** Already known to match `taskIdPattern`. */
  taskId: TaskId | null;
  taskIdPattern: Pattern;
  registryPath: RepoPath;
  /** Template containing `{task_id}`, or null when task files are off. */
  taskPath: string | null;
  prBodyCommand: boolean;
  commitMessage: string;
  pr: PullRequestInfo | null;
  /** Only called when something from the PR body is about to be used (a command, a Smoke-Profile line). */
  loadPrEditTimes: () => Promise<PullEditTimes>;
  tree: TreeReader;
  /**
   * The CLI's --task-file: this content stands in for the task file (`path` names it in messages), instead
   * of `taskPath` read from the tree. When no selector yields a task id, the file name may (a name such as
   * `task-2512.md` whose stem fully matches `taskIdPattern`).
   */
  taskFileOverride?: { path: string; content: string } | null;
}

/** What is known whatever the outcome: the selectors found on the way. */
export interface ResolveContext {
  taskId: TaskId | null;
  profile: ProfileName | null;
  /** Where each selector came from, e.g. "task id task-2512 from the PR title". For the log. */
  notes: string[];
}

export type ResolveOutcome =
  | ({
      kind: 'command';
      command: string;
      source: CommandSource;
      /** registry `defaults` merged under the profile / task-file options. */
      options: CommandOptions;
    } & ResolveContext)
  | ({ kind: 'none'; message: string } & ResolveContext)
  | ({
      kind: 'blocked';
      reason: 'unknown_profile' | 'untrusted_source' | 'invalid_config' | 'invalid_input';
      message: string;
    } & ResolveContext);
