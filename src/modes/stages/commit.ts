// The commit under test: which SHA it is, whether it is still the head of the base branch (SPEC §5), that the
// workspace holds its tree before anything runs, and the head once more after the run.
import { gitFailure } from '../../adapters/git.js';
import type { Sha } from '../../domain/index.js';
import {
  checkFreshness,
  ensureWorkspaceAt,
  readHeadAfter,
  resolveMergeCommit,
  type FreshnessInput,
} from '../../freshness/index.js';
import { info, next, stage, stop, warning, type Stage } from '../../pipeline/stage.js';
import type { InputError } from '../../settings/index.js';
import type { ModeContext } from '../context.js';

/** A run with bad inputs stops before touching anything: BLOCKED invalid_input, every problem named. */
export function inputsStage(errors: readonly InputError[], describe: (e: InputError) => string): Stage<null> {
  return stage('check the inputs', async () =>
    errors.length === 0 ? next(null) : stop('BLOCKED', 'invalid_input', errors.map(describe).join(' ')),
  );
}

export function mergeCommitStage(c: ModeContext): Stage<Sha> {
  return stage('resolve the merge commit', async () => {
    const s = c.settings;
    const mc = await resolveMergeCommit(c.git, s.remote, s.mergeCommit, { baseBranch: s.baseBranch });
    if (!mc.ok) return stop(mc.reason === 'invalid_input' ? 'BLOCKED' : 'ERROR', mc.reason, mc.message);
    return next(mc.sha as Sha, { facts: { mergeCommit: mc.sha } });
  });
}

export function freshnessInput(c: ModeContext, sha: Sha): FreshnessInput {
  return {
    git: c.git,
    api: c.api,
    remote: c.settings.remote,
    baseBranch: c.settings.baseBranch ?? 'main',
    mergeCommit: sha,
    retry: c.retry,
  };
}

/** Fresh goes on; stale stops (unless on-stale is `run`); an unreadable head is ERROR. */
export function freshnessStage(c: ModeContext, sha: Sha): Stage<null> {
  return stage('check freshness', async () => {
    const fresh = await checkFreshness(freshnessInput(c, sha));
    const facts = { originHead: fresh.originHead, stale: fresh.kind === 'stale' };
    const seen = info(`Freshness (${fresh.via}): ${fresh.message}`);
    if (fresh.kind === 'fresh') return next(null, { facts, notes: [seen] });
    if (fresh.kind === 'stale' && c.settings.onStale === 'run') {
      const why = `${fresh.message} on-stale is 'run': testing ${sha} anyway; the result records stale: true.`;
      return next(null, { facts, notes: [seen, warning(why)] });
    }
    const status = fresh.kind === 'stale' ? 'STALE' : fresh.kind === 'blocked' ? 'BLOCKED' : 'ERROR';
    return stop(status, fresh.reason, fresh.message, { facts, notes: [seen] });
  });
}

/** The action checks the merge commit out when the workspace is clean; the CLI only compares. */
export function workspaceStage(c: ModeContext, sha: Sha): Stage<null> {
  return stage('check out the merge commit', async () => {
    if (!c.checkoutWorkspace) return compareHead(c, sha);
    const s = c.settings;
    const ws = await ensureWorkspaceAt(c.git, s.remote, sha, { baseBranch: s.baseBranch });
    if (!ws.ok) return stop('ERROR', ws.reason, ws.message);
    const notes =
      ws.action === 'checked-out' ? [info(`Checked out ${sha} (detached) in the workspace.`)] : [];
    return next(null, { notes });
  });
}

/** The CLI never moves a checkout: HEAD elsewhere, or uncommitted changes not allowed, refuse the run. */
async function compareHead(c: ModeContext, sha: Sha) {
  const head = await readHead(c);
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
  return stage('look at the working tree', async () => {
    if (c.checkoutWorkspace) return next([]);
    const head = await readHead(c);
    if (!head.ok) return stop('ERROR', 'git_failed', head.message);
    return next(workspaceRefusals({ head: head.sha, sha, ...localOf(c) }));
  });
}

const localOf = (c: ModeContext) => c.local ?? { dirtyFiles: [], allowDirty: false };

async function readHead(c: ModeContext): Promise<{ ok: true; sha: string } | { ok: false; message: string }> {
  const head = await c.git.run(['rev-parse', '--verify', 'HEAD']);
  if (head.exitCode !== 0) return { ok: false, message: `Could not read HEAD: ${gitFailure(head)}.` };
  return { ok: true, sha: head.stdout.trim() };
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
export function headAfterStage(c: ModeContext, sha: Sha): Stage<null> {
  return stage('read the head again', async () => {
    const head = await readHeadAfter(freshnessInput(c, sha)).catch(() => null);
    return next(null, { facts: { originHeadAfter: head } });
  });
}
