// The commit under test: which SHA it is and which branch it must head, whether it is still that branch's
// head (SPEC §5), that the workspace holds its tree before anything runs, and the head once more after.
import type { BranchName, Sha } from '../../domain/index.js';
import {
  checkFreshness,
  ensureWorkspaceAt,
  readHeadAfter,
  resolveMergeCommit,
  type FreshnessInput,
} from '../../freshness/index.js';
import { info, next, notice, stage, stop, warning, type Stage } from '../../pipeline/index.js';
import type { InputError } from '../../settings/index.js';
import type { ModeContext } from '../context.js';
import { freshnessMessage } from '../wording.js';
import { queueFreshness, type Freshness, type QueueCandidate } from './queue.js';

/** A run with bad inputs stops before touching anything: BLOCKED invalid_input, every problem named. */
export function inputsStage(errors: readonly InputError[], describe: (e: InputError) => string): Stage<null> {
  return stage('check the inputs', async () =>
    errors.length === 0 ? next(null) : stop('BLOCKED', 'invalid_input', errors.map(describe).join(' ')),
  );
}

/** The branch the commit must head: the input (or the event's), else the remote's default branch. */
export function baseBranchStage(c: ModeContext): Stage<BranchName> {
  return stage('find the base branch', async (signal) => {
    if (c.settings.baseBranch !== null) return next(c.settings.baseBranch);
    const remoteDefault = await c.git.remoteDefaultBranch(c.settings.remote, { signal });
    const branch = remoteDefault.ok && remoteDefault.value ? remoteDefault.value : ('main' as BranchName);
    const how =
      remoteDefault.ok && remoteDefault.value
        ? `the default branch of '${c.settings.remote}'`
        : 'main (no default branch known)';
    return next(branch, { facts: { baseBranch: branch }, notes: [info(`Base branch: ${branch}, ${how}.`)] });
  });
}

export function mergeCommitStage(c: ModeContext, base: BranchName): Stage<Sha> {
  return stage('resolve the merge commit', async (signal) => {
    const s = c.settings;
    const mc = await resolveMergeCommit(c.git, s.remote, s.mergeCommit, { baseBranch: base, signal });
    if (!mc.ok) return stop(mc.reason === 'invalid_input' ? 'BLOCKED' : 'ERROR', mc.reason, mc.message);
    return next(mc.sha, { facts: { mergeCommit: mc.sha } });
  });
}

export function freshnessInput(
  c: ModeContext,
  base: BranchName,
  sha: Sha,
  signal: AbortSignal,
): FreshnessInput {
  return {
    git: c.git,
    api: c.api,
    remote: c.settings.remote,
    baseBranch: base,
    mergeCommit: sha,
    retry: c.retry,
    signal,
    // A plan may fetch a commit it lacks, but never turns a shallow clone into a full one.
    mayUnshallow: c.apply,
  };
}

/**
 * Fresh goes on; stale stops (unless on-stale is `run`); an unreadable head is ERROR. In a merge queue the
 * branch the commit must head is the queue's own (`queue.branch`), read as "still the queue's candidate".
 */
export function freshnessStage(
  c: ModeContext,
  base: BranchName,
  sha: Sha,
  queue: QueueCandidate | null = null,
): Stage<null> {
  return stage('check freshness', async (signal) => {
    const verdict = await checkFreshness(freshnessInput(c, queue?.branch ?? base, sha, signal));
    const fresh: Freshness = queue
      ? queueFreshness(verdict, queue, sha)
      : {
          ...verdict,
          message: freshnessMessage(c.entry, verdict),
          factsText: verdict.message,
          unshallowed: verdict.facts.unshallowed,
        };
    const facts = { originHead: fresh.originHead, stale: fresh.kind === 'stale' };
    const seen = [info(`Freshness (${fresh.via}): ${fresh.message}`)];
    if (fresh.unshallowed) {
      seen.push(
        notice(
          'This is a shallow clone: its history was fetched (git fetch --unshallow) to tell how the commit relates to the branch.',
        ),
      );
    }
    if (fresh.kind === 'fresh') return next(null, { facts, notes: seen });
    if (fresh.kind === 'stale' && c.settings.onStale === 'run') {
      const why = `${fresh.factsText} on-stale is 'run': testing ${sha} anyway; the result records stale: true.`;
      return next(null, { facts, notes: [...seen, warning(why)] });
    }
    const status = fresh.kind === 'stale' ? 'STALE' : fresh.kind === 'blocked' ? 'BLOCKED' : 'ERROR';
    return stop(status, fresh.reason, fresh.message, { facts, notes: seen });
  });
}

