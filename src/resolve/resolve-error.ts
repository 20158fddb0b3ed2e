// An infrastructure failure during resolution (git could not read the tree, the API could not tell the PR's
// edit times). Not a verdict on the metadata: the pipeline turns it into ERROR `git_failed` / `api_failed`.
// It carries the selectors found so far so the result can still name the task.
import type { ResolveContext } from './types.js';

export class ResolveInfraError extends Error {
  constructor(
    readonly reason: 'git_failed' | 'api_failed',
    message: string,
    readonly context: ResolveContext,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'ResolveInfraError';
  }
}
