// Reads trusted files from the merge commit's tree through the git verbs — never the working copy, which
// may hold uncommitted or checked-out-later content.
//
// Outcomes:
//   - no entry with exactly that path                          → null (a missing registry/task file is normal)
//   - a directory, a symlink or a submodule at that path      → ConfigError (BLOCKED invalid_config): the
//     input should name a regular file; a symlink is not followed, since its target is outside the reviewed
//     content the input points at (and may point outside the repository)
//   - bigger than `maxBytes`                                   → ConfigError "file too large"
//   - git fails (bad commit, broken repository, timeout)      → TreeReadError (ERROR git_failed)
//   - a path that is not a normalised repository path         → TreeReadError (callers validate first)
import type { GitRepository } from '../adapters/index.js';
import { parseRepoPath, parseSha, type RepoPath, type Sha } from '../domain/index.js';
import { ConfigError } from './config-error.js';
import { TreeReadError, type TreeReader } from './types.js';
import { DEFAULT_YAML_LIMITS } from './yaml-safe.js';

export interface GitTreeReaderOptions {
  /** Largest file read (default: the YAML size limit, 256 KiB). */
  maxBytes?: number;
  /** Per git call (default: the verbs' own deadline). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

const ENTRY_NAMES = {
  symlink: 'a symbolic link',
  directory: 'a directory',
  submodule: 'a submodule',
} as const;

export class GitTreeReader implements TreeReader {
  private readonly maxBytes: number;
  readonly commit: Sha;

  constructor(
    private readonly git: GitRepository,
    /** The merge commit: a full SHA. */
    commit: string,
    private readonly options: GitTreeReaderOptions = {},
  ) {
    const sha = parseSha(commit);
    if (!sha.ok) throw new TreeReadError(`not a commit: '${commit}' ${sha.problem}`, '');
    this.commit = sha.value;
    this.maxBytes = options.maxBytes ?? DEFAULT_YAML_LIMITS.maxBytes;
  }

  async read(path: string): Promise<string | null> {
    const repoPath = normalPath(path);
    const { timeoutMs, signal } = this.options;
    const read = await this.git.readTreeFile(
      this.commit,
      repoPath,
      { maxBytes: this.maxBytes },
      { timeoutMs, signal },
    );
    const at = `in the merge commit ${this.commit.slice(0, 12)}`;
    switch (read.kind) {
      case 'file':
        return read.content;
      case 'missing':
        return null;
      case 'not-a-file':
        if (read.entry === 'symlink') {
          throw new ConfigError(path, null, `is a symbolic link ${at}; point the input at the file itself.`);
        }
        throw new ConfigError(path, null, `is ${ENTRY_NAMES[read.entry]} ${at}, not a file.`);
      case 'too-large':
        throw new ConfigError(
          path,
          null,
          read.size === null
            ? `file too large: more than ${read.limit} bytes.`
            : `file too large: ${read.size} bytes, the limit is ${read.limit}.`,
        );
      case 'failed':
        throw new TreeReadError(`cannot read '${path}' from ${this.commit}: ${read.failure.message}`, path);
    }
  }
}

/** The path as a repository path already in normal form; anything else is refused, not normalised. */
function normalPath(path: string): RepoPath {
  const parsed = parseRepoPath(path);
  const problem = !parsed.ok
    ? parsed.problem
    : parsed.value !== path
      ? "is not in normal form ('.' or '//')"
      : null;
  if (problem || !parsed.ok)
    throw new TreeReadError(`refusing to read '${path}' from the tree: it ${problem}`, path);
  return parsed.value;
}
