// An in-memory git for unit tests of stage logic: the GitRepository verbs over commits (parents, files),
// local refs, remotes with their branches, HEAD, dirty files and a shallow boundary — and remotes that fail
// or never answer. It follows git's rules where the stages depend on them: ancestry stops at the shallow
// boundary, a fetch by SHA in a shallow clone brings one commit, a fetch by branch brings the history down to
// what is here, a commit must be here before its ancestry can be asked. Every verb call is recorded.
//
// Test code only: replays and the CLI's plan mode run against real repositories, where fidelity matters.
import { createHash } from 'node:crypto';
import {
  GIT_DEADLINES_MS,
  type CommitLookup,
  type FetchCommitOptions,
  type FetchCommitOutcome,
  type FirstParentLogRange,
  type GitAnswer,
  type GitCallOptions,
  type GitFailure,
  type GitRepository,
  type LogEntry,
  type RefFetch,
  type TreeEntry,
  type TreeFileRead,
} from '../../src/adapters/git.js';
import { GitHubApiError, type BranchRelation, type GitHubApi } from '../../src/adapters/github.js';
import type { BranchName, RefName, RemoteName, RepoPath, Sha } from '../../src/domain/index.js';

export type MemoryFile = string | { symlink: string } | { submodule: string };

export interface MemoryCommit {
  sha: Sha;
  parents: Sha[];
  message: string;
  files: Readonly<Record<string, MemoryFile>>;
  author: string;
}

let counter = 0;

/** A commit with a SHA made from its content and a counter: unique, stable within a test. */
export function makeCommit(parents: Sha[], message: string, files: Record<string, MemoryFile>): MemoryCommit {
  const hash = createHash('sha1').update(JSON.stringify([parents, message, files, counter++]));
  return { sha: hash.digest('hex') as Sha, parents, message, files, author: 'Ada <ada@example.com>' };
}

/** How a remote answers network verbs. */
export type RemoteBehaviour = 'answer' | 'fail' | 'hang';

/** A remote repository: its commits and branches. */
export class MemoryRemote {
  readonly commits = new Map<Sha, MemoryCommit>();
  readonly branches = new Map<string, Sha>();
  behaviour: RemoteBehaviour = 'answer';
  /** Requests that fail although the remote answers others (e.g. /^unshallow/). */
  failOn: RegExp | null = null;
  /** Network requests it received, named like the verbs: `lsRemoteHead main`, `fetchCommit <sha>`, … */
  readonly requests: string[] = [];

  /** A commit on top of `branch` (or of `parents`), which then points at it. */
  commit(branch: string, message: string, files: Record<string, MemoryFile> = {}, parents?: Sha[]): Sha {
    const tip = this.branches.get(branch);
    const base = tip ? this.commits.get(tip)!.files : {};
    const c = makeCommit(parents ?? (tip ? [tip] : []), message, { ...base, ...files });
    this.commits.set(c.sha, c);
    this.branches.set(branch, c.sha);
    return c.sha;
  }

  /** Points `branch` at `sha` (a force push when it is not a descendant). */
  forcePush(branch: string, sha: Sha): void {
    this.branches.set(branch, sha);
  }

  /** `sha` and all its ancestors. */
  history(sha: Sha): MemoryCommit[] {
    const seen = new Map<Sha, MemoryCommit>();
    const todo = [sha];
    while (todo.length > 0) {
      const c = this.commits.get(todo.pop()!);
      if (!c || seen.has(c.sha)) continue;
      seen.set(c.sha, c);
      todo.push(...c.parents);
    }
    return [...seen.values()];
  }
}

export interface MemoryCloneOptions {
  branch?: string;
  remoteName?: string;
  /** Like `git clone --depth=n`: only the newest n first-parent commits. */
  depth?: number;
}

const ok = <T>(value: T): GitAnswer<T> => ({ ok: true, value });
const failed = (message: string): GitFailure => ({ kind: 'failed', message });

