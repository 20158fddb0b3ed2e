// The `merge-commit` input → a full SHA that exists locally: a 40-hex SHA is checked (and fetched when
// missing), anything else is resolved as a revision locally, as `refs/remotes/<remote>/<ref>`, then after a
// fetch of that ref.
import type { CommitLookup, GitCallOptions, GitRepository } from '../adapters/index.js';
import { parseRefName, parseSha, type BranchName, type RemoteName, type Sha } from '../domain/index.js';
import type { MergeCommitResolution } from './types.js';

export interface ResolveMergeCommitOptions {
  /** Fallback when the remote refuses to serve a SHA directly: fetch this branch (else the default refspecs). */
  baseBranch?: BranchName | null;
  /** Stops the lookup (the git process in flight is killed). */
  signal?: AbortSignal;
  /** May a commit or ref that is not here be fetched (default true)? false: the CLI's plan mode. */
  mayFetch?: boolean;
}

function invalid(message: string): MergeCommitResolution {
  return { ok: false, reason: 'invalid_input', message };
}

export async function resolveMergeCommit(
  git: GitRepository,
  remote: RemoteName,
  refOrSha: string,
  options: ResolveMergeCommitOptions = {},
): Promise<MergeCommitResolution> {
  const input = refOrSha.trim();
  if (input === '') {
    return invalid("Input 'merge-commit' is empty: give a full 40-hex commit SHA or a ref such as main.");
  }
  // eslint-disable-next-line no-control-regex
  if (input.startsWith('-') || /[\s\x00-\x1f\x7f]/.test(input)) {
    return invalid(
      `Input 'merge-commit' (${JSON.stringify(input)}) is not a commit SHA or a ref: it starts with '-' or contains whitespace.`,
    );
  }
  const o: Lookup = { signal: options.signal, mayFetch: options.mayFetch ?? true };
  const full = parseSha(input);
  if (full.ok) return resolveFullSha(git, remote, full.value, options.baseBranch ?? null, o);
  return resolveRevision(git, remote, input, o);
}

type Lookup = GitCallOptions & { mayFetch: boolean };
const NOT_FETCHING = 'not fetched: fetching is off';

async function resolveFullSha(
  git: GitRepository,
  remote: RemoteName,
  sha: Sha,
  branch: BranchName | null,
  o: Lookup,
): Promise<MergeCommitResolution> {
  if (await git.hasCommit(sha, o)) return { ok: true, sha };
  if (!o.mayFetch) {
    return invalid(`Input 'merge-commit': commit ${sha} is not in the local repository (${NOT_FETCHING}).`);
  }
  const fetched = await git.fetchCommit(remote, sha, { ...o, branch });
  if (fetched.present) return { ok: true, sha };
  if (fetched.remoteAnswered) {
    return invalid(
      `Input 'merge-commit': commit ${sha} exists neither in the local repository nor on remote '${remote}'.`,
    );
  }
  return {
    ok: false,
    reason: 'git_failed',
    message: `Could not fetch merge commit ${sha} from remote '${remote}': ${fetched.failure?.message ?? 'unknown error'}.`,
  };
}

async function resolveRevision(
  git: GitRepository,
  remote: RemoteName,
  input: string,
  o: Lookup,
): Promise<MergeCommitResolution> {
  const remotePrefix = `${remote}/`;
  const name = input.startsWith(remotePrefix) ? input.slice(remotePrefix.length) : input;
  const candidates = [input];
  if (!input.startsWith('refs/')) candidates.push(`refs/remotes/${remote}/${name}`);
  for (const candidate of candidates) {
    const found = await git.revParseCommit(candidate, o);
    if (found.kind === 'found') return { ok: true, sha: found.sha };
    if (found.kind === 'ambiguous') return invalid(ambiguous(input, found));
    if (found.kind === 'failed') return gitFailed(`resolve '${input}'`, found.failure.message);
  }

  const notFound = invalid(
    `Input 'merge-commit': '${input}' is neither a full commit SHA nor a ref that exists locally or on remote '${remote}'.`,
  );
  const ref = parseRefName(name);
  if (!ref.ok) return notFound;
  if (!o.mayFetch) {
    return invalid(
      `Input 'merge-commit': '${input}' is neither a full commit SHA nor a ref that exists locally (${NOT_FETCHING}).`,
    );
  }
  const fetched = await git.fetchRef(remote, ref.value, o);
  if (fetched.kind === 'fetched') return { ok: true, sha: fetched.sha };
  if (fetched.kind === 'missing') return notFound;
  return gitFailed(
    `fetch '${name}' from remote '${remote}' to resolve input 'merge-commit'`,
    fetched.failure.message,
  );
}

/** Names the commits a short SHA could mean, so that the right one can be picked. */
function ambiguous(input: string, found: Extract<CommitLookup, { kind: 'ambiguous' }>): string {
  const listed = found.candidates.map((c) => {
    const what = [c.type === 'commit' ? '' : c.type, c.summary].filter(Boolean).join(' ');
    return what ? `${c.sha.slice(0, 12)} (${what})` : c.sha.slice(0, 12);
  });
  const more = found.unlisted > 0 ? `, and ${found.unlisted} more objects not examined` : '';
  return `Input 'merge-commit': '${input}' is ambiguous: it is the start of ${found.candidates.length} commits: ${listed.join(', ')}${more}. Give more digits or the full SHA.`;
}

function gitFailed(what: string, why: string): MergeCommitResolution {
  return { ok: false, reason: 'git_failed', message: `Could not ${what}: ${why}.` };
}
