// Git, as the rest of the program sees it: a vocabulary of verbs (GitRepository) over one transport that
// bounds every git process in time. See git/transport.ts (the choke point), git/vocabulary.ts (the verbs),
// git/cli-repository.ts (the verbs on the git CLI).
import { CliGitRepository } from './git/cli-repository.js';
import type { GitRunOptions, GitRunResult } from './git/transport.js';
import type { GitRepository } from './git/vocabulary.js';

export * from './git/vocabulary.js';
export {
  DEFAULT_GIT_TIMEOUT_MS,
  GitProcessTransport,
  hardenedGitEnv,
  type GitProcessTransportOptions,
  type GitRunOptions,
  type GitRunResult,
  type GitTransport,
} from './git/transport.js';
export {
  authEnv,
  CliGitRepository,
  GIT_DEADLINES_MS,
  type CliGitRepositoryOptions,
} from './git/cli-repository.js';
export { gitFailure } from './git/output.js';

/**
 * @deprecated The verbs plus raw `run(args)`, for callers not yet moved to verbs (pipeline, CLI, replay):
 * `run(['log', '-1', '--format=%B', sha])` → `commitMessage(sha)`, `run(['rev-parse', 'HEAD'])` → `head()`,
 * `run(['rev-parse', '--show-toplevel'])` → `worktreeRoot()`. Building fixture repositories (init, add,
 * commit, push) belongs on a GitTransport.
 */
export interface Git extends GitRepository {
  run(args: readonly string[], options?: GitRunOptions): Promise<GitRunResult>;
}

/** @deprecated `new CliGitRepository(cwd, { env })` for the verbs; `new GitProcessTransport(cwd, { env })` for raw calls. */
export class GitCli extends CliGitRepository implements Git {
  constructor(cwd: string, env: NodeJS.ProcessEnv = process.env, gitPath = 'git') {
    super(cwd, { env, gitPath });
  }

  run(args: readonly string[], options?: GitRunOptions): Promise<GitRunResult> {
    return this.transport.run(args, options);
  }
}