export class MemoryGitRepository implements GitRepository {
  readonly cwd = '/memory/work';
  readonly commits = new Map<Sha, MemoryCommit>();
  /** Commits whose parents are cut off (a shallow clone's boundary). */
  readonly shallowRoots = new Set<Sha>();
  readonly remotes = new Map<string, MemoryRemote>();
  /** refs/heads/*, refs/tags/*, refs/remotes/<remote>/*, FETCH_HEAD — full names. */
  readonly refs = new Map<string, Sha>();
  /** `refs/remotes/<remote>/HEAD` targets. */
  readonly remoteHeads = new Map<string, string>();
  headSha: Sha | null = null;
  dirty: string[] = [];
  /** Every verb called, with its main argument: `lsRemoteHead main`, `unshallow`, … */
  readonly calls: string[] = [];

  static clone(remote: MemoryRemote, options: MemoryCloneOptions = {}): MemoryGitRepository {
    const repo = new MemoryGitRepository();
    const branch = options.branch ?? 'main';
    const name = options.remoteName ?? 'origin';
    const tip = remote.branches.get(branch);
    if (!tip) throw new Error(`the remote has no branch ${branch}`);
    repo.remotes.set(name, remote);
    repo.remoteHeads.set(name, branch);
    if (options.depth === undefined) repo.store(remote.history(tip));
    else repo.storeFirstParents(remote, tip, options.depth);
    repo.refs.set(`refs/heads/${branch}`, tip);
    repo.refs.set(`refs/remotes/${name}/${branch}`, tip);
    repo.headSha = tip;
    return repo;
  }

  /** Adds commits to the object store; a commit whose parents are missing becomes a shallow root. */
  store(commits: Iterable<MemoryCommit>, shallow = false): void {
    for (const c of commits) this.commits.set(c.sha, c);
    if (!shallow) return;
    for (const c of this.commits.values()) {
      if (c.parents.some((p) => !this.commits.has(p))) this.shallowRoots.add(c.sha);
    }
  }

  private storeFirstParents(remote: MemoryRemote, tip: Sha, depth: number): void {
    const chain: MemoryCommit[] = [];
    for (
      let sha: Sha | undefined = tip;
      sha && chain.length < depth;
      sha = remote.commits.get(sha)?.parents[0]
    ) {
      chain.push(remote.commits.get(sha)!);
    }
    this.store(chain, true);
  }

  private log(verb: string): void {
    this.calls.push(verb);
  }

  // --- the local repository

  async worktreeRoot(): Promise<GitAnswer<string>> {
    this.log('worktreeRoot');
    return ok(this.cwd);
  }

  async head(): Promise<GitAnswer<Sha | null>> {
    this.log('head');
    return ok(this.headSha);
  }

  async dirtyFiles(): Promise<GitAnswer<string[]>> {
    this.log('dirtyFiles');
    return ok([...this.dirty]);
  }

  async hasCommit(sha: Sha): Promise<boolean> {
    this.log(`hasCommit ${sha}`);
    return this.commits.has(sha);
  }

  async isShallow(): Promise<boolean> {
    this.log('isShallow');
    return this.shallowRoots.size > 0;
  }

  async revParseCommit(rev: string): Promise<CommitLookup> {
    this.log(`revParseCommit ${rev}`);
    if (rev === 'HEAD') return this.headSha ? { kind: 'found', sha: this.headSha } : { kind: 'missing' };
    const named =
      this.refs.get(rev) ?? this.refs.get(`refs/heads/${rev}`) ?? this.refs.get(`refs/tags/${rev}`);
    if (named) return { kind: 'found', sha: named };
    if (!/^[0-9a-f]{4,40}$/.test(rev)) return { kind: 'missing' };
    const matches = [...this.commits.keys()].filter((sha) => sha.startsWith(rev));
    if (matches.length === 1) return { kind: 'found', sha: matches[0]! };
    if (matches.length === 0) return { kind: 'missing' };
    const candidates = matches.map((sha) => ({ sha, type: 'commit', summary: this.subject(sha) }));
    return { kind: 'ambiguous', candidates, unlisted: 0 };
  }

  async isAncestor(ancestor: Sha, descendant: Sha): Promise<GitAnswer<boolean>> {
    this.log(`isAncestor ${ancestor} ${descendant}`);
    for (const sha of [ancestor, descendant]) {
      if (!this.commits.has(sha))
        return { ok: false, failure: failed(`fatal: Not a valid commit name ${sha}`) };
    }
    return ok(this.ancestors(descendant).has(ancestor));
  }

