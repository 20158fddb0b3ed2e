// The git verbs on the git CLI, every one through the one transport with its deadline. Network verbs alone
// carry the credentials, in that one process's environment (GIT_CONFIG_*), never in .git/config.
import {
  parseBranchName,
  parseSha,
  type BranchName,
  type RefName,
  type RemoteName,
  type RepoPath,
  type Sha,
} from '../../domain/index.js';
import { revParseCommit } from './lookup.js';
import { failureOf, LOG_FORMAT, parseLog, parsePathList, parseStatusPaths, shaOfRef } from './output.js';
import { GitProcessTransport, type GitRunOptions, type GitTransport } from './transport.js';
import { listTreeFiles, readTreeFile } from './tree.js';
import type {
  CommitLookup,
  FetchCommitOptions,
  FetchCommitOutcome,
  FirstParentLogRange,
  GitAnswer,
  GitAuth,
  GitCallOptions,
  GitFailure,
  GitRepository,
  LogEntry,
  RefFetch,
  TreeEntry,
  TreeFileRead,
} from './vocabulary.js';

/**
 * Default deadline per kind of call. Local plumbing is quick even in big repositories; the working tree
 * scales with the checkout; network calls stay well inside the freshness gate's budget, which cuts them
 * shorter still through its signal.
 */
export const GIT_DEADLINES_MS = {
  plumbing: 15_000,
  worktree: 120_000,
  lsRemote: 15_000,
  fetch: 30_000,
} as const;
export type GitDeadlineKind = keyof typeof GIT_DEADLINES_MS;

export interface CliGitRepositoryOptions {
  env?: NodeJS.ProcessEnv;
  gitPath?: string;
  /** Credentials for ls-remote and fetch only; null: none. */
  auth?: GitAuth | null;
  /** Other default deadlines for some kinds of call (tests, benchmarks). */
  deadlinesMs?: Partial<Record<GitDeadlineKind, number>>;
  /** Another transport (tests). */
  transport?: GitTransport;
}

const ok = <T>(value: T): GitAnswer<T> => ({ ok: true, value });
const fail = <T>(failure: GitFailure): GitAnswer<T> => ({ ok: false, failure });
/** The remote answered, and said it does not have that ref. */
const NO_SUCH_REMOTE_REF = /couldn't find remote ref|invalid refspec|not our ref/i;

export class CliGitRepository implements GitRepository {
  protected readonly transport: GitTransport;
  private readonly networkEnv: Readonly<Record<string, string>>;
  private readonly deadlinesMs: Record<GitDeadlineKind, number>;

  constructor(
    readonly cwd: string,
    options: CliGitRepositoryOptions = {},
  ) {
    const env = options.env ?? process.env;
    this.transport = options.transport ?? new GitProcessTransport(cwd, { env, gitPath: options.gitPath });
    this.networkEnv = authEnv(env, options.auth ?? null);
    this.deadlinesMs = { ...GIT_DEADLINES_MS, ...options.deadlinesMs };
  }

  private call(
    args: readonly string[],
    deadline: GitDeadlineKind,
    o: GitCallOptions = {},
    extra: GitRunOptions = {},
  ) {
    return this.transport.run(args, {
      ...extra,
      timeoutMs: o.timeoutMs ?? this.deadlinesMs[deadline],
      signal: o.signal,
    });
  }

  private network(args: readonly string[], deadline: GitDeadlineKind, o: GitCallOptions = {}) {
    return this.call(args, deadline, o, { env: this.networkEnv });
  }

  private plumbing = (args: readonly string[], o: GitCallOptions, extra?: GitRunOptions) =>
    this.call(args, 'plumbing', o, extra);

  async worktreeRoot(o?: GitCallOptions): Promise<GitAnswer<string>> {
    const r = await this.call(['rev-parse', '--show-toplevel'], 'plumbing', o);
    return r.exitCode === 0 ? ok(r.stdout.trim()) : fail(failureOf(r, 'git rev-parse --show-toplevel'));
  }

