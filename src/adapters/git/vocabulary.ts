// The git verbs the product speaks (cf. actions/checkout's IGitCommandManager): one interface, implemented
// by the git CLI (cli-repository.ts) and, for unit tests of stage logic, in memory. Verbs return domain
// values or a typed failure; callers never see git's arguments or parse its output.
import type { BranchName, RefName, RemoteName, RepoPath, Sha } from '../../domain/index.js';

/**
 * Why a verb could not answer. `failed`: git ran and said no (`message` is its fatal:/error: line);
 * `timeout`: the verb's deadline passed and git was killed; `aborted`: the caller's signal fired;
 * `unavailable`: git could not be started; `refused`: the verb would not pass that argument to git.
 */
export interface GitFailure {
  kind: 'failed' | 'timeout' | 'aborted' | 'unavailable' | 'refused';
  /** One line for a message, without a trailing period. Never contains credentials. */
  message: string;
}

export type GitAnswer<T> = { ok: true; value: T } | { ok: false; failure: GitFailure };

/** Every verb takes these: a caller's signal (a budget, a cancellation) and a deadline of its own. */
export interface GitCallOptions {
  signal?: AbortSignal;
  /** Overrides the verb's default deadline. */
  timeoutMs?: number;
}

/** A commit a short SHA could mean. */
export interface CommitCandidate {
  sha: Sha;
  /** `commit`, or `tag` for an annotated tag that points at one. */
  type: string;
  /** `2024-05-09 subject`, for a list a person reads. */
  summary: string;
}

export type CommitLookup =
  | { kind: 'found'; sha: Sha }
  | { kind: 'missing' }
  /** A short SHA that more than one commit starts with. */
  | {
      kind: 'ambiguous';
      candidates: CommitCandidate[];
      /** Objects with the prefix not examined. */ unlisted: number;
    }
  | { kind: 'failed'; failure: GitFailure };

export interface FetchCommitOptions extends GitCallOptions {
  /** Fallback when the remote refuses to serve a SHA directly: this branch (else the default refspecs). */
  branch?: BranchName | null;
  /**
   * Fetch the branch before asking for the SHA: a branch fetch brings the history between its tip and what
   * is here, so ancestry stays visible in a shallow clone.
   */
  branchFirst?: boolean;
}

export interface FetchCommitOutcome {
  /** The commit is in the local object store now. */
  present: boolean;
  /** At least one fetch got an answer from the remote (so "not present" means the remote lacks it). */
  remoteAnswered: boolean;
  /** The last fetch that failed, or null. */
  failure: GitFailure | null;
}

export type RefFetch =
  | { kind: 'fetched'; sha: Sha }
  /** The remote has no such ref. */
  | { kind: 'missing' }
  | { kind: 'failed'; failure: GitFailure };

export type TreeEntryKind = 'file' | 'symlink' | 'directory' | 'submodule';

export interface TreeEntry {
  path: RepoPath;
  kind: TreeEntryKind;
  /** Bytes, for files and symlinks; null otherwise. */
  size: number | null;
}

export type TreeFileRead =
  | { kind: 'file'; content: string }
  /** No entry with exactly that path. */
  | { kind: 'missing' }
  | { kind: 'not-a-file'; entry: Exclude<TreeEntryKind, 'file'> }
  /** `size` is null when the size was only found out while reading. */
  | { kind: 'too-large'; size: number | null; limit: number }
  | { kind: 'failed'; failure: GitFailure };

export interface LogEntry {
  sha: Sha;
  parents: Sha[];
  subject: string;
  authorName: string;
  authorEmail: string;
  /** ISO 8601. */
  authoredAt: string;
}

export interface FirstParentLogRange {
  /** The newest commit (included). */
  to: Sha;
  /** Stop before this commit and its ancestors (e.g. the last green commit); null: no lower end. */
  after: Sha | null;
  /** At most this many commits, newest first. */
  max: number;
}

export interface GitRepository {
  /** The working tree (or bare repository) the verbs act on. */
  readonly cwd: string;

