// The head once more after the command ran (SPEC §5, `origin_head_after`): best effort, never throws.
import { isTransientApiError, lsRemoteHead } from './observe.js';
import { tryCount, waitBeforeTry } from './retry.js';
import type { FreshnessInput } from './types.js';

/** The head of the base branch now (API when available, else git ls-remote); null when it cannot be read. */
export async function readHeadAfter(input: FreshnessInput): Promise<string | null> {
  const tries = tryCount(input.retry);
  for (let attempt = 0; attempt < tries; attempt++) {
    try {
      await waitBeforeTry(input.retry, attempt);
      const head = input.api
        ? await input.api.getBranchHead(input.baseBranch)
        : await lsRemoteHead(input.git, input.remote, input.baseBranch);
      return head === null ? null : head.toLowerCase();
    } catch (e) {
      // A permission problem or a bug will not go away by asking again.
      if (input.api && !isTransientApiError(e)) return null;
    }
  }
  return null;
}
