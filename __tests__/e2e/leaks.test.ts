// Issue 10, tried as an attacker would against the built action: secrets split by our own cuts (item 1),
// raw output left on disk (item 2), encoded forms of the token (item 3), variables that embed it (item 4),
// and what a smoke running as the action's own user can still read (the README's Security section).
import { afterEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readZip } from '../support/zip.js';
import { git } from '../support/git-fixture.js';
import {
  actionEnv,
  checkedResult,
  commandView,
  createWorld,
  describeRun,
  filesUnder,
  postedStatuses,
  runAction,
  sq,
  type ActionRun,
  type World,
} from './harness.js';

const posix = process.platform === 'win32' ? it.skip : it;

let world: World | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

const TOKEN = 'ghs_' + 'LeakHuntE2ETokenValue0123456789abcdef'.slice(0, 36);
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** Every place the action writes to: outputs, summary, result, packet, artifact, statuses, logs, RUNNER_TEMP. */
function placesOf(run: ActionRun, w: World): Record<string, string> {
  const view = commandView(run.stdout);
  const places: Record<string, string> = {
    GITHUB_OUTPUT: run.outputFile,
    GITHUB_STEP_SUMMARY: run.summary,
    GITHUB_ENV: readFileSync(run.env.GITHUB_ENV, 'utf8'),
    GITHUB_STATE: readFileSync(run.env.GITHUB_STATE, 'utf8'),
    stderr: run.stderr,
    // The runner consumes `::add-mask::` lines itself (that is what masks the value in the log).
    'job log': [...view.interpreted.filter((l) => !l.startsWith('::add-mask::')), ...view.fenced].join('\n'),
  };
  for (const [i, s] of postedStatuses(w).entries()) places[`status ${i}`] = s.raw.body;
  // Every file left in RUNNER_TEMP: result, packet, the attempt logs (no script file, no raw log).
  for (const f of filesUnder(w.runnerTemp)) places[f] = readFileSync(f, 'utf8');
  for (const [name, zip] of w.artifacts.uploads) {
    for (const [entry, data] of readZip(zip)) places[`${name}.zip:${entry}`] = data.toString('utf8');
  }
  return places;
}

/** Where any 8 consecutive characters of any of `secrets` appear. */
function fragmentsIn(places: Record<string, string>, secrets: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [what, secret] of Object.entries(secrets)) {
    const pieces = new Set<string>();
    for (let i = 0; i + 8 <= secret.length; i++) pieces.add(secret.slice(i, i + 8));
    for (const [place, text] of Object.entries(places)) {
      const hit = [...pieces].find((p) => text.includes(p));
      if (hit) found.push(`${what} (…${hit}…) in ${place}`);
    }
  }
  return found;
}

