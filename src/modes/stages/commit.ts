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

async function compareHead(c: ModeContext, sha: Sha) {
  const head = await c.git.run(['rev-parse', '--verify', 'HEAD']);
  if (head.exitCode !== 0) return stop('ERROR', 'git_failed', `Could not read HEAD: ${gitFailure(head)}.`);
  const at = head.stdout.trim();
  if (at === sha) return next(null);
  return stop(
    'ERROR',
    'workspace_mismatch',
    `The repository is at ${at.slice(0, 12)}, not at the merge commit ${sha.slice(0, 12)}; ` +
      `check it out first (git switch --detach ${sha}).`,
  );
}

/** Best effort: the head after the run, for the record. */
export function headAfterStage(c: ModeContext, sha: Sha): Stage<null> {
  return stage('read the head again', async () => {
    const head = await readHeadAfter(freshnessInput(c, sha)).catch(() => null);
    return next(null, { facts: { originHeadAfter: head } });
  });
}
