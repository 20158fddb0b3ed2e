// `post-merge-smoke run --all-profiles --jobs N`: the fan-out on one machine, through the bundled CLI on
// real repositories. Concurrency is shown by events (profiles that wait for each other, a lock only one may
// hold), never by timing; Ctrl-C is checked by the pids of every smoke tree.
import { afterEach, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { linePrefixer } from '../../src/cli/all-profiles.js';
import { SmokeResult } from '../../src/contracts.js';
import { killAll, readPids, sq, survivors, waitFor } from '../e2e/harness.js';
import { GitFixture } from '../support/git-fixture.js';
import { CLI, cli, runFolders } from './support.js';

const REGISTRY = '.github/post-merge-smoke.yml';
const posix = process.platform === 'win32' ? describe.skip : describe;

let fx: GitFixture | null = null;
let leftovers: number[] = [];
afterEach(() => {
  killAll(leftovers);
  leftovers = [];
  fx?.cleanup();
  fx = null;
});

/**
 * The registry defines `profiles` (name → definition) in one commit; the merge commit on top changes `files`.
 * Everything is pushed: the merge commit is the head of main.
 */
function setUp(f: GitFixture, profiles: Record<string, string>, files: Record<string, string> = {}): void {
  const lines = Object.entries(profiles).map(([name, rest]) => `  ${name}: ${rest}`);
  f.commit('Set the registry', { [REGISTRY]: ['version: 1', 'profiles:', ...lines, ''].join('\n') });
  f.commit('Merge the change', files);
  f.push();
}

const command = (script: string, extra = '') => `{ command: ${JSON.stringify(script)}${extra} }`;

function latestRun(f: GitFixture): string {
  const runs = runFolders(f.work).sort();
  return join(f.work, '.post-merge-smoke', 'runs', runs.at(-1)!);
}

posix('run --all-profiles', () => {
  it('runs every profile in its own shard, folds them, prints a table per profile; the folded status exits', () => {
    fx = GitFixture.create();
    setUp(fx, {
      api: command('echo api works'),
      web: command('echo web broke; echo stack trace >&2; exit 3'),
      docs: command('echo docs built'),
    });
    const r = cli(['run', '--all-profiles', '--jobs', '2', '--apply', '--no-audit'], fx.work);
    expect([r.code, r.stderr]).toEqual([1, expect.any(String)]);
    // Each profile's output, prefixed with its name.
    expect(r.stdout).toContain('api | api works\n');
    expect(r.stdout).toContain('web | web broke\n');
    expect(r.stdout).toContain('web | stack trace\n');
    expect(r.stdout).toMatch(
      /^FAIL {2}exit_nonzero: 1 of 3 profiles did not pass: web FAIL \(exit_nonzero\)\. web: /m,
    );
    expect(r.stdout).toMatch(
      / {4}profile +status +reason +exit +time\n {4}api +PASS +exit_zero +0 .*\n {4}web +FAIL +exit_nonzero +3 .*\n {4}docs +PASS/,
    );
    // The folded result is published like a run's; each profile's result sits in its own folder.
    const run = latestRun(fx);
    const folded = SmokeResult.parse(JSON.parse(readFileSync(join(run, 'smoke-result.json'), 'utf8')));
    expect(folded).toMatchObject({ mode: 'run', status: 'FAIL', profile: 'web', exit_code: 3 });
    expect(folded.profiles?.map((p) => p.profile)).toEqual(['api', 'web', 'docs']);
    expect(existsSync(join(run, 'escalation', 'escalation-packet.json'))).toBe(true);
    expect(readdirSync(join(run, 'profiles')).sort()).toEqual(['api', 'docs', 'web']);
    const web = SmokeResult.parse(
      JSON.parse(readFileSync(join(run, 'profiles', 'web', 'smoke-result.json'), 'utf8')),
    );
    expect(web).toMatchObject({ profile: 'web', status: 'FAIL', stderr: 'stack trace\n' });
  });

  it('--jobs 2 runs two profiles at the same time: each waits for the other to start', () => {
    fx = GitFixture.create();
    const dir = join(fx.root, 'barrier');
    mkdirSync(dir);
    // Each marks itself started, then waits (at most 30 s) for the other: only side by side can both pass.
    const meet = (me: string, other: string) =>
      command(
        `touch ${sq(join(dir, me))}; for i in $(seq 600); do [ -e ${sq(join(dir, other))} ] && exit 0; sleep 0.05; done; exit 1`,
      );
    setUp(fx, { left: meet('left', 'right'), right: meet('right', 'left') });
    const r = cli(['run', '--all-profiles', '--jobs', '2', '--apply', '--no-audit'], fx.work);
    expect([r.code, r.stdout]).toEqual([
      0,
      expect.stringMatching(/^PASS {2}exit_zero: 2 profiles, none failed/m),
    ]);
  });

  it('--jobs 1 never runs two profiles at once: a lock only one can hold is never contended', () => {
    fx = GitFixture.create();
    const lock = join(fx.root, 'lock');
    const exclusive = command(`mkdir ${sq(lock)} || exit 9; sleep 0.2; rmdir ${sq(lock)}`);
    setUp(fx, { a: exclusive, b: exclusive, c: exclusive });
    const serial = cli(['run', '--all-profiles', '--jobs', '1', '--apply', '--no-audit'], fx.work);
    expect([serial.code, serial.stdout]).toEqual([0, expect.stringMatching(/^PASS /m)]);
    // The same lock does get contended when they run together: the check above can fail.
    const together = cli(['run', '--all-profiles', '--jobs', '3', '--apply', '--no-audit'], fx.work);
    expect(together.code).toBe(1);
    expect(together.stdout).toMatch(/did not pass: .*FAIL \(exit_nonzero\)/);
  });

  it('--fan-out paths runs only the profiles the commit changes select, plus the always ones', () => {
    fx = GitFixture.create();
    const marker = join(fx.root, 'ran');
    mkdirSync(marker);
    const touch = (name: string) => `touch ${sq(join(marker, name))}`;
    setUp(
      fx,
      {
        api: command(touch('api'), ", paths: ['services/api/**']"),
        web: command(touch('web'), ", paths: ['web/**']"),
        deps: command(touch('deps'), ', always: true'),
      },
      { 'web/index.ts': 'x' },
    );
    const r = cli(['run', '--all-profiles', '--fan-out', 'paths', '--apply', '--no-audit'], fx.work);
    expect([r.code, r.stderr]).toEqual([
      0,
      expect.stringContaining('2 profile(s) (fan-out by paths, 1 changed file(s)'),
    ]);
    expect(readdirSync(marker).sort()).toEqual(['deps', 'web']);
  });

  it('nothing selected: SKIPPED no_profile_matched, exit 0', () => {
    fx = GitFixture.create();
    setUp(fx, { api: command('exit 1', ", paths: ['services/api/**']") }, { 'docs/a.md': 'x' });
    const r = cli(['run', '--all-profiles', '--fan-out', 'paths', '--apply', '--no-audit'], fx.work);
    expect([r.code, r.stdout]).toEqual([0, expect.stringMatching(/^SKIPPED {2}no_profile_matched: /)]);
  });

  it('without --apply it plans: each profile and its command, nothing runs, nothing is written', () => {
    fx = GitFixture.create();
    setUp(fx, { api: command('touch ran-api'), web: command('touch ran-web') });
    const r = cli(['run', '--all-profiles'], fx.work);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^PLAN {2}2 profile\(s\), every profile of the registry; nothing was executed/);
    expect(r.stdout).toMatch(/ {2}api {2}\(every profile of the registry\)\n {4}command +touch ran-api/);
    expect(existsSync(join(fx.work, 'ran-api')) || existsSync(join(fx.work, 'ran-web'))).toBe(false);
    expect(runFolders(fx.work)).toEqual([]);
    const json = JSON.parse(cli(['run', '--all-profiles', '--json'], fx.work).stdout);
    expect(json.shards.map((s: { profile: string }) => s.profile)).toEqual(['api', 'web']);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s kills every running smoke tree (checked by pid)',
    async (signal) => {
      fx = GitFixture.create();
      const dir = join(fx.root, 'pids');
      mkdirSync(dir);
      const tree = (name: string) =>
        command(
          `echo $$ > ${sq(join(dir, `${name}-smoke`))}; sleep 300 & echo $! > ${sq(join(dir, `${name}-child`))}; wait`,
        );
      setUp(fx, { one: tree('one'), two: tree('two'), three: tree('three') });
      const child = spawn(
        process.execPath,
        [CLI, 'run', '--all-profiles', '--jobs', '2', '--apply', '--no-audit', '--kill-grace-seconds', '2'],
        {
          cwd: fx.work,
          env: { ...process.env, GH_TOKEN: '', GITHUB_TOKEN: '' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
      child.stderr.resume();
      const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      const pids = () => readdirSync(dir).flatMap((f) => readPids(join(dir, f)));
      // Two profiles run (--jobs 2), each a shell and its child.
      await waitFor(() => pids().length === 4, 30_000, 'two smoke trees to write their pids');
      leftovers = pids();
      child.kill(signal);
      expect(await exited).toBe(1);
      expect(await survivors(leftovers)).toEqual([]);
      // The third profile never started; every shard is CANCELLED.
      expect(pids()).toHaveLength(4);
      expect(stdout).toMatch(/^CANCELLED {2}cancelled: 3 of 3 profiles did not pass/m);
    },
  );
});

describe('linePrefixer', () => {
  it('prefixes every line, also across writes that end mid-line', () => {
    let out = '';
    const write = linePrefixer('api | ', (t) => (out += t));
    write('one\ntwo\n');
    write('thr');
    write('ee\n');
    write('');
    write('four');
    expect(out).toBe('api | one\napi | two\napi | three\napi | four');
  });
});
