// The CLI behaves like a local tool (issue 11, point 2), run as a user runs it against real repositories:
// the base branch is the remote's default; a mistake of the user is exit 2 naming the flag and writes
// nothing; a plan publishes nothing, reports what --apply would refuse, and never unshallows a clone.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, GitFixture } from '../support/git-fixture.js';
import { cli, lastLine, runFolders, writtenInto } from './support.js';

const REGISTRY = `version: 1
profiles:
  quick:
    command: node -e "console.log('quick smoke')"
tasks:
  task-7: quick
`;

describe('the base branch defaults to the remote default branch', () => {
  const fixtures: GitFixture[] = [];
  afterAll(() => fixtures.forEach((f) => f.cleanup()));
  const repoOn = (branch: string) => {
    const fx = GitFixture.create(branch);
    fixtures.push(fx);
    fx.commit('task-7: x', { '.github/post-merge-smoke.yml': REGISTRY });
    fx.push(`HEAD:${branch}`);
    return fx;
  };

  it.each(['master', 'latest'])('origin/HEAD → %s', (branch) => {
    const fx = repoOn(branch);
    const r = cli(['run', '--no-audit', '--json'], fx.work);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ base_branch: branch, stale: false, profile: 'quick' });
    expect(writtenInto(fx.work)).toBe('');
  });

  it('without origin/HEAD: the only one of main and master, else a usage error naming --base-branch', () => {
    const master = repoOn('master');
    git(master.work, 'remote', 'set-head', 'origin', '--delete');
    expect(JSON.parse(cli(['run', '--no-audit', '--json'], master.work).stdout)).toMatchObject({
      base_branch: 'master',
    });
    const trunk = repoOn('trunk');
    git(trunk.work, 'remote', 'set-head', 'origin', '--delete');
    const r = cli(['run', '--no-audit'], trunk.work);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /cannot tell the base branch: .*; pass --base-branch <name>\nhint: set it with git remote set-head origin --auto\n$/,
    );
    expect(
      JSON.parse(cli(['run', '--no-audit', '--json', '--base-branch', 'trunk'], trunk.work).stdout),
    ).toMatchObject({
      base_branch: 'trunk',
    });
  });
});

describe('a local mistake is a usage error (exit 2) that names the flag and writes nothing', () => {
  let fx: GitFixture;
  beforeAll(() => {
    fx = GitFixture.create('master');
    fx.commit('task-7: x', { '.github/post-merge-smoke.yml': REGISTRY });
    fx.push('HEAD:master');
  });
  afterAll(() => fx.cleanup());

  it.each([
    [
      ['--merge-commit', 'ab'.repeat(20)],
      /^post-merge-smoke run: --merge-commit: commit abab.* exists neither in the local repository nor on remote 'origin'\.$/,
    ],
    [
      ['--merge-commit', 'no-such-branch'],
      /^post-merge-smoke run: --merge-commit: 'no-such-branch' is neither a full commit SHA nor a ref/,
    ],
    [
      ['--base-branch', 'main'],
      /^hint: See the remote's branches with git ls-remote --heads origin, and pass one with --base-branch\.$/,
    ],
    [
      ['--profile', 'quik'],
      /^post-merge-smoke run: Profile 'quik' \(selected by --profile\) is not defined in \.github\/post-merge-smoke\.yml; known profiles: quick\.$/,
    ],
    [['--task-id', 'T-1'], /^post-merge-smoke run: --task-id is 'T-1'; it does not match task-id-pattern/],
  ])('%j', (flags, message) => {
    for (const apply of [[], ['--apply']]) {
      const r = cli(['run', ...apply, '--no-audit', ...flags], fx.work);
      expect([r.code, lastLine(r.stderr)]).toEqual([2, expect.stringMatching(message)]);
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toMatch(/Critical #7|Input '/);
      expect(writtenInto(fx.work)).toBe('');
    }
  });
});

describe('a plan publishes nothing, and says what --apply would do', () => {
  let fx: GitFixture;
  let sha: string;
  beforeAll(() => {
    fx = GitFixture.create();
    sha = fx.commit('no task here', { '.github/post-merge-smoke.yml': REGISTRY });
    fx.push();
  });
  afterAll(() => fx.cleanup());

  it('no command: exit 1 with the verdict --apply would give, a hint, no packet, nothing written', () => {
    const r = cli(['run', '--no-audit'], fx.work);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^PLAN {2}nothing was executed; --apply would end BLOCKED no_command: .*No smoke command resolved/,
    );
    expect(r.stdout).toMatch(
      /\nhint: Nothing defines a smoke for this commit: .* --dry-run makes this SKIPPED\.\n$/,
    );
    expect(r.stdout + r.stderr).not.toMatch(/packet|Critical #7/);
    expect(writtenInto(fx.work)).toBe('');
    // --dry-run: --apply would give SKIPPED, which succeeds.
    expect(cli(['run', '--no-audit', '--dry-run'], fx.work).code).toBe(0);
  });

  it('as JSON: the SmokeResult --apply would give, marked as not published', () => {
    const r = cli(['run', '--no-audit', '--json'], fx.work);
    expect(JSON.parse(r.stdout)).toMatchObject({
      status: 'BLOCKED',
      reason: 'no_command',
      reporting: { artifact: 'skipped: a plan' },
    });
  });

  it('HEAD elsewhere and uncommitted changes: the plan lists both, --apply refuses, --allow-dirty runs and says so', () => {
    writeFileSync(join(fx.work, 'scratch.txt'), 'local edit\n');
    const plan = cli(['run', '--no-audit', '--json', '--smoke-command', 'node -e 0'], fx.work);
    expect(plan.code).toBe(2);
    expect(JSON.parse(plan.stdout).apply_refusals).toEqual([
      expect.stringMatching(
        /^The working tree has uncommitted changes \(scratch\.txt\): .* pass --allow-dirty\.$/,
      ),
    ]);
    const refused = cli(['run', '--apply', '--no-audit', '--smoke-command', 'node -e 0'], fx.work);
    expect([refused.code, refused.stdout]).toEqual([2, '']);
    expect(lastLine(refused.stderr)).toMatch(/uncommitted changes \(scratch\.txt\)/);
    expect(runFolders(fx.work)).toEqual([]);

    const allowed = cli(
      ['run', '--apply', '--allow-dirty', '--json', '--smoke-command', 'node -e 0'],
      fx.work,
    );
    expect(allowed.code).toBe(0);
    expect(JSON.parse(allowed.stdout)).toMatchObject({
      status: 'PASS',
      message: expect.stringMatching(
        /Ran with --allow-dirty on uncommitted changes \(scratch\.txt\): not the verdict of [0-9a-f]{12} alone\.$/,
      ),
    });
    const audit = readFileSync(join(fx.work, '.post-merge-smoke', 'audit.jsonl'), 'utf8')
      .trim()
      .split('\n');
    expect(JSON.parse(audit.at(-1)!)).toMatchObject({ status: 'PASS', dirty_files: ['scratch.txt'] });

    fx.commit('a local commit, not pushed', {});
    const elsewhere = cli(
      ['run', '--no-audit', '--merge-commit', sha, '--allow-dirty', '--smoke-command', 'x'],
      fx.work,
    );
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stdout).toMatch(/refuses: +The repository is at [0-9a-f]{12}, not at the merge commit/);
  });
});