  /** `sha` and its ancestors here, not walking past the shallow boundary. */
  private ancestors(sha: Sha): Set<Sha> {
    const seen = new Set<Sha>();
    const todo = [sha];
    while (todo.length > 0) {
      const next = todo.pop()!;
      const c = this.commits.get(next);
      if (!c || seen.has(next)) continue;
      seen.add(next);
      if (!this.shallowRoots.has(next)) todo.push(...c.parents);
    }
    return seen;
  }

  async remoteDefaultBranch(remote: RemoteName): Promise<GitAnswer<BranchName | null>> {
    this.log(`remoteDefaultBranch ${remote}`);
    return ok((this.remoteHeads.get(remote) as BranchName | undefined) ?? null);
  }

  async commitMessage(sha: Sha): Promise<GitAnswer<string>> {
    this.log(`commitMessage ${sha}`);
    const c = this.commits.get(sha);
    return c ? ok(`${c.message}\n`) : { ok: false, failure: failed(`fatal: bad object ${sha}`) };
  }

  async listWorktreeFiles(): Promise<GitAnswer<string[]>> {
    this.log('listWorktreeFiles');
    return ok([]);
  }

  async commitCommitter(sha: Sha): Promise<GitAnswer<{ name: string; email: string }>> {
    this.log(`commitCommitter ${sha}`);
    return this.commits.has(sha)
      ? ok({ name: 'Ada', email: 'ada@example.com' })
      : { ok: false, failure: failed(`fatal: bad object ${sha}`) };
  }

  private subject(sha: Sha): string {
    return this.commits.get(sha)?.message.split('\n')[0] ?? '';
  }

  async changedFiles(sha: Sha): Promise<GitAnswer<RepoPath[]>> {
    this.log(`changedFiles ${sha}`);
    const c = this.commits.get(sha);
    if (!c) return { ok: false, failure: failed(`fatal: bad object ${sha}`) };
    const parent = c.parents[0] ? this.commits.get(c.parents[0]) : undefined;
    if (c.parents[0] && !parent) return { ok: false, failure: failed(`fatal: bad object ${c.parents[0]}`) };
    const before = parent?.files ?? {};
    const paths = new Set([...Object.keys(before), ...Object.keys(c.files)]);
    const changed = [...paths].filter((p) => JSON.stringify(before[p]) !== JSON.stringify(c.files[p]));
    return ok(changed.sort() as RepoPath[]);
  }

  async firstParentLog(range: FirstParentLogRange): Promise<GitAnswer<LogEntry[]>> {
    this.log(`firstParentLog ${range.to}`);
    const excluded = range.after ? this.ancestors(range.after) : new Set<Sha>();
    const entries: LogEntry[] = [];
    let sha: Sha | undefined = range.to;
    while (sha && !excluded.has(sha) && entries.length < range.max) {
      const c = this.commits.get(sha);
      if (!c) return { ok: false, failure: failed(`fatal: bad object ${sha}`) };
      const [name, email] = c.author.split(/ <|>/);
      const entry = { sha, parents: c.parents, subject: this.subject(sha), authorName: name ?? '' };
      entries.push({ ...entry, authorEmail: email ?? '', authoredAt: '2026-05-09T01:00:00Z' });
      sha = this.shallowRoots.has(sha) ? undefined : c.parents[0];
    }
    return ok(entries);
  }

  async readTreeFile(commit: Sha, path: RepoPath, limits: { maxBytes: number }): Promise<TreeFileRead> {
    this.log(`readTreeFile ${path}`);
    const c = this.commits.get(commit);
    if (!c) return { kind: 'failed', failure: failed(`fatal: Not a valid object name ${commit}`) };
    const file = c.files[path];
    if (file === undefined) {
      const isDir = Object.keys(c.files).some((p) => p.startsWith(`${path}/`));
      return isDir ? { kind: 'not-a-file', entry: 'directory' } : { kind: 'missing' };
    }
    if (typeof file !== 'string')
      return { kind: 'not-a-file', entry: 'symlink' in file ? 'symlink' : 'submodule' };
    const size = Buffer.byteLength(file);
    return size > limits.maxBytes
      ? { kind: 'too-large', size, limit: limits.maxBytes }
      : { kind: 'file', content: file };
  }

