// The CLI's git: the choke point, with one local rule on top. A plan never turns a shallow clone into a full
// one (it refuses `git fetch --unshallow`, and says so); --apply may, but never silently.
// When the freshness check gets an option that forbids unshallowing, this wrapper can go.
import type { Git, GitResult, GitRunOptions } from '../adapters/git.js';
import type { Log } from '../sinks/index.js';

export class LocalGit implements Git {
  /** A plan refused to unshallow the clone (its freshness verdict may rest on cut history). */
  unshallowRefused = false;

  constructor(
    private readonly inner: Git,
    private readonly unshallow: 'refuse' | 'announce',
    private readonly log: Log,
  ) {}

  get cwd(): string {
    return this.inner.cwd;
  }

  run(args: readonly string[], options?: GitRunOptions): Promise<GitResult> {
    if (args[0] === 'fetch' && args.includes('--unshallow')) {
      if (this.unshallow === 'refuse') {
        this.unshallowRefused = true;
        return Promise.resolve({
          exitCode: 128,
          stdout: '',
          stderr: 'fatal: a plan does not unshallow the clone (post-merge-smoke)',
          truncated: false,
        });
      }
      this.log.notice(
        'This is a shallow clone: fetching its history to see how the commit relates to the branch (git fetch --unshallow).',
      );
    }
    return this.inner.run(args, options);
  }
}
