// The workspace must be at the merge commit before the command runs (SPEC §5): check out the merge commit
// detached when HEAD differs and the tracked files are clean; never touch a workspace with local changes.
import { gitFailure, type Git } from '../adapters/git.js';
import { parseSha } from '../domain/index.js';
import { fetchCommit, hasCommit } from './objects.js';
import type { WorkspaceCheck } from './types.js';

export interface EnsureWorkspaceOptions {
  /** Branch to fetch when the remote refuses to serve the SHA directly. */
  baseBranch?: string | null;
}

const CHECKOUT_HINT = 'check out that SHA first (e.g. actions/checkout with `ref: ${{ github.sha }}`)';

export async function ensureWorkspaceAt(
  git: Git,
  remote: string,
  sha: string,
  options: EnsureWorkspaceOptions = {},
): Promise<WorkspaceCheck> {
  if (!parseSha(sha).ok) {
    return { ok: false, reason: 'git_failed', message: `Cannot check out '${sha}': not a full commit SHA.` };
  }
  const target = sha.toLowerCase();
  const headResult = await git.run(['rev-parse', '--verify', '--quiet', 'HEAD']);
  // No HEAD commit (a fresh `git init`) is "somewhere else"; not a repository at all is a git failure.
  if (headResult.exitCode !== 0) {
    const repo = await git.run(['rev-parse', '--git-dir']);
    if (repo.exitCode !== 0) {
      return {
        ok: false,
        reason: 'git_failed',
        message: `The workspace ${git.cwd} is not a git repository (${gitFailure(repo)}); ${CHECKOUT_HINT}.`,
      };
    }
  }
  const head = headResult.exitCode === 0 ? headResult.stdout.trim().toLowerCase() : null;
  if (head === target) return { ok: true, action: 'already-at-commit' };

  const status = await git.run(['status', '--porcelain', '--untracked-files=no']);
  if (status.exitCode !== 0) {
    return {
      ok: false,
      reason: 'git_failed',
      message: `Could not read the state of the workspace: ${gitFailure(status)}.`,
    };
  }
  const dirty = status.stdout
    .split('\n')
    .map((l) => l.slice(3).trim())
    .filter(Boolean);
  if (dirty.length > 0) {
    const shown = dirty.slice(0, 5).join(', ') + (dirty.length > 5 ? ` and ${dirty.length - 5} more` : '');
    return {
      ok: false,
      reason: 'workspace_mismatch',
      message: `The workspace is at ${head ?? 'no commit'} with local changes to tracked files (${shown}), not at merge commit ${target}; ${CHECKOUT_HINT}.`,
    };
  }

  if (!(await hasCommit(git, target))) {
    const fetched = await fetchCommit(git, remote, target, options.baseBranch ?? null);
    if (!fetched.present) {
      return {
        ok: false,
        reason: 'git_failed',
        message: `Could not fetch merge commit ${target} from remote '${remote}' into the workspace: ${fetched.lastError ?? 'the remote does not have it'}.`,
      };
    }
  }
  const checkout = await git.run(['checkout', '--detach', '--quiet', target]);
  if (checkout.exitCode !== 0) {
    return {
      ok: false,
      reason: 'git_failed',
      message: `Could not check out merge commit ${target} (workspace at ${head ?? 'no commit'}): ${gitFailure(checkout)}.`,
    };
  }
  const after = await git.run(['rev-parse', '--verify', '--quiet', 'HEAD']);
  if (after.exitCode !== 0 || after.stdout.trim().toLowerCase() !== target) {
    return {
      ok: false,
      reason: 'git_failed',
      message: `Checked out merge commit ${target}, but HEAD is ${after.stdout.trim() || 'unreadable'} afterwards.`,
    };
  }
  return { ok: true, action: 'checked-out' };
}