  async listTreeFiles(commit: Sha, dir: string): Promise<GitAnswer<TreeEntry[]>> {
    this.log(`listTreeFiles ${dir}`);
    const c = this.commits.get(commit);
    if (!c) return { ok: false, failure: failed(`fatal: Not a valid object name ${commit}`) };
    const prefix = dir === '' || dir === '.' ? '' : `${dir.replace(/\/+$/, '')}/`;
    return ok(
      Object.entries(c.files)
        .filter(([p]) => p.startsWith(prefix))
        .map(([p, f]) => ({
          path: p as RepoPath,
          kind:
            typeof f === 'string'
              ? ('file' as const)
              : 'symlink' in f
                ? ('symlink' as const)
                : ('submodule' as const),
          size:
            typeof f === 'string'
              ? Buffer.byteLength(f)
              : typeof f === 'object' && 'symlink' in f
                ? f.symlink.length
                : null,
        })),
    );
  }

  async checkoutDetached(sha: Sha): Promise<GitAnswer<void>> {
    this.log(`checkoutDetached ${sha}`);
    if (!this.commits.has(sha))
      return { ok: false, failure: failed(`fatal: reference is not a tree: ${sha}`) };
    if (this.dirty.length > 0) {
      return {
        ok: false,
        failure: failed('error: Your local changes to the following files would be overwritten'),
      };
    }
    this.headSha = sha;
    return ok(undefined);
  }

  // --- the remote

  /** The remote, once it has answered (or why it did not): `hang` waits for the signal or the deadline. */
  private async reach(name: RemoteName, request: string, deadline: number, o: GitCallOptions = {}) {
    this.log(request);
    const remote = this.remotes.get(name);
    if (!remote) return { failure: failed(`fatal: '${name}' does not appear to be a git repository`) };
    remote.requests.push(request);
    if (remote.behaviour === 'fail' || remote.failOn?.test(request))
      return { failure: failed('fatal: unable to access the remote: Connection refused') };
    if (remote.behaviour === 'hang')
      return { failure: await neverAnswered(o.timeoutMs ?? deadline, o.signal) };
    return { remote };
  }

  async lsRemoteHead(
    remote: RemoteName,
    branch: BranchName,
    o?: GitCallOptions,
  ): Promise<GitAnswer<Sha | null>> {
    const r = await this.reach(remote, `lsRemoteHead ${branch}`, GIT_DEADLINES_MS.lsRemote, o);
    if (!r.remote) return { ok: false, failure: r.failure };
    return ok(r.remote.branches.get(branch) ?? null);
  }

  async fetchCommit(name: RemoteName, sha: Sha, o: FetchCommitOptions = {}): Promise<FetchCommitOutcome> {
    const attempts = o.branchFirst ? (['branch', 'sha'] as const) : (['sha', 'branch'] as const);
    let remoteAnswered = false;
    let failure: GitFailure | null = null;
    for (const by of attempts) {
      const request = by === 'sha' ? `fetchCommit ${sha}` : `fetchCommit refs/heads/${o.branch ?? '*'}`;
      const r = await this.reach(name, request, GIT_DEADLINES_MS.fetch, o);
      if (!r.remote) {
        failure = r.failure;
        if (failure.kind !== 'failed') break;
        continue;
      }
      remoteAnswered = true;
      if (by === 'sha' && r.remote.commits.has(sha)) this.bring(r.remote, sha, this.shallowRoots.size > 0);
      if (by === 'branch') this.fetchBranches(name, r.remote, o.branch ?? null);
      if (this.commits.has(sha)) return { present: true, remoteAnswered, failure };
    }
    return { present: false, remoteAnswered, failure };
  }

  /** One commit (shallow: `--depth=1`) or its history down to what is here. */
  private bring(remote: MemoryRemote, sha: Sha, onlyThisOne: boolean): void {
    if (onlyThisOne) this.store([remote.commits.get(sha)!], true);
    else
      this.store(
        remote.history(sha).filter((c) => !this.commits.has(c.sha)),
        this.shallowRoots.size > 0,
      );
  }

  private fetchBranches(name: RemoteName, remote: MemoryRemote, branch: string | null): void {
    for (const [b, tip] of remote.branches) {
      if (branch !== null && b !== branch) continue;
      this.bring(remote, tip, false);
      this.refs.set(`refs/remotes/${name}/${b}`, tip);
      this.refs.set('FETCH_HEAD', tip);
    }
  }

