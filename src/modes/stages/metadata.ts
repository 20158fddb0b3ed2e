// Commit message → pull request → command: everything the reviewed metadata says about this merge (SPEC §6).
import type { BranchName, Sha } from '../../domain/index.js';
import { info, next, stage, stop, warning, type Note, type Stage } from '../../pipeline/index.js';
import {
  GitTreeReader,
  ResolveInfraError,
  resolveCommand,
  type ResolveOutcome,
  discoverPullRequest,
  type PrDiscovery,
} from '../../resolve/index.js';
import type { ModeContext } from '../context.js';
import { discoverQueuePull, type QueueCandidate } from './queue.js';

export interface Metadata {
  discovery: PrDiscovery;
  outcome: ResolveOutcome;
}

/** In a merge queue the pull request is the one the queue branch names (`queue`), not the message's. */
export function metadataStage(
  c: ModeContext,
  base: BranchName,
  sha: Sha,
  queue: QueueCandidate | null = null,
): Stage<Metadata> {
  return stage(
    'resolve the smoke command',
    async (signal) => {
      const [message, committer] = await Promise.all([
        c.git.commitMessage(sha, { signal }),
        c.git.commitCommitter(sha, { signal }),
      ]);
      if (!message.ok) {
        return stop(
          'ERROR',
          'git_failed',
          `Could not read the message of ${sha}: ${message.failure.message}.`,
        );
      }
      const commitMessage = message.value;
      const discovery = queue
        ? await discoverQueuePull(c.api, queue)
        : await discoverPullRequest({
            commitMessage,
            committerEmail: committer.ok ? committer.value.email : '',
            sha,
            baseBranch: base,
            api: c.api,
            reasks: { delaysMs: c.retry.delaysMs.slice(0, 2) },
          });
      const notes: Note[] = discovery.notes.map(info);
      const facts = { prNumber: discovery.number, prDiscovery: discovery.conclusion };
      if (discovery.error) {
        const why = `Could not look up the pull request of ${sha}: ${discovery.error.message}`;
        // An explicit command does not depend on PR metadata; everything else would be resolved on partial data.
        if (c.settings.smokeCommand === null) {
          return stop('ERROR', 'api_failed', `${why}. Grant the token pull-requests: read.`, {
            facts,
            notes,
          });
        }
        notes.push(warning(`${why}; continuing with the smoke-command input.`));
      }
      return resolve(c, sha, commitMessage, discovery, notes);
    },
    { group: 'Resolution' },
  );
}

async function resolve(
  c: ModeContext,
  sha: Sha,
  commitMessage: string,
  discovery: PrDiscovery,
  notes: Note[],
) {
  const s = c.settings;
  const facts = { prNumber: discovery.number, prDiscovery: discovery.conclusion };
  try {
    const outcome = await resolveCommand({
      smokeCommand: s.smokeCommand,
      profile: s.profile,
      taskId: s.taskId,
      taskIdPattern: s.taskIdPattern,
      registryPath: s.registryPath,
      taskPath: s.taskPath,
      prBodyCommand: s.prBodyCommand,
      commitMessage,
      pr: discovery.pr,
      loadPrEditTimes: () =>
        c.api && discovery.number !== null
          ? c.api.getPullEditTimes(discovery.number)
          : Promise.resolve({ lastEditedAt: null, mergedAt: null }),
      tree: new GitTreeReader(c.git, sha),
      taskFileOverride: c.taskFileOverride,
    });
    const learned = {
      facts: { ...facts, taskId: outcome.taskId, profile: outcome.profile },
      notes: [...notes, ...outcome.notes.map(info)],
    };
    return next<Metadata>({ discovery, outcome }, learned);
  } catch (e) {
    if (!(e instanceof ResolveInfraError)) throw e;
    const learned = { facts: { ...facts, taskId: e.context.taskId, profile: e.context.profile }, notes };
    return stop('ERROR', e.reason, e.message, learned);
  }
}
