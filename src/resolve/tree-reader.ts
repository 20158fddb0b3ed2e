// Reads trusted files from the merge commit's tree through the git choke point — never the working copy,
// which may hold uncommitted or checked-out-later content.
//
//   git ls-tree -z -l --full-tree <commit> -- <path>   → does the exact path exist, what is it, how big
//   git cat-file blob <oid>                            → its content, with a byte cap
//
// Outcomes:
//   - no entry with exactly that path                          → null (a missing registry/task file is normal)
//   - a directory, a symlink or a submodule at that path      → ConfigError (BLOCKED invalid_config): the
//     input should name a regular file; a symlink is not followed, since its target is outside the reviewed
//     content the input points at (and may point outside the repository)
//   - bigger than `maxBytes`                                   → ConfigError "file too large"
//   - git fails (bad commit, broken repository, timeout)      → TreeReadError (ERROR git_failed)
//   - a path that is not a normalised repository path         → TreeReadError (callers validate first)
import { gitFailure, type Git } from '../adapters/git.js';
import { ConfigError } from './config-error.js';
import { TreeReadError, type TreeReader } from './types.js';
import { DEFAULT_YAML_LIMITS } from './yaml-safe.js';

export interface GitTreeReaderOptions {
  /** Largest file read (default: the YAML size limit, 256 KiB). */
  maxBytes?: number;
  /** Per git call (default 60 s). */
  timeoutMs?: number;
}

export class GitTreeReader implements TreeReader {
  private readonly maxBytes: number;
  private readonly timeoutMs: number;

  constructor(
    private readonly git: Git,
    /** The merge commit (a SHA, or any commit-ish that does not start with '-'). */
    readonly commit: string,
    options: GitTreeReaderOptions = {},
  ) {
    if (commit === '' || commit.startsWith('-') || /\s/.test(commit)) {
      throw new TreeReadError(`not a commit: '${commit}'`, '');
    }
    this.maxBytes = options.maxBytes ?? DEFAULT_YAML_LIMITS.maxBytes;
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  async read(path: string): Promise<string | null> {
    const problem = pathProblem(path);
    if (problem) throw new TreeReadError(`refusing to read '${path}' from the tree: ${problem}`, path);

    const listing = await this.git.run(['ls-tree', '-z', '-l', '--full-tree', this.commit, '--', path], {
      timeoutMs: this.timeoutMs,
      maxOutputBytes: 1024 * 1024,
    });
    if (listing.exitCode !== 0) {
      throw new TreeReadError(
        `cannot list '${path}' in ${this.commit}: git ls-tree failed: ${gitFailure(listing)}`,
        path,
      );
    }
    const entry = listing.stdout
      .split('\0')
      .map(parseLsTreeLine)
      .find((e) => e !== null && e.path === path);
    if (!entry) return null;

    const at = `in the merge commit ${this.commit.slice(0, 12)}`;
    if (entry.mode === '120000') {
      throw new ConfigError(path, null, `is a symbolic link ${at}; point the input at the file itself.`);
    }
    if (entry.type === 'tree') throw new ConfigError(path, null, `is a directory ${at}, not a file.`);
    if (entry.type !== 'blob') throw new ConfigError(path, null, `is a ${entry.type} ${at}, not a file.`);
    if (entry.size !== null && entry.size > this.maxBytes) {
      throw new ConfigError(
        path,
        null,
        `file too large: ${entry.size} bytes, the limit is ${this.maxBytes}.`,
      );
    }

    const blob = await this.git.run(['cat-file', 'blob', entry.oid], {
      timeoutMs: this.timeoutMs,
      maxOutputBytes: this.maxBytes + 1,
    });
    if (blob.exitCode !== 0) {
      throw new TreeReadError(`cannot read '${path}' from ${this.commit}: ${gitFailure(blob)}`, path);
    }
    if (blob.truncated || Buffer.byteLength(blob.stdout, 'utf8') > this.maxBytes) {
      throw new ConfigError(path, null, `file too large: more than ${this.maxBytes} bytes.`);
    }
    return blob.stdout;
  }
}

interface LsTreeEntry {
  mode: string;
  type: string;
  oid: string;
  size: number | null;
  path: string;
}

/** `<mode> SP <type> SP <oid> SP+ <size|-> TAB <path>` */
function parseLsTreeLine(line: string): LsTreeEntry | null {
  const m = /^(\d{6}) (\w+) ([0-9a-f]+) +(\d+|-)\t([\s\S]*)$/.exec(line);
  if (!m) return null;
  return { mode: m[1]!, type: m[2]!, oid: m[3]!, size: m[4] === '-' ? null : Number(m[4]), path: m[5]! };
}

/** Why `path` is not a normalised repository-relative file path, or null. */
function pathProblem(path: string): string | null {
  if (path === '' || path.includes('\0')) return 'empty or contains NUL';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'absolute';
  if (path.includes('\\')) return 'contains a backslash';
  const segments = path.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..'))
    return "not normalised (empty, '.' or '..' segment)";
  return null;
}
