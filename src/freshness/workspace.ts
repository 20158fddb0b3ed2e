// The workspace must be at the merge commit before the command runs (SPEC §5): check out the merge commit
// detached when HEAD differs and the tracked files are clean; never touch a workspace with local changes.
import type { GitCallOptions, GitRepository } from '../adapters/index.js';
import { parseSha, type BranchName, type RemoteName, type Sha } from '../domain/index.js';
import type { WorkspaceCheck } from './types.js';

export interface EnsureWorkspaceOptions {
  /** Branch to fetch when the remote refuses to serve the SHA directly. */
  baseBranch?: BranchName | null;
  /** Stops the work (the git process in flight is killed). */
  signal?: AbortSignal;
}

const CHECKOUT_HINT = 'check out that SHA first (e.g. actions/checkout with `ref: ${{ github.sha }}`)';

function gitFailed(message: string): WorkspaceCheck {
  return { ok: false, reason: 'git_failed', message };
}

export async function ensureWorkspaceAt(
  git: GitRepository,
  remote: RemoteName,
  sha: string,
  options: EnsureWorkspaceOptions = {},
): Promise<WorkspaceCheck> {
  const parsed = parseSha(sha);
  if (!parsed.ok) return gitFailed(`Cannot check out '${sha}': not a full commit SHA.`);
  const target = parsed.value;
  const o: GitCallOptions = { signal: options.signal };
  const head = await git.head(o);
  // No HEAD commit (a fresh `git init`) is "somewhere else"; not a repository at all is a git failure.
  if (!head.ok) {
    return gitFailed(
      `The workspace ${git.cwd} is not a git repository (${head.failure.message}); ${CHECKOUT_HINT}.`,
    );
  }
  const at = head.value;
  if (at === target) return { ok: true, action: 'already-at-commit' };

  const dirty = await git.dirtyFiles(o);
  if (!dirty.ok) return gitFailed(`Could not read the state of the workspace: ${dirty.failure.message}.`);
  if (dirty.value.length > 0) {
    const files = dirty.value;
    const shown = files.slice(0, 5).join(', ') + (files.length > 5 ? ` and ${files.length - 5} more` : '');
    return {
      ok: false,
      reason: 'workspace_mismatch',
      message: `The workspace is at ${at ?? 'no commit'} with local changes to tracked files (${shown}), not at merge commit ${target}; ${CHECKOUT_HINT}.`,
    };
  }
  return checkOut(git, remote, target, at, options.baseBranch ?? null, o);
}

async function checkOut(
  git: GitRepository,
  remote: RemoteName,
  target: Sha,
  at: Sha | null,
  branch: BranchName | null,
  o: GitCallOptions,
): Promise<WorkspaceCheck> {
  if (!(await git.hasCommit(target, o))) {
    const fetched = await git.fetchCommit(remote, target, { ...o, branch });
    if (!fetched.present) {
      return gitFailed(
        `Could not fetch merge commit ${target} from remote '${remote}' into the workspace: ${fetched.failure?.message ?? 'the remote does not have it'}.`,
      );
    }
  }
  const checkout = await git.checkoutDetached(target, o);
  if (!checkout.ok) {
    return gitFailed(
      `Could not check out merge commit ${target} (workspace at ${at ?? 'no commit'}): ${checkout.failure.message}.`,
    );
  }
  const after = await git.head(o);
  if (!after.ok || after.value !== target) {
    const seen = after.ok ? (after.value ?? 'no commit') : 'unreadable';
    return gitFailed(`Checked out merge commit ${target}, but HEAD is ${seen} afterwards.`);
  }
  return { ok: true, action: 'checked-out' };
}
