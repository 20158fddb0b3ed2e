// Builds the throwaway repositories of a replay: a bare origin, a workspace clone at the merge commit (as
// actions/checkout leaves it), and the pushes that land after the merge. Author, committer and dates are
// fixed, so the same fixture yields the same SHAs on every machine.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GitProcessTransport, gitFailure, type GitTransport } from '../adapters/index.js';
import type { LoadedFixture, StreakStep } from './fixture.js';

export interface ReplayRepos {
  root: string;
  origin: string;
  work: string;
  mergeCommit: string;
  /**
   * Head of the branch the merge commit must head, on origin after every push: the base branch, or for a
   * merge group its queue branch (null when the queue removed it).
   */
  originHead: string | null;
  /** The commits of `base_history`, oldest first. */
  history: string[];
  /** The base branch head the merge commit was built on (a merge group's `base_sha`). */
  baseHead: string;
  /** Where the merge commit was pushed: the base branch, the merge queue's branch, or the PR's head branch. */
  mergeBranch: string;
}

const EPOCH = Date.UTC(2026, 4, 9, 1, 0, 0) / 1000; // 2026-05-09T01:00:00Z, the day of task-2512

/** Git for building a replay: no user or system configuration, fixed people, a clock that ticks per commit. */
function replayGit(root: string, firstTick = 0) {
  const globalConfig = join(root, 'gitconfig');
  writeFileSync(globalConfig, '');
  let tick = firstTick;
  const gitIn = (cwd: string, extra: Record<string, string> = {}): GitTransport => {
    const when = `${EPOCH + 60 * tick} +0000`;
    return new GitProcessTransport(cwd, {
      env: {
        ...process.env,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: globalConfig,
        GIT_AUTHOR_NAME: 'Replay Author',
        GIT_AUTHOR_EMAIL: 'author@replay.invalid',
        GIT_COMMITTER_NAME: 'Replay Merger',
        GIT_COMMITTER_EMAIL: 'merger@replay.invalid',
        GIT_AUTHOR_DATE: when,
        GIT_COMMITTER_DATE: when,
        ...extra,
      },
    });
  };
  const must = async (cwd: string, args: string[], extra: Record<string, string> = {}): Promise<string> => {
    const git = gitIn(cwd, extra);
    const r = await git.run(args);
    if (r.exitCode !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${gitFailure(r)}`);
    return r.stdout.trim();
  };
  const commitFiles = async (
    cwd: string,
    message: string,
    files: Record<string, string>,
    byGitHub = false,
  ): Promise<string> => {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(cwd, path)), { recursive: true });
      writeFileSync(join(cwd, path), content);
    }
    tick++;
    await must(cwd, ['add', '-A']);
    // GitHub's merge button writes the commit object as GitHub: PR discovery reads that.
    const as: Record<string, string> = byGitHub
      ? { GIT_COMMITTER_NAME: 'GitHub', GIT_COMMITTER_EMAIL: 'noreply@github.com' }
      : {};
    await must(cwd, ['commit', '-q', '--allow-empty', '--no-verify', '-m', message], as);
    return must(cwd, ['rev-parse', 'HEAD']);
  };
  return { must, commitFiles };
}

type ReplayGit = ReturnType<typeof replayGit>;

/** The branch the merge commit lands on: the base branch, the queue's (merge_group), or the PR's head. */
export function mergeBranchOf(fixture: LoadedFixture['fixture'], baseHead: string): string {
  if (fixture.event_name === 'merge_group') {
    return `gh-readonly-queue/${fixture.base_branch}/pr-${fixture.pull_request?.number ?? 1}-${baseHead}`;
  }
  if (fixture.event_name === 'pull_request') return fixture.pull_request?.head_ref ?? 'feature';
  return fixture.base_branch;
}

export async function buildReplayRepos(loaded: LoadedFixture, root: string): Promise<ReplayRepos> {
  const { fixture, tree } = loaded;
  const branch = fixture.base_branch;
  const origin = join(root, 'origin.git');
  const work = join(root, 'work');
  mkdirSync(root, { recursive: true });
  const git = replayGit(root);
  const { must, commitFiles } = git;

  await must(root, ['init', '-q', '--bare', `--initial-branch=${branch}`, origin]);
  await must(root, ['init', '-q', `--initial-branch=${branch}`, work]);
  await commitFiles(work, 'Initial commit', { 'README.md': `# ${fixture.name}\n` });
  // The base branch's own history (merged by GitHub, as a gate reads it), then the merge commit on top.
  const history: string[] = [];
  for (const c of fixture.base_history) history.push(await commitFiles(work, c.message, c.files, true));
  const baseHead = await must(work, ['rev-parse', 'HEAD']);
  await must(work, ['remote', 'add', 'origin', origin]);
  await must(work, ['push', '-q', 'origin', `HEAD:refs/heads/${branch}`]);
  const mergeBranch = mergeBranchOf(fixture, baseHead);
  const mergeCommit = await commitFiles(
    work,
    fixture.merge_commit_message,
    tree,
    fixture.merged_by === 'github',
  );
  await must(work, ['push', '-q', 'origin', `HEAD:refs/heads/${mergeBranch}`]);
  await must(work, ['fetch', '-q', 'origin']);
  await must(work, ['branch', '-q', `--set-upstream-to=origin/${mergeBranch}`]);

  // Later merges land from elsewhere; the workspace stays at the merge commit, as the runner's checkout does.
  const originHead = await afterTheMerge(
    git,
    { root, origin, branch, mergeBranch, baseHead, mergeCommit },
    fixture,
  );
  return { root, origin, work, mergeCommit, originHead, history, baseHead, mergeBranch };
}

interface Landed {
  root: string;
  origin: string;
  branch: string;
  mergeBranch: string;
  baseHead: string;
  mergeCommit: string;
}

/** Pushes after the merge (STALE cases) and what the queue does to its branch; the head to stay, after. */
async function afterTheMerge(
  { must, commitFiles }: ReplayGit,
  l: Landed,
  fixture: LoadedFixture['fixture'],
): Promise<string | null> {
  let head: string | null = l.mergeCommit;
  if (fixture.after_merge.length === 0 && fixture.queue_after === 'kept') return head;
  const other = join(l.root, 'other');
  await must(l.root, ['clone', '-q', l.origin, other]);
  for (const push of fixture.after_merge) {
    const pushed = await commitFiles(other, push.message, push.files);
    await must(other, ['push', '-q', 'origin', `HEAD:refs/heads/${l.branch}`]);
    if (l.mergeBranch === l.branch) head = pushed;
  }
  if (fixture.queue_after === 'removed') {
    await must(other, ['push', '-q', 'origin', `:refs/heads/${l.mergeBranch}`]);
    head = null;
  } else if (fixture.queue_after === 'rebuilt') {
    await must(other, ['checkout', '-q', '--detach', l.baseHead]);
    head = await commitFiles(other, 'Merge group rebuilt without this entry', {}, true);
    await must(other, ['push', '-q', '--force', 'origin', `HEAD:refs/heads/${l.mergeBranch}`]);
  }
  return head;
}

/**
 * Lands step `index` (1-based) of a streak: its files committed on top of the workspace's commit (the previous
 * step's merge) and pushed to the base branch, as the next merge. Returns the new merge commit.
 */
export async function landStreakStep(
  loaded: LoadedFixture,
  repos: ReplayRepos,
  step: StreakStep,
  index: number,
): Promise<string> {
  const { must, commitFiles } = replayGit(repos.root, 100 * index);
  const byGitHub = loaded.fixture.merged_by === 'github';
  const sha = await commitFiles(repos.work, step.merge_commit_message, step.files, byGitHub);
  await must(repos.work, ['push', '-q', 'origin', `HEAD:refs/heads/${loaded.fixture.base_branch}`]);
  await must(repos.work, ['fetch', '-q', 'origin']);
  return sha;
}
