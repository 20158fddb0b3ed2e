// The freshness gate (SPEC §5): is the merge commit exactly the head of the base branch on the remote?
import { observeViaApi, observeViaGit, type Observation, type ObserveTarget } from './observe.js';
import { tryCount, waitBeforeTry } from './retry.js';
import type { FreshnessInput, FreshnessVerdict, HeadSource } from './types.js';

/** Worth looking again: no answer, or an answer that can be the API lagging behind a push. */
function worthRetrying(o: Observation): boolean {
  return (
    o.kind === 'transient' || (o.kind === 'head' && (o.relation === 'behind' || o.relation === 'unknown'))
  );
}

function where(input: FreshnessInput, via: HeadSource): string {
  return via === 'api' && input.api
    ? `branch '${input.baseBranch}' of ${input.api.repository} (GitHub API)`
    : `branch '${input.baseBranch}' on remote '${input.remote}' (git ls-remote)`;
}

function times(n: number): string {
  return n === 1 ? 'once' : `${n} times`;
}

export async function checkFreshness(input: FreshnessInput): Promise<FreshnessVerdict> {
  const target: ObserveTarget = {
    remote: input.remote,
    baseBranch: input.baseBranch,
    mergeCommit: input.mergeCommit.toLowerCase(),
  };
  const api = input.api;
  let via: HeadSource = api ? 'api' : 'git';
  const observe = (): Promise<Observation> =>
    api ? observeViaApi(api, target) : observeViaGit(input.git, target);

  const tries = tryCount(input.retry);
  let last: Observation = { kind: 'transient', error: 'not tried' };
  for (let attempt = 0; attempt < tries; attempt++) {
    await waitBeforeTry(input.retry, attempt);
    last = await observe();
    if (!worthRetrying(last)) break;
  }

  // The API kept answering "behind" (or did not know the merge commit): ask git, which is authoritative.
  let recheck = '';
  if (api && last.kind === 'head' && (last.relation === 'behind' || last.relation === 'unknown')) {
    const byGit = await observeViaGit(input.git, target);
    if (byGit.kind === 'head') {
      last = byGit;
      via = 'git';
      recheck = ', confirmed with git ls-remote';
    } else {
      recheck = `; the git ls-remote re-check failed (${byGit.kind === 'transient' ? byGit.error : byGit.kind === 'fatal' ? byGit.message : 'branch not found'})`;
    }
  }

  return verdictFrom(last, input, target, via, tries, recheck);
}

function verdictFrom(
  o: Observation,
  input: FreshnessInput,
  t: ObserveTarget,
  via: HeadSource,
  tries: number,
  recheck: string,
): FreshnessVerdict {
  const branch = where(input, via);
  const merge = t.mergeCommit;
  switch (o.kind) {
    case 'missing':
      return {
        kind: 'blocked',
        reason: 'invalid_input',
        originHead: null,
        via,
        message: `Input 'base-branch': ${branch} does not exist, so merge commit ${merge} cannot be checked against it.`,
      };
    case 'transient':
      return {
        kind: 'error',
        reason: 'head_unreachable',
        originHead: null,
        via,
        message: `Could not read the head of ${branch} after ${tries} ${tries === 1 ? 'try' : 'tries'}: ${o.error.replace(/[.\s]+$/, '')}.`,
      };
    case 'fatal':
      return { kind: 'error', reason: o.reason, originHead: o.head, via, message: o.message };
    case 'head':
      switch (o.relation) {
        case 'identical':
          return {
            kind: 'fresh',
            originHead: o.head,
            via,
            message: `Merge commit ${merge} is the head of ${branch}.`,
          };
        case 'ahead':
          return {
            kind: 'stale',
            reason: 'superseded',
            originHead: o.head,
            via,
            message: `The head of ${branch} has moved on to ${o.head}, which contains merge commit ${merge}: a newer run covers the newer head.`,
          };
        case 'diverged':
          return {
            kind: 'stale',
            reason: 'diverged',
            originHead: o.head,
            via,
            message: `The head of ${branch} is ${o.head}, which neither contains merge commit ${merge} nor precedes it: the branch was force-pushed.`,
          };
        case 'behind':
          return {
            kind: 'stale',
            reason: 'rewound',
            originHead: o.head,
            via,
            message: `The head of ${branch} is ${o.head}, an ancestor of merge commit ${merge} (seen ${times(tries)}${recheck}): the branch was reset to before this merge.`,
          };
        case 'unknown':
          return {
            kind: 'error',
            reason: 'api_failed',
            originHead: o.head,
            via,
            message: `The GitHub API does not know merge commit ${merge} (compare with head ${o.head} answered 404 ${times(tries)})${recheck}, so it may never have been pushed to ${input.api?.repository ?? input.remote}.`,
          };
      }
  }
}