  // --- the local repository
  /** The top of the working tree. */
  worktreeRoot(o?: GitCallOptions): Promise<GitAnswer<string>>;
  /** HEAD's commit; null in a repository without commits. A failure outside a repository. */
  head(o?: GitCallOptions): Promise<GitAnswer<Sha | null>>;
  /**
   * Files with changes, staged or not. Untracked files count only with `untracked: true` (a local run would
   * run them too; a checkout leaves them be).
   */
  dirtyFiles(o?: GitCallOptions & { untracked?: boolean }): Promise<GitAnswer<string[]>>;
  /** Paths under `dir` ('' for all) the working tree would commit: tracked and untracked, not ignored. */
  listWorktreeFiles(dir: string, o?: GitCallOptions): Promise<GitAnswer<string[]>>;
  /** The commit is in the local object store (false also when git could not tell). */
  hasCommit(sha: Sha, o?: GitCallOptions): Promise<boolean>;
  /** The clone is shallow (false also when git could not tell). */
  isShallow(o?: GitCallOptions): Promise<boolean>;
  /** A revision (SHA, short SHA, ref, `main~1`) → the commit it names, locally. */
  revParseCommit(rev: string, o?: GitCallOptions): Promise<CommitLookup>;
  /** `ancestor` is `descendant` or one of its ancestors. Fails when either is not here. */
  isAncestor(ancestor: Sha, descendant: Sha, o?: GitCallOptions): Promise<GitAnswer<boolean>>;
  /**
   * The remote's default branch: what `refs/remotes/<remote>/HEAD` points at (set by clone), else the only
   * one of main and master the remote has; null when neither says.
   */
  remoteDefaultBranch(remote: RemoteName, o?: GitCallOptions): Promise<GitAnswer<BranchName | null>>;
  /** The full message. */
  commitMessage(sha: Sha, o?: GitCallOptions): Promise<GitAnswer<string>>;
  /** Who wrote the commit object (GitHub itself, for a merge made on GitHub). */
  commitCommitter(sha: Sha, o?: GitCallOptions): Promise<GitAnswer<{ name: string; email: string }>>;
  /** Files changed by `sha` against its first parent (every file for a root commit). */
  changedFiles(sha: Sha, o?: GitCallOptions): Promise<GitAnswer<RepoPath[]>>;
  /** First-parent commits from `to` back to (not including) `after`, newest first. */
  firstParentLog(range: FirstParentLogRange, o?: GitCallOptions): Promise<GitAnswer<LogEntry[]>>;
  /** A file of the commit's tree (never the working copy); symlinks are not followed. */
  readTreeFile(
    commit: Sha,
    path: RepoPath,
    limits: { maxBytes: number },
    o?: GitCallOptions,
  ): Promise<TreeFileRead>;
  /** Every file, symlink and submodule under `dir` ('' for the whole tree) in the commit's tree. */
  listTreeFiles(commit: Sha, dir: string, o?: GitCallOptions): Promise<GitAnswer<TreeEntry[]>>;
  /** Detached checkout; refuses (git does) when local changes would be overwritten. */
  checkoutDetached(sha: Sha, o?: GitCallOptions): Promise<GitAnswer<void>>;

  // --- the remote (network verbs: these alone carry credentials)
  /** The branch's head on the remote; null when the remote has no such branch. */
  lsRemoteHead(remote: RemoteName, branch: BranchName, o?: GitCallOptions): Promise<GitAnswer<Sha | null>>;
  /** Brings `sha` into the local object store: by SHA, then by branch (or the other way round). */
  fetchCommit(remote: RemoteName, sha: Sha, o?: FetchCommitOptions): Promise<FetchCommitOutcome>;
  /** Fetches a ref by name (`release/1.x`, `refs/tags/v1`) and returns the commit it points at. */
  fetchRef(remote: RemoteName, ref: RefName, o?: GitCallOptions): Promise<RefFetch>;
  /** Completes a shallow clone's history (with the branch). */
  unshallow(remote: RemoteName, branch: BranchName, o?: GitCallOptions): Promise<GitAnswer<void>>;
}

/** Credentials for the network verbs only, passed in that one git process's environment. */
export interface GitAuth {
  /** A full header line, e.g. `AUTHORIZATION: basic …`. */
  extraHeader: string;
  /**
   * The server the header is for, e.g. `https://github.com` (GITHUB_SERVER_URL): git sends it only to URLs
   * under this one (`http.<url>.extraheader`), never to a remote elsewhere.
   */
  serverUrl: string;
}
