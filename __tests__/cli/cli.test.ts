// The CLI as a user runs it: the bundled dist/cli/index.js in a subprocess, against a real repository.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitFixture } from '../support/git-fixture.js';
import { cli, lastLine } from './support.js';
// The CLI's default shell is pwsh on Windows and bash elsewhere: commands that mean the same in both.
const PORTABLE_TRUE = 'node -e 0';
const PORTABLE_EXIT_4 = 'node -e "process.exit(4)"';

function schemaValidator(name: string) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(join(process.cwd(), 'schemas', name), 'utf8')));
  return (doc: unknown) => {
    const ok = validate(doc);
    return ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
}

const REGISTRY = `version: 1
profiles:
  quick:
    command: node -e "require('fs').writeFileSync('ran.txt', 'yes'); console.log('smoke ran')"
default: quick
`;

describe('post-merge-smoke CLI', () => {
  let fx: GitFixture;
  let sha: string;
  beforeAll(() => {
    fx = GitFixture.create();
    // The smoke leaves ran.txt behind; ignored, it does not make the tree dirty for the next --apply.
    sha = fx.commit('task-2512: smoke runner (#71)', {
      '.github/post-merge-smoke.yml': REGISTRY,
      '.gitignore': 'ran.txt\n',
    });
    fx.push();
  });
  afterAll(() => fx.cleanup());

  it('prints help for the tool and each command', () => {
    const main = cli(['--help'], fx.work);
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/commands:\n {2}validate .*\n {2}run .*\n {2}replay/);
    expect(cli(['run', '--help'], fx.work).stdout).toMatch(
      /--apply[\s\S]*action inputs[\s\S]*--merge-commit <sha\|ref>[\s\S]*exit codes/,
    );
    expect(cli(['replay', '-h'], fx.work).stdout).toMatch(/usage: post-merge-smoke replay <fixture-dir>/);
    expect(cli(['validate', '-h'], fx.work).stdout).toMatch(/--worktree[\s\S]*--task-path <template>/);
  });

  it('prints its version', () => {
    const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { version: string };
    expect(cli(['--version'], fx.work)).toEqual({
      code: 0,
      stdout: `post-merge-smoke ${pkg.version}\n`,
      stderr: '',
    });
  });

  it('says "did you mean" on the last line of a usage error, after one line of usage', () => {
    const r = cli(['run', '--aply'], fx.work);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^usage: post-merge-smoke run .*--help lists every option\)$/),
      "post-merge-smoke run: unknown option '--aply'; did you mean --apply?",
    ]);
  });

  it.each([
    [['--aply'], "post-merge-smoke: '--aply' before a command; did you mean 'post-merge-smoke run --apply'?"],
    [['run', '-c', '.'], "post-merge-smoke run: unknown option '-c'; did you mean -C?"],
  ])('ends %j with the nearest flag, wherever it was given', (args, last) => {
    const r = cli(args, fx.work);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^usage: post-merge-smoke /),
      last,
    ]);
  });

  // In 0.1 --repo named the directory; a path given to it now points at --dir / -C, even outside a repository.
  it.each([
    ['a relative path', '../elsewhere', /--repo is '\.\.\/elsewhere'; it is not a repository name/],
    ['an absolute path', '/srv/app', /--repo is '\/srv\/app'; it is not a repository name/],
    ['a directory here', 'nested', /--repo is 'nested'; it is not a repository name/],
    ['a directory here in owner/name form', 'nested/app', /--repo needs a token for the GitHub API/],
  ])('says that --repo takes owner/name and the directory is -C, for %s', (_, value, message) => {
    // Empty folders: git does not see them, so the tree stays clean for the other tests.
    mkdirSync(join(fx.work, 'nested', 'app'), { recursive: true });
    try {
      const r = cli(['run', '--repo', value], fx.work);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(lastLine(r.stderr)).toBe(
        `hint: since 0.2 --repo takes owner/name (for API lookups); the repository directory is --dir <dir> or -C <dir>: did you mean -C ${value}?`,
      );
    } finally {
      rmSync(join(fx.work, 'nested'), { recursive: true, force: true });
    }
  });

  it('gives the --repo hint when the current directory is not a repository', () => {
    const outside = mkdtempSync(join(tmpdir(), 'pms-no-repo-'));
    try {
      const r = cli(['run', '--repo', fx.work], outside, { GIT_CEILING_DIRECTORIES: tmpdir() });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/the current directory \(.*\) is not inside a git repository\n/);
      expect(lastLine(r.stderr)).toMatch(/^hint: since 0\.2 --repo takes owner\/name .*did you mean -C /);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('does not give the --repo hint for an owner/name', () => {
    const r = cli(['run', '--repo', 'octo/app'], fx.work);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/hint:/);
  });

  it.each([
    [['run', '--merge-commit', 'HEAD', '--frobnicate'], /unknown option '--frobnicate'/],
    [['run', '--repo', 'octo/repo'], /--repo needs a token for the GitHub API: set GH_TOKEN/],
    [['run', '--repo', 'not a repo'], /--repo is 'not a repo'; it is not a repository name/],
    [['run', '-C', 'no/such/dir'], /--dir no\/such\/dir: no such directory/],
    [
      ['run', '--merge-commit', 'HEAD', '--timeout-seconds', 'soon'],
      /--timeout-seconds is 'soon'; expected a number/,
    ],
    [
      ['run', '--merge-commit', 'HEAD', '--on-stale', 'maybe'],
      /--on-stale is 'maybe'; accepted values: skip, run, fail/,
    ],
    [['run', '--merge-commit', 'HEAD', '--json=yes'], /--json takes no value/],
    [['deploy'], /unknown command 'deploy'/],
    [['replay'], /a fixture directory is required/],
    [['replay', 'no/such/fixture'], /is not a replay fixture: fixture.json is missing/],
  ])('exits 2 with a clear message on a usage error: %j', (args, message) => {
    const r = cli(args, fx.work);
    expect(r.code).toBe(2);
    expect(lastLine(r.stderr)).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('plans without executing, then runs with --apply', () => {
    const plan = cli(['run', '--no-audit'], fx.work);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/^PLAN {2}nothing was executed/);
    expect(plan.stdout).toContain(`commit        ${sha}`);
    expect(plan.stdout).toMatch(/source +registry/);
    expect(existsSync(join(fx.work, 'ran.txt'))).toBe(false);

    const applied = cli(['run', '--merge-commit', 'HEAD', '--apply', '--no-audit'], fx.work);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('smoke ran');
    expect(applied.stdout).toMatch(/^PASS {2}exit_zero/m);
    expect(readFileSync(join(fx.work, 'ran.txt'), 'utf8')).toBe('yes');
  });

  it('prints JSON that is valid against schemas/ (plan and result)', () => {
    const plan = cli(['run', '--merge-commit', sha, '--json', '--no-audit'], fx.work);
    expect(plan.code).toBe(0);
    const planDoc = JSON.parse(plan.stdout);
    expect(schemaValidator('smoke-plan.schema.json')(planDoc)).toEqual([]);
    expect(planDoc).toMatchObject({
      applied: false,
      base_branch: 'main',
      apply_refusals: [],
      merge_commit: sha,
      command_source: 'registry',
      profile: 'quick',
    });

    const run = cli(['run', '--merge-commit', sha, '--json', '--apply', '--no-audit'], fx.work);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout); // stdout holds the JSON only; the command's output went to stderr
    expect(run.stderr).toContain('smoke ran');
    expect(schemaValidator('smoke-result.schema.json')(result)).toEqual([]);
    expect(result).toMatchObject({ status: 'PASS', merge_commit: sha, task_id: 'task-2512', pr_number: 71 });
  });

  it('exits 1 with a packet on a failing smoke, and the packet is valid against schemas/', () => {
    const r = cli(
      ['run', '--merge-commit', sha, '--apply', '--no-audit', '--smoke-command', PORTABLE_EXIT_4],
      fx.work,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^FAIL {2}exit_nonzero/);
    const packetPath = /packet +(\S+) \(Critical #7 POST_MERGE_SMOKE_FAILED\)/.exec(r.stdout)![1];
    const packet = JSON.parse(readFileSync(packetPath, 'utf8'));
    expect(schemaValidator('escalation-packet.schema.json')(packet)).toEqual([]);
    expect(packet).toMatchObject({
      critical_no: 7,
      escalation_type: 'POST_MERGE_SMOKE_FAILED',
      merge_commit: sha,
    });
  });

  it('appends one audit line per run, and none with --no-audit', () => {
    const audit = join(fx.work, '.post-merge-smoke', 'audit.jsonl');
    const lines = () =>
      existsSync(audit) ? readFileSync(audit, 'utf8').trim().split('\n').filter(Boolean) : [];
    const before = lines().length;
    expect(cli(['run', '--merge-commit', sha], fx.work).code).toBe(0);
    expect(lines()).toHaveLength(before + 1);
    expect(JSON.parse(lines().at(-1)!)).toMatchObject({
      command: 'run',
      applied: false,
      status: 'PLAN',
      merge_commit: sha,
    });
    expect(
      cli(['run', '--merge-commit', sha, '--apply', '--smoke-command', PORTABLE_TRUE], fx.work).code,
    ).toBe(0);
    expect(JSON.parse(lines().at(-1)!)).toMatchObject({
      applied: true,
      status: 'PASS',
      command_source: 'input',
    });
    expect(cli(['run', '--merge-commit', sha, '--no-audit'], fx.work).code).toBe(0);
    expect(lines()).toHaveLength(before + 2);
    // The audit folder never shows up as untracked in the developer's repository.
    expect(readFileSync(join(fx.work, '.post-merge-smoke', '.gitignore'), 'utf8')).toBe('*\n');
  });

  it('reads --task-file from disk', () => {
    const taskFile = join(fx.root, 'task-2512.md');
    writeFileSync(taskFile, '# task-2512\n\n```yaml\nsmoke_command: echo from the task file\n```\n');
    const r = cli(['run', '--merge-commit', sha, '--task-file', taskFile, '--json', '--no-audit'], fx.work);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      smoke_command: 'echo from the task file',
      command_source: 'task-file',
    });
  });

  it('does not move a checkout that is elsewhere: it refuses, exit 2, and writes nothing', () => {
    const other = fx.clone('elsewhere');
    fx.commit('next', { 'b.txt': 'b' }, other);
    const r = cli(
      ['run', '--merge-commit', sha, '--apply', '--no-audit', '--smoke-command', PORTABLE_TRUE],
      other,
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(lastLine(r.stderr)).toMatch(
      /^post-merge-smoke run: The repository is at [0-9a-f]{12}, not at the merge commit [0-9a-f]{12}; check it out first/,
    );
    expect(existsSync(join(other, '.post-merge-smoke'))).toBe(false);
  });

  it('replays a fixture: the README main job', () => {
    const r = cli(['replay', join(process.cwd(), 'fixtures', 'replay', 'task-2507')], fx.work);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('10/10 PASS');
    expect(r.stdout).toMatch(/✔ task-2507: the result matches the fixture's expected result/);
  });
});
