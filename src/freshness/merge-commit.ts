// The `merge-commit` input → a full SHA that exists locally: a 40-hex SHA is checked (and fetched when
// missing), anything else is resolved as a ref, locally, as `refs/remotes/<remote>/<ref>`, then after a fetch.
import { gitFailure, type Git } from '../adapters/git.js';
import { parseSha } from '../domain/index.js';
import { fetchCommit, hasCommit } from './objects.js';
import type { MergeCommitResolution } from './types.js';

export interface ResolveMergeCommitOptions {
  /** Fallback when the remote refuses to serve a SHA directly: fetch this branch (else the default refspecs). */
  baseBranch?: string | null;
}

function invalid(message: string): MergeCommitResolution {
  return { ok: false, reason: 'invalid_input', message };
}

async function revParseCommit(git: Git, rev: string): Promise<string | null> {
  const r = await git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  const sha = parseSha(r.stdout.trim());
  return r.exitCode === 0 && sha.ok ? sha.value : null;
}

export async function resolveMergeCommit(
  git: Git,
  remote: string,
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

  const full = parseSha(input);
  if (full.ok) {
    const sha = full.value;
    if (await hasCommit(git, sha)) return { ok: true, sha };
    const fetched = await fetchCommit(git, remote, sha, options.baseBranch ?? null);
    if (fetched.present) return { ok: true, sha };
    if (fetched.remoteAnswered) {
      return invalid(
        `Input 'merge-commit': commit ${sha} exists neither in the local repository nor on remote '${remote}'.`,
      );
    }
    return {
      ok: false,
      reason: 'git_failed',
      message: `Could not fetch merge commit ${sha} from remote '${remote}': ${fetched.lastError ?? 'unknown error'}.`,
    };
  }

  const remotePrefix = `${remote}/`;
  const name = input.startsWith(remotePrefix) ? input.slice(remotePrefix.length) : input;
  const candidates = [input];
  if (!input.startsWith('refs/')) candidates.push(`refs/remotes/${remote}/${name}`);
  for (const candidate of candidates) {
    const sha = await revParseCommit(git, candidate);
    if (sha) return { ok: true, sha };
  }

  const notFound = invalid(
    `Input 'merge-commit': '${input}' is neither a full commit SHA nor a ref that exists locally or on remote '${remote}'.`,
  );
  const format = await git.run(['check-ref-format', '--allow-onelevel', name]);
  if (format.exitCode !== 0) return notFound;

  const fetch = await git.run(['fetch', '--no-tags', '--quiet', '--end-of-options', remote, name]);
  if (fetch.exitCode !== 0) {
    if (/couldn't find remote ref|invalid refspec|not our ref/i.test(fetch.stderr)) return notFound;
    return {
      ok: false,
      reason: 'git_failed',
      message: `Could not fetch '${name}' from remote '${remote}' to resolve input 'merge-commit': ${gitFailure(fetch)}.`,
    };
  }
  const sha = await revParseCommit(git, 'FETCH_HEAD');
  return sha ? { ok: true, sha } : notFound;
}