describe('secrets in the built action', () => {
  posix(
    'a token straddling the capture cut, the log cut and the echo cut leaves no piece anywhere (items 1, 2)',
    async () => {
      world = await createWorld();
      const tildes = (n: number) => `printf '%0${n}d' 0 | tr 0 '~'`;
      const token = `printf '%s' '${TOKEN}'`;
      const command = [
        // stdout: 500 + 40 + 3000 + 40 + 490 bytes; head and tail are 512 bytes at max-output-bytes 1024:
        // the first token straddles the head cut, the second the tail cut.
        `{ ${tildes(500)}; ${token}; ${tildes(3000)}; ${token}; ${tildes(490)}; }`,
        // stderr: one line of 65 520 + 40 + 100 bytes: the echo writes it in 64 KiB pieces.
        `{ ${tildes(65520)}; ${token}; ${tildes(100)}; echo; } >&2`,
        'exit 1',
      ].join('\n');
      const env = actionEnv(world, {
        token: TOKEN,
        inputs: { 'smoke-command': command, 'max-output-bytes': '1024', 'log-max-bytes': '1024' },
      });
      const run = await runAction(env);
      expect([run.exitCode, describeRun(run)]).toEqual([1, expect.any(String)]);
      const result = checkedResult(run);
      expect([result.status, result.stdout_truncated]).toEqual(['FAIL', true]);
      expect(result.stdout).toMatch(/^~+…\[\d+ bytes truncated\]…~+$/);
      const places = placesOf(run, world);
      expect(Object.keys(places).filter((p) => p.includes('/logs/')).length).toBe(2);
      expect(fragmentsIn(places, { token: TOKEN })).toEqual([]);
      // Raw output, and the script holding the command, are gone from disk.
      expect(filesUnder(world.runnerTemp).filter((f) => /smoke-command|\.redacting$/.test(f))).toEqual([]);
    },
  );

  posix(
    'the persisted checkout credential and encoded forms of the token are redacted; variables embedding it never reach the smoke (items 3, 4)',
    async () => {
      world = await createWorld();
      const credential = b64(`x-access-token:${TOKEN}`);
      // What actions/checkout leaves with persist-credentials: true.
      git(
        world.fixture.work,
        'config',
        'http.https://github.com/.extraheader',
        `AUTHORIZATION: basic ${credential}`,
      );
      const envDump = join(world.scratch, 'smoke-env.txt');
      const command = [
        'git config --get-regexp extraheader',
        `printf '%s' '${TOKEN}' | base64`,
        `printf 'ab%s' '${TOKEN}' | base64`,
        `printf 'a%s' '${TOKEN}' | base64`,
        `echo "url: https://x-access-token:${encodeURIComponent(TOKEN)}@github.com/o/r"`,
        `env > ${sq(envDump)}`,
        'exit 1',
      ].join('\n');
      const env = actionEnv(world, {
        token: TOKEN,
        inputs: { 'smoke-command': command },
        env: {
          BUNDLE_GITHUB__COM: `x-access-token:${TOKEN}`,
          NPM_REGISTRY_URL: `https://x-access-token:${TOKEN}@npm.pkg.github.com/`,
          SOME_HEADER: `AUTHORIZATION: basic ${credential}`,
        },
      });
      const run = await runAction(env);
      expect([run.exitCode, describeRun(run)]).toEqual([1, expect.any(String)]);
      const result = checkedResult(run);
      expect(result.stdout).toContain('AUTHORIZATION: basic ***');
      expect(result.stdout).toContain('url: https://***@github.com/o/r');
      const shifted = [b64(TOKEN), b64(`ab${TOKEN}`).slice(4, -4), b64(`a${TOKEN}`).slice(4, -4)];
      const secrets = {
        token: TOKEN,
        credential,
        ...Object.fromEntries(shifted.map((s, i) => [`b64-${i}`, s])),
      };
      expect(fragmentsIn(placesOf(run, world), secrets)).toEqual([]);
      const names = readFileSync(envDump, 'utf8')
        .split('\n')
        .map((l) => l.split('=')[0]);
      const embedding = ['BUNDLE_GITHUB__COM', 'NPM_REGISTRY_URL', 'SOME_HEADER'];
      expect(names.filter((n) => embedding.includes(n))).toEqual([]);
      expect(names).toContain('PATH');
    },
  );

  posix(
    "what the smoke can still reach as the action's user: the action process's initial environment (documented)",
    async () => {
      world = await createWorld();
      // The smoke's parent chain leads to the node process running the action; /proc/<pid>/environ is the
      // environment it was started with, INPUT_GITHUB-TOKEN included. Nothing in-process can change that.
      const found = join(world.scratch, 'found.txt');
      const command = [
        'pid=$$',
        'while [ "$pid" -gt 1 ]; do',
        '  if tr "\\0" "\\n" < /proc/$pid/environ 2>/dev/null | grep -q "^INPUT_GITHUB-TOKEN="; then',
        `    tr "\\0" "\\n" < /proc/$pid/environ | grep "^INPUT_GITHUB-TOKEN=" > ${sq(found)}; break`,
        '  fi',
        '  pid=$(awk "{print \\$4}" /proc/$pid/stat)',
        'done',
        `cat ${sq(found)}`,
      ].join('\n');
      const run = await runAction(actionEnv(world, { token: TOKEN, inputs: { 'smoke-command': command } }));
      expect([run.exitCode, describeRun(run)]).toEqual([0, expect.any(String)]);
      // It can read the token: the boundary is a separate job (README: Security).
      expect(readFileSync(found, 'utf8').trim()).toBe(`INPUT_GITHUB-TOKEN=${TOKEN}`);
      // What it prints is still redacted everywhere the action writes.
      expect(checkedResult(run).stdout).toBe('INPUT_GITHUB-TOKEN=***\n');
      expect(fragmentsIn(placesOf(run, world), { token: TOKEN })).toEqual([]);
    },
  );

  it('a redact pattern that matches inside SHAs hides the printed text, not the SHAs a result is about', async () => {
    world = await createWorld();
    const run = await runAction(
      actionEnv(world, {
        inputs: { 'smoke-command': 'echo "key deadbeefcafe1234"; exit 1', 'redact-patterns': '[0-9a-f]{8}' },
      }),
    );
    expect([run.exitCode, describeRun(run)]).toEqual([1, expect.any(String)]);
    // checkedResult validates the `result` output against the schema: its SHAs are SHAs.
    const result = checkedResult(run);
    expect([result.merge_commit, run.outputs['merge-commit']]).toEqual([
      world.mergeCommit,
      world.mergeCommit,
    ]);
    expect(result.stdout).toBe('key ******\n'); // two matches of eight digits
  });
});