  async head(o?: GitCallOptions): Promise<GitAnswer<Sha | null>> {
    const r = await this.call(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], 'plumbing', o);
    const sha = parseSha(r.stdout.trim());
    if (r.exitCode === 0 && sha.ok) return ok(sha.value);
    if (r.exitCode !== 1) return fail(failureOf(r, 'git rev-parse HEAD'));
    // No HEAD commit: a repository without commits yet, or no repository at all.
    const repo = await this.call(['rev-parse', '--git-dir'], 'plumbing', o);
    return repo.exitCode === 0 ? ok(null) : fail(failureOf(repo, 'git rev-parse --git-dir'));
  }

  async dirtyFiles(o?: GitCallOptions & { untracked?: boolean }): Promise<GitAnswer<string[]>> {
    const untracked = o?.untracked ? 'normal' : 'no';
    const r = await this.call(
      ['status', '--porcelain=v1', '-z', `--untracked-files=${untracked}`],
      'worktree',
      o,
    );
    return r.exitCode === 0 ? ok(parseStatusPaths(r.stdout)) : fail(failureOf(r, 'git status'));
  }

  async listWorktreeFiles(dir: string, o?: GitCallOptions): Promise<GitAnswer<string[]>> {
    const args = [
      'ls-files',
      '-z',
      '--cached',
      '--others',
      '--exclude-standard',
      '--',
      ...(dir ? [dir] : []),
    ];
    const r = await this.call(args, 'worktree', o);
    if (r.exitCode !== 0) return fail(failureOf(r, `git ls-files ${dir || '.'}`));
    return ok([...new Set(r.stdout.split('\0').filter(Boolean))].sort());
  }

  async hasCommit(sha: Sha, o?: GitCallOptions): Promise<boolean> {
    return (await this.call(['cat-file', '-e', `${sha}^{commit}`], 'plumbing', o)).exitCode === 0;
  }

  async isShallow(o?: GitCallOptions): Promise<boolean> {
    const r = await this.call(['rev-parse', '--is-shallow-repository'], 'plumbing', o);
    return r.exitCode === 0 && r.stdout.trim() === 'true';
  }

  revParseCommit(rev: string, o: GitCallOptions = {}): Promise<CommitLookup> {
    return revParseCommit(this.plumbing, rev, o);
  }

  async isAncestor(ancestor: Sha, descendant: Sha, o?: GitCallOptions): Promise<GitAnswer<boolean>> {
    const r = await this.call(['merge-base', '--is-ancestor', ancestor, descendant], 'plumbing', o);
    if (r.exitCode === 0 || r.exitCode === 1) return ok(r.exitCode === 0);
    return fail(failureOf(r, `git merge-base --is-ancestor ${ancestor} ${descendant}`));
  }

  async remoteDefaultBranch(remote: RemoteName, o?: GitCallOptions): Promise<GitAnswer<BranchName | null>> {
    const prefix = `refs/remotes/${remote}/`;
    const r = await this.call(['symbolic-ref', '--quiet', `${prefix}HEAD`], 'plumbing', o);
    if (r.exitCode !== 0 && r.exitCode !== 1) return fail(failureOf(r, `git symbolic-ref ${prefix}HEAD`));
    if (r.exitCode === 0) {
      const branch = parseBranchName(r.stdout.trim().replace(prefix, ''));
      return ok(branch.ok ? branch.value : null);
    }
    // No HEAD recorded for the remote (not a clone): the only one of main and master it has.
    const refs = await this.call(
      ['for-each-ref', '--format=%(refname)', `${prefix}main`, `${prefix}master`],
      'plumbing',
      o,
    );
    const found = refs.stdout.split('\n').filter(Boolean);
    if (refs.exitCode !== 0 || found.length !== 1) return ok(null);
    const branch = parseBranchName(found[0]!.slice(prefix.length));
    return ok(branch.ok ? branch.value : null);
  }

  async commitMessage(sha: Sha, o?: GitCallOptions): Promise<GitAnswer<string>> {
    const r = await this.call(['log', '-1', '--format=%B', sha, '--'], 'plumbing', o);
    return r.exitCode === 0 ? ok(r.stdout) : fail(failureOf(r, `git log ${sha}`));
  }

  async commitCommitter(sha: Sha, o?: GitCallOptions): Promise<GitAnswer<{ name: string; email: string }>> {
    const r = await this.call(['log', '-1', '--format=%cn%x00%ce', sha, '--'], 'plumbing', o);
    if (r.exitCode !== 0) return fail(failureOf(r, `git log ${sha}`));
    const [name = '', email = ''] = r.stdout.trim().split('\0');
    return ok({ name, email });
  }

  async changedFiles(sha: Sha, o?: GitCallOptions): Promise<GitAnswer<RepoPath[]>> {
    const parents = await this.call(['show', '-s', '--format=%P', sha, '--'], 'plumbing', o);
    if (parents.exitCode !== 0) return fail(failureOf(parents, `git show ${sha}`));
    const first = parents.stdout.trim().split(' ')[0] ?? '';
    const against = first === '' ? ['--root', sha] : [first, sha];
    const diff = ['diff-tree', '-r', '-z', '--name-only', '--no-commit-id', '--no-renames', ...against];
    const r = await this.call(diff, 'plumbing', o);
    return r.exitCode === 0 ? ok(parsePathList(r.stdout)) : fail(failureOf(r, `git diff-tree ${sha}`));
  }

  async firstParentLog(range: FirstParentLogRange, o?: GitCallOptions): Promise<GitAnswer<LogEntry[]>> {
    const below = range.after === null ? [] : [`^${range.after}`];
    const args = [
      'log',
      '--first-parent',
      '-z',
      LOG_FORMAT,
      `--max-count=${range.max}`,
      range.to,
      ...below,
      '--',
    ];
    const r = await this.call(args, 'plumbing', o);
    return r.exitCode === 0 ? ok(parseLog(r.stdout)) : fail(failureOf(r, `git log ${range.to}`));
  }

  readTreeFile(
    commit: Sha,
    path: RepoPath,
    limits: { maxBytes: number },
    o: GitCallOptions = {},
  ): Promise<TreeFileRead> {
    return readTreeFile(this.plumbing, commit, path, limits.maxBytes, o);
  }

  listTreeFiles(commit: Sha, dir: string, o: GitCallOptions = {}): Promise<GitAnswer<TreeEntry[]>> {
    return listTreeFiles(this.plumbing, commit, dir, o);
  }

  async checkoutDetached(sha: Sha, o?: GitCallOptions): Promise<GitAnswer<void>> {
    const r = await this.call(['checkout', '--detach', '--quiet', sha], 'worktree', o);
    return r.exitCode === 0 ? ok(undefined) : fail(failureOf(r, `git checkout ${sha}`));
  }

  async lsRemoteHead(
    remote: RemoteName,
    branch: BranchName,
    o?: GitCallOptions,
  ): Promise<GitAnswer<Sha | null>> {
    const ref = `refs/heads/${branch}`;
    const r = await this.network(['ls-remote', '--end-of-options', remote, ref], 'lsRemote', o);
    return r.exitCode === 0
      ? ok(shaOfRef(r.stdout, ref))
      : fail(failureOf(r, `git ls-remote ${remote} ${ref}`));
  }

  async fetchCommit(remote: RemoteName, sha: Sha, o: FetchCommitOptions = {}): Promise<FetchCommitOutcome> {
    const shallow = await this.isShallow(o);
    // In a shallow clone, only that one commit: the clone stays shallow.
    const bySha = [...(shallow ? ['--depth=1'] : []), '--end-of-options', remote, sha];
    const byBranch = ['--end-of-options', remote, ...(o.branch ? [`refs/heads/${o.branch}`] : [])];
    let remoteAnswered = false;
    let failure: GitFailure | null = null;
    for (const args of o.branchFirst ? [byBranch, bySha] : [bySha, byBranch]) {
      const r = await this.network(['fetch', '--no-tags', '--quiet', ...args], 'fetch', o);
      if (r.exitCode === 0) remoteAnswered = true;
      else failure = failureOf(r, `git fetch ${remote}`);
      if (await this.hasCommit(sha, o)) return { present: true, remoteAnswered, failure };
      // A remote that did not answer in time will not answer the second fetch either.
      if (failure && failure.kind !== 'failed') break;
    }
    return { present: false, remoteAnswered, failure };
  }

  async fetchRef(remote: RemoteName, ref: RefName, o?: GitCallOptions): Promise<RefFetch> {
    const r = await this.network(
      ['fetch', '--no-tags', '--quiet', '--end-of-options', remote, ref],
      'fetch',
      o,
    );
    if (r.exitCode !== 0) {
      if (r.spawnError === null && !r.timedOut && !r.aborted && NO_SUCH_REMOTE_REF.test(r.stderr)) {
        return { kind: 'missing' };
      }
      return { kind: 'failed', failure: failureOf(r, `git fetch ${remote} ${ref}`) };
    }
    const fetched = await this.revParseCommit('FETCH_HEAD', o);
    if (fetched.kind === 'found') return { kind: 'fetched', sha: fetched.sha };
    return fetched.kind === 'failed' ? fetched : { kind: 'missing' };
  }

  async unshallow(remote: RemoteName, branch: BranchName, o?: GitCallOptions): Promise<GitAnswer<void>> {
    const args = [
      'fetch',
      '--no-tags',
      '--quiet',
      '--unshallow',
      '--end-of-options',
      remote,
      `refs/heads/${branch}`,
    ];
    const r = await this.network(args, 'fetch', o);
    return r.exitCode === 0 ? ok(undefined) : fail(failureOf(r, `git fetch --unshallow ${remote}`));
  }
}

/**
 * `http.<server>/.extraheader` for this one process, appended after any GIT_CONFIG_* entries already in the
 * environment (the runner's own stay in force). Scoped to the server as actions/checkout scopes it: a remote
 * elsewhere (a mirror, a submodule's host) never sees the token.
 */
export function authEnv(base: NodeJS.ProcessEnv, auth: GitAuth | null): Readonly<Record<string, string>> {
  if (auth === null) return {};
  if (/[\r\n]/.test(auth.extraHeader)) throw new TypeError('the git auth header must be a single line');
  const server = new URL(auth.serverUrl);
  if (!/^https?:$/.test(server.protocol)) throw new TypeError(`not an http(s) server URL: ${auth.serverUrl}`);
  const existing = Number.parseInt(base.GIT_CONFIG_COUNT ?? '', 10);
  const n = Number.isSafeInteger(existing) && existing > 0 ? existing : 0;
  return {
    GIT_CONFIG_COUNT: String(n + 1),
    [`GIT_CONFIG_KEY_${n}`]: `http.${server.origin}/.extraheader`,
    [`GIT_CONFIG_VALUE_${n}`]: auth.extraHeader,
  };
}