  async fetchRef(name: RemoteName, ref: RefName, o?: GitCallOptions): Promise<RefFetch> {
    const r = await this.reach(name, `fetchRef ${ref}`, GIT_DEADLINES_MS.fetch, o);
    if (!r.remote) return { kind: 'failed', failure: r.failure };
    const branch = ref.replace(/^refs\/heads\//, '');
    const tip = r.remote.branches.get(branch);
    if (!tip) return { kind: 'missing' };
    this.fetchBranches(name, r.remote, branch);
    return { kind: 'fetched', sha: tip };
  }

  async unshallow(name: RemoteName, branch: BranchName, o?: GitCallOptions): Promise<GitAnswer<void>> {
    const r = await this.reach(name, `unshallow ${branch}`, GIT_DEADLINES_MS.fetch, o);
    if (!r.remote) return { ok: false, failure: r.failure };
    if (this.shallowRoots.size === 0)
      return {
        ok: false,
        failure: failed('fatal: --unshallow on a complete repository does not make sense'),
      };
    const remote = r.remote;
    for (const c of [...this.commits.values()]) this.store(remote.history(c.sha));
    this.shallowRoots.clear();
    return ok(undefined);
  }
}

/** What a remote that never answers comes to: the deadline, or the caller's signal, whichever is first. */
function neverAnswered(timeoutMs: number, signal?: AbortSignal): Promise<GitFailure> {
  return new Promise((resolve) => {
    const done = (failure: GitFailure) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(failure);
    };
    const timer = setTimeout(
      () => done({ kind: 'timeout', message: `timed out after ${timeoutMs} ms` }),
      timeoutMs,
    );
    const onAbort = () => done({ kind: 'aborted', message: 'was stopped before it finished' });
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The two REST calls the freshness gate makes, answered from a MemoryRemote the way GitHub would — except
 * for `lagging`: answers the branch-head endpoint gives first, as GitHub does right after a push.
 */
export class MemoryGitHubApi implements GitHubApi {
  withBudget(): GitHubApi {
    return this;
  }

  readonly requests: string[] = [];
  /** Branch heads answered before the real one (API lag), first to last. */
  lagging: Sha[] = [];
  /** A failure every call answers with instead (e.g. `new GitHubApiError('boom', 502, 'ref')`). */
  failure: Error | null = null;
  /** Commits compare answers 404 for (not pushed, or not indexed yet). */
  readonly unknown = new Set<string>();

  constructor(
    private readonly remote: MemoryRemote,
    readonly repository = 'octo/repo',
  ) {}

  async getBranchHead(branch: string): Promise<string | null> {
    this.requests.push(`ref ${branch}`);
    if (this.failure) throw this.failure;
    return this.lagging.shift() ?? this.remote.branches.get(branch) ?? null;
  }

  async compareCommits(base: string, head: string): Promise<BranchRelation> {
    this.requests.push(`compare ${base}...${head}`);
    if (this.failure) throw this.failure;
    const known = (sha: string) => this.remote.commits.has(sha as Sha) && !this.unknown.has(sha);
    if (!known(base) || !known(head)) throw new GitHubApiError('Not Found', 404, 'compare');
    const below = (sha: string) => new Set(this.remote.history(sha as Sha).map((c) => c.sha as string));
    if (base === head) return 'identical';
    if (below(head).has(base)) return 'ahead';
    return below(base).has(head) ? 'behind' : 'diverged';
  }

  listPullsForCommit(): never {
    throw new Error('not used by the freshness gate');
  }
  getPull(): never {
    throw new Error('not used by the freshness gate');
  }
  getPullEditTimes(): never {
    throw new Error('not used by the freshness gate');
  }
  createCommitStatus(): never {
    throw new Error('not used by the freshness gate');
  }
  getStatusHistory = notUsed;
  createBranch = notUsed;
  fastForwardBranch = notUsed;
  commitHistory = notUsed;
  listOpenIssues = notUsed;
  listIssueComments = notUsed;
  createIssue = notUsed;
  commentOnIssue = notUsed;
  closeIssue = notUsed;
}

function notUsed(): never {
  throw new Error('not used by the freshness gate');
}
