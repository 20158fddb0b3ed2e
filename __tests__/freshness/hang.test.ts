// The remote that never answers (SPEC §5, bounded time): `origin` is an HTTP remote on 127.0.0.1 that accepts
// connections and says nothing, there is no token. git-remote-http would hold git's stderr open forever; the
// gate must end in ERROR head_unreachable within its budget with no git process of ours left running.
// Wall-clock figures live in bench/git-hang.mjs, not here.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { CliGitRepository } from '../../src/adapters/git.js';
import { checkFreshness, readHeadAfter } from '../../src/freshness/index.js';
import type { FreshnessInput } from '../../src/freshness/types.js';
import { git, GitFixture, liveProcessesCarrying, MAIN, ORIGIN } from '../support/git-fixture.js';
import { SilentServer } from '../support/silent-server.js';

describe('the freshness gate against a remote that never answers', () => {
  let fx: GitFixture;
  let server: SilentServer;
  let marker: string;

  const input = (gitRepo: CliGitRepository, over: Partial<FreshnessInput> = {}): FreshnessInput => ({
    git: gitRepo,
    api: null,
    remote: ORIGIN,
    baseBranch: MAIN,
    mergeCommit: fx.head(),
    retry: { delaysMs: [5, 5] },
    ...over,
  });

  /** The git verbs with a marker in their environment, so every process they start can be found. */
  const verbs = (deadlinesMs = {}) =>
    new CliGitRepository(fx.work, { env: { ...process.env, [marker]: '1' }, deadlinesMs });

  beforeEach(async () => {
    fx = GitFixture.create('main', 'pms-hang-');
    fx.commit('Add feature (#12)', { 'feature.txt': 'f\n' });
    fx.push();
    server = new SilentServer();
    git(fx.work, 'remote', 'set-url', 'origin', `${await server.start()}/octo/repo.git`);
    marker = `PMS_HANG_${randomUUID().replace(/-/g, '_')}`;
  });

  afterEach(async () => {
    for (const p of liveProcessesCarrying(marker)) process.kill(p.pid, 'SIGKILL');
    await server.stop();
    fx.cleanup();
  });

  it('ends in ERROR head_unreachable when the budget runs out, killing git and git-remote-http', async () => {
    const v = await checkFreshness(input(verbs(), { budgetMs: 2_000 }));
    expect(v).toMatchObject({ kind: 'error', reason: 'head_unreachable', originHead: null, via: 'git' });
    expect(v.message).toContain('the freshness budget of 2 s ran out');
    expect(liveProcessesCarrying(marker)).toEqual([]);
  });

  it('retries ls-remote at its own deadline, then ends in ERROR head_unreachable with nothing left', async () => {
    const v = await checkFreshness(input(verbs({ lsRemote: 1_500 }), { retry: { delaysMs: [5] } }));
    expect(v).toMatchObject({ kind: 'error', reason: 'head_unreachable', via: 'git' });
    expect(v.message).toMatch(
      /after 2 tries: git ls-remote origin refs\/heads\/main timed out after 1500 ms\.$/,
    );
    // git-remote-http did connect: it was the one holding git's stderr.
    expect(server.connections).toBeGreaterThanOrEqual(1);
    expect(liveProcessesCarrying(marker)).toEqual([]);
  });

  it('reads no head after the command (null) within the same budget', async () => {
    await expect(readHeadAfter(input(verbs(), { budgetMs: 1_000 }))).resolves.toBeNull();
    expect(liveProcessesCarrying(marker)).toEqual([]);
  });
});
