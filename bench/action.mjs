#!/usr/bin/env node
// Action benchmark: `node bench/action.mjs` (from a fresh `npm ci`; uses the committed dist/index.js).
//
// A trivial passing smoke (`true`) through the built action end to end, run as the runner runs it
// (INPUT_* with hyphens, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, a push event), with the freshness gate
// against a local bare origin (no token: git ls-remote, no network), side by side with `node -e 0` —
// interleaved runs, medians, ratio. A second row resolves the command from a registry profile instead of
// the input, so YAML parsing and tree reads are in the figure.
// Start-up milliseconds are not a goal (the runner protocol goes through @actions/core, whose cost is
// accepted); the ceiling only catches a regression that would make a passing run noticeably slow, such as
// the artifact client loaded on every run.
// Options: --quick (fewer runs), --strict (exit 1 when a passing run's median exceeds the ceiling).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { git, median, round } from './support/common.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const strict = process.argv.includes('--strict');
const RUNS = quick ? 5 : 21;
const CEILING_MS = 500;

// --- a bare origin, a clone at the pushed merge commit, the runner's files
const dir = mkdtempSync(join(tmpdir(), 'pms-bench-action-'));
const origin = join(dir, 'origin.git');
const work = join(dir, 'work');
git(dir, ['init', '-q', '--bare', '--initial-branch=main', origin]);
git(dir, ['init', '-q', '--initial-branch=main', work]);
mkdirSync(join(work, '.github'));
writeFileSync(
  join(work, '.github', 'post-merge-smoke.yml'),
  'version: 1\nprofiles:\n  quick: { command: "true", timeout-seconds: 60 }\ntasks:\n  task-2512: quick\n',
);
git(work, ['add', '-A']);
git(work, ['commit', '-q', '-m', 'task-2512: post merge smoke runner (#71)']);
git(work, ['remote', 'add', 'origin', origin]);
git(work, ['push', '-q', 'origin', 'HEAD:main']);
const sha = git(work, ['rev-parse', 'HEAD']);
const event = join(dir, 'event.json');
writeFileSync(
  event,
  JSON.stringify({ ref: 'refs/heads/main', after: sha, repository: { default_branch: 'main' } }),
);

function actionEnv(inputs) {
  const run = mkdtempSync(join(dir, 'run-'));
  const output = join(run, 'output');
  const summary = join(run, 'summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME ?? dir,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: event,
    GITHUB_SHA: sha,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_WORKSPACE: work,
    RUNNER_TEMP: run,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    'INPUT_STATUS-CONTEXT': 'post-merge-smoke',
    'INPUT_KILL-GRACE-SECONDS': '10',
    'INPUT_MAX-OUTPUT-BYTES': '65536',
    'INPUT_LOG-MAX-BYTES': '10485760',
    'INPUT_REGISTRY-PATH': '.github/post-merge-smoke.yml',
    ...inputs,
  };
  return { env, output };
}

function time(cmd, args, env) {
  const t = performance.now();
  const r = spawnSync(cmd, args, { env, encoding: 'utf8' });
  const ms = performance.now() - t;
  return { ms, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const cases = {
  'node -e 0': () => time(process.execPath, ['-e', '0'], { PATH: process.env.PATH }),
  'action: smoke-command true': () => {
    const { env } = actionEnv({ 'INPUT_SMOKE-COMMAND': 'true' });
    return time(process.execPath, [join(root, 'dist', 'index.js')], env);
  },
  'action: registry profile': () => {
    const { env } = actionEnv({});
    return time(process.execPath, [join(root, 'dist', 'index.js')], env);
  },
};

// Warm the file cache once, and check that every action run really passes.
for (const [name, run] of Object.entries(cases)) {
  const r = run();
  if (r.status !== 0 || (name.startsWith('action') && !/PASS/.test(r.stdout))) {
    console.error(`${name} did not pass:\n${r.stdout}\n${r.stderr}`);
    process.exit(1);
  }
}
const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let i = 0; i < RUNS; i++) for (const [name, run] of Object.entries(cases)) samples[name].push(run().ms);

const base = median(samples['node -e 0']);
const rows = Object.entries(samples).map(([name, xs]) => ({
  case: name,
  median_ms: round(median(xs)),
  min_ms: round(Math.min(...xs)),
  max_ms: round(Math.max(...xs)),
  ratio: round(median(xs) / base, 2),
}));
console.log(
  `action end to end, ${RUNS} interleaved runs each (${cpus().length} CPUs, node ${process.version})`,
);
console.log('| case | median | min | max | ratio to node -e 0 |');
console.log('|---|---|---|---|---|');
for (const r of rows)
  console.log(`| ${r.case} | ${r.median_ms} ms | ${r.min_ms} ms | ${r.max_ms} ms | ${r.ratio}× |`);
const worst = Math.max(...rows.filter((r) => r.case !== 'node -e 0').map((r) => r.median_ms));
console.log(
  `ceiling: a passing run within ${CEILING_MS} ms — ${worst <= CEILING_MS ? 'met' : 'MISSED'} (worst ${worst} ms)`,
);

mkdirSync(join(root, 'bench', 'results'), { recursive: true });
const file = join(root, 'bench', 'results', `action-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(
  file,
  JSON.stringify({ runs: RUNS, node: process.version, cpus: cpus().length, rows }, null, 2),
);
console.log(`wrote ${file}`);
rmSync(dir, { recursive: true, force: true });
if (strict && worst > CEILING_MS) process.exitCode = 1;
