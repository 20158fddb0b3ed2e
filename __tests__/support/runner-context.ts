// The runner context of a push to main of octo/repo, with no reachable API: tests state only where it runs
// and what they care about (the run id, the attempt).
import type { Repository } from '../../src/domain/index.js';
import type { RunnerContext } from '../../src/settings/index.js';

export function pushRunner(
  sha: string,
  over: Partial<RunnerContext> & Pick<RunnerContext, 'workspace' | 'runnerTemp'>,
): RunnerContext {
  return {
    eventName: 'push',
    event: { after: sha, ref: 'refs/heads/main' },
    sha,
    ref: 'refs/heads/main',
    repository: 'octo/repo' as Repository,
    serverUrl: 'https://github.com',
    apiUrl: 'http://127.0.0.1:9',
    graphqlUrl: 'http://127.0.0.1:9/graphql',
    runId: '100',
    runAttempt: 1,
    os: 'Linux',
    ...over,
  };
}
