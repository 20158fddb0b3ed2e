// What every stage of every mode may use: the settings, the runner's context, and the effects behind small
// interfaces (git, the GitHub API, the sinks). Built once by an entry point (the action, the CLI, a replay).
import type { Git } from '../adapters/git.js';
import type { GitHubApi } from '../adapters/github.js';
import type { RetryPolicy } from '../freshness/index.js';
import type { RunnerContext, Settings } from '../settings/index.js';
import type { Sinks } from '../sinks/index.js';

export interface LocalWorkspace {
  dirtyFiles: readonly string[];
  allowDirty: boolean;
}

export interface ModeContext {
  settings: Settings;
  runner: RunnerContext;
  git: Git;
  /** null: no token or no repository (local use). */
  api: GitHubApi | null;
  sinks: Sinks;
  /** Result file, packet, logs. */
  outDir: string;
  /** The environment the smoke command inherits (scrubbed before use). */
  env: NodeJS.ProcessEnv;
  /** Secret values to keep away from the smoke command besides the secret variables (the token input). */
  secrets: string[];
  retry: RetryPolicy;
  /** false: stop before running anything and report the plan (the CLI without --apply). */
  apply: boolean;
  /**
   * May the workspace be checked out at the merge commit when HEAD differs (SPEC §5)? The action: yes.
   * The CLI: no — it never moves a developer's checkout; it reports the mismatch instead.
   */
  checkoutWorkspace: boolean;
  /**
   * The CLI's working tree (with checkoutWorkspace false): its uncommitted files, read before the run, and
   * whether --apply may run on them. Absent for the action, which never runs on local changes.
   */
  local?: LocalWorkspace;
  /** The CLI's --task-file: read from disk instead of the tree. */
  taskFileOverride: { path: string; content: string } | null;
  now: () => Date;
}