describe('STALE, shallow clones and run folders', () => {
  let fx: GitFixture;
  let old: string;
  beforeAll(() => {
    fx = GitFixture.create();
    old = fx.commit('task-7: first', { '.github/post-merge-smoke.yml': REGISTRY });
    fx.push();
    const other = fx.clone('other');
    fx.commit('task-7: second', { 'a.txt': 'a' }, other);
    fx.commit('task-7: third', { 'b.txt': 'b' }, other);
    fx.push('HEAD:main', other);
  });
  afterAll(() => fx.cleanup());

  it('a local STALE explains --on-stale run, which plans the commit anyway', () => {
    const r = cli(['run', '--no-audit'], fx.work);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--apply would end STALE superseded: .*contains merge commit [0-9a-f]{40}\.\n/);
    expect(r.stdout).not.toContain('a newer run');
    expect(lastLine(r.stdout)).toMatch(
      /^hint: Nothing else tests [0-9a-f]{12} here: .*--merge-commit origin\/main, or pass --on-stale run/,
    );
    const anyway = cli(['run', '--no-audit', '--on-stale', 'run', '--json'], fx.work);
    expect(JSON.parse(anyway.stdout)).toMatchObject({
      stale: true,
      smoke_command: expect.stringContaining('quick smoke'),
    });
  });

  it('a plan never unshallows a shallow clone; --apply does, and says so', () => {
    const shallow = join(fx.root, 'shallow');
    git(fx.root, 'clone', '-q', '--depth', '1', `file://${fx.origin}`, shallow);
    const plan = cli(['run', '--no-audit', '--merge-commit', old], shallow);
    // A shallow clone cannot tell how the commit relates to the branch: the plan says so, and does not guess.
    expect(plan.stdout).toMatch(/--apply would end ERROR git_failed: .*cannot be told in this shallow clone/);
    expect(lastLine(plan.stdout)).toMatch(/A plan does not complete a shallow clone's history; --apply does/);
    expect(git(shallow, 'rev-parse', '--is-shallow-repository')).toBe('true');
    expect(writtenInto(shallow)).toBe('');

    const applied = cli(['run', '--apply', '--no-audit', '--merge-commit', old], shallow);
    expect(applied.stdout).toMatch(/^STALE {2}superseded/);
    expect(applied.stderr).toMatch(
      /note: This is a shallow clone: its history was fetched \(git fetch --unshallow\)/,
    );
    expect(git(shallow, 'rev-parse', '--is-shallow-repository')).toBe('false');
  });

  it(`keeps the newest 20 run folders`, () => {
    git(fx.work, 'pull', '-q', '--ff-only');
    const runs = join(fx.work, '.post-merge-smoke', 'runs');
    const old = Array.from(
      { length: 25 },
      (_, i) => `2020-01-${String(i + 1).padStart(2, '0')}T00-00-00-000Z`,
    );
    for (const name of old) mkdirSync(join(runs, name), { recursive: true });
    const r = cli(['run', '--apply', '--no-audit', '--smoke-command', 'node -e 0'], fx.work);
    expect(r.code).toBe(0);
    const kept = runFolders(fx.work).sort();
    expect(kept).toHaveLength(20);
    expect(kept.slice(0, 19)).toEqual(old.slice(6));
    expect(existsSync(join(runs, kept[19]!, 'smoke-result.json'))).toBe(true);
  });
});