/** The action checks the merge commit out when the workspace is clean; the CLI only compares. */
export function workspaceStage(c: ModeContext, base: BranchName, sha: Sha): Stage<null> {
  return stage('check out the merge commit', async (signal) => {
    if (!c.checkoutWorkspace) return compareHead(c, sha, signal);
    const ws = await ensureWorkspaceAt(c.git, c.settings.remote, sha, { baseBranch: base, signal });
    if (!ws.ok) return stop('ERROR', ws.reason, ws.message);
    const notes =
      ws.action === 'checked-out' ? [info(`Checked out ${sha} (detached) in the workspace.`)] : [];
    return next(null, { notes });
  });
}

/** The CLI never moves a checkout: HEAD elsewhere, or uncommitted changes not allowed, refuse the run. */
async function compareHead(c: ModeContext, sha: Sha, signal: AbortSignal) {
  const head = await readHead(c, signal);
  if (!head.ok) return stop('ERROR', 'git_failed', head.message);
  const refusals = workspaceRefusals({ head: head.sha, sha, ...localOf(c) });
  if (refusals.length > 0) return stop('ERROR', 'workspace_mismatch', refusals.join(' '));
  const dirty = localOf(c).dirtyFiles;
  if (dirty.length === 0) return next(null);
  return next(null, {
    notes: [
      warning(
        `Running on uncommitted changes (--allow-dirty): ${listFiles(dirty)}. The result is not the verdict of ${sha} alone.`,
      ),
    ],
  });
}

/** In a plan: what --apply would refuse, without stopping (the plan reports it). */
export function applyRefusalsStage(c: ModeContext, sha: Sha): Stage<string[]> {
  return stage('look at the working tree', async (signal) => {
    if (c.checkoutWorkspace) return next([]);
    const head = await readHead(c, signal);
    if (!head.ok) return stop('ERROR', 'git_failed', head.message);
    return next(workspaceRefusals({ head: head.sha, sha, ...localOf(c) }));
  });
}

const localOf = (c: ModeContext) => c.local ?? { dirtyFiles: [], allowDirty: false };

async function readHead(
  c: ModeContext,
  signal: AbortSignal,
): Promise<{ ok: true; sha: string } | { ok: false; message: string }> {
  const head = await c.git.head({ signal });
  if (!head.ok) return { ok: false, message: `Could not read HEAD: ${head.failure.message}.` };
  return { ok: true, sha: head.value ?? 'no commit' };
}

export interface WorkspaceState {
  head: string;
  sha: string;
  dirtyFiles: readonly string[];
  allowDirty: boolean;
}

/** Why a run on this working tree would not test `sha`: each reason a sentence; empty when it would. */
export function workspaceRefusals(w: WorkspaceState): string[] {
  const refusals: string[] = [];
  if (w.head !== w.sha) {
    refusals.push(
      `The repository is at ${w.head.slice(0, 12)}, not at the merge commit ${w.sha.slice(0, 12)}; ` +
        `check it out first (git switch --detach ${w.sha}).`,
    );
  }
  if (w.dirtyFiles.length > 0 && !w.allowDirty) {
    refusals.push(
      `The working tree has uncommitted changes (${listFiles(w.dirtyFiles)}): they would run with the smoke ` +
        `but are not part of ${w.sha.slice(0, 12)}. Commit or stash them, or pass --allow-dirty.`,
    );
  }
  return refusals;
}

function listFiles(files: readonly string[]): string {
  const shown = files.slice(0, 5).join(', ');
  return files.length > 5 ? `${shown} and ${files.length - 5} more` : shown;
}

/** Best effort: the head after the run, for the record. */
export function headAfterStage(c: ModeContext, base: BranchName, sha: Sha): Stage<null> {
  return stage('read the head again', async (signal) => {
    const head = await readHeadAfter(freshnessInput(c, base, sha, signal)).catch(() => null);
    return next(null, { facts: { originHeadAfter: head } });
  });
}
