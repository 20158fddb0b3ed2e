#!/usr/bin/env node
// Fan-out benchmark: `node bench/fanout.mjs` (from a fresh `npm ci`, nothing else needed).
//
// Bundles the CLI (scripts/bundle.mjs, as it ships) and src/fanout with the repository's ncc into a temp
// directory, then measures in one run:
//   1. the CLI's `run --all-profiles --apply` over 8 profiles of `sleep 2`, with `--jobs 8` against
//      `--jobs 1` (sequential) — interleaved runs, medians, the wall-time ratio — in a real repository with a
//      bare origin (each profile checks freshness, resolves and runs like a run job);
//   2. foldResults over 100 shard results (4 KiB of output each, one failing): median time per fold.
// Prints a table and writes JSON to bench/results/.
// Options: --quick (fewer runs), --strict (exit 1 when a target is missed).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { git, median, round } from './support/common.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const strict = process.argv.includes('--strict');
const RUNS = quick ? 2 : 5;
const FOLDS = quick ? 50 : 300;
const PROFILES = 8;
const SLEEP_S = 2;
/** Targets: 8 sleeping profiles side by side at least this much faster than one after the other … */
const TARGET_RATIO = 5;
/** … and a fold of 100 results within this many milliseconds. */
const TARGET_FOLD_MS = 20;

const dir = mkdtempSync(join(tmpdir(), 'pms-bench-fanout-'));

function build(entry, out) {
  const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
  const r = spawnSync(process.execPath, [ncc, 'build', entry, '-o', out, '--quiet'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`ncc build of ${entry} failed`);
  return join(out, 'index.js');
}
process.stderr.write('bundling the CLI (scripts/bundle.mjs) and src/fanout with ncc …\n');
// The CLI as it ships (the bundle script's build, not the committed dist/, which may be older).
const bundled = spawnSync(process.execPath, [join(root, 'scripts', 'bundle.mjs'), join(dir, 'dist')], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (bundled.status !== 0) throw new Error('scripts/bundle.mjs failed');
const cli = join(dir, 'dist', 'cli', 'index.js');
const fanout = build('src/fanout/index.ts', join(dir, 'fanout'));

// --- a bare origin and a clone at the pushed merge commit, whose registry has 8 profiles of `sleep 2`
const origin = join(dir, 'origin.git');
const work = join(dir, 'work');
git(dir, ['init', '-q', '--bare', '--initial-branch=main', origin]);
git(dir, ['init', '-q', '--initial-branch=main', work]);
mkdirSync(join(work, '.github'));
const profiles = Array.from({ length: PROFILES }, (_, i) => `  p${i}: { command: "sleep ${SLEEP_S}" }`);
writeFileSync(
  join(work, '.github', 'post-merge-smoke.yml'),
  ['version: 1', 'profiles:', ...profiles, ''].join('\n'),
);
git(work, ['add', '-A']);
git(work, ['commit', '-q', '-m', 'eight profiles']);
git(work, ['remote', 'add', 'origin', origin]);
git(work, ['push', '-q', 'origin', 'HEAD:main']);
git(work, ['remote', 'set-head', 'origin', 'main']);

function fanOut(jobs, i) {
  const out = join(dir, `out-${jobs}-${i}`);
  const args = [
    cli,
    'run',
    '--all-profiles',
    '--jobs',
    String(jobs),
    '--apply',
    '--no-audit',
    '--json',
    '--out-dir',
    out,
  ];
  const t = performance.now();
  const r = spawnSync(process.execPath, args, {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, GH_TOKEN: '', GITHUB_TOKEN: '' },
  });
  const ms = performance.now() - t;
  const result = r.status === 0 ? JSON.parse(r.stdout) : null;
  if (result?.status !== 'PASS' || result.profiles.length !== PROFILES) {
    throw new Error(`--jobs ${jobs} did not pass 8 profiles (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  return { ms, longestShardMs: Math.max(...result.profiles.map((p) => p.duration_ms)), result };
}

const samples = { 1: [], 8: [] };
let template = null;
const shards = { 1: [], 8: [] };
for (let i = 0; i < RUNS; i++) {
  for (const jobs of i % 2 === 0 ? [8, 1] : [1, 8]) {
    const r = fanOut(jobs, i);
    samples[jobs].push(r.ms);
    shards[jobs].push(r.longestShardMs);
    template = r.result;
    process.stderr.write(`  run ${i + 1}/${RUNS}, --jobs ${jobs}: ${round(r.ms)} ms\n`);
  }
}
const parallel = median(samples[8]);
const sequential = median(samples[1]);
const ratio = sequential / parallel;

// --- the fold's own cost: 100 shard results
const { foldResults } = await import(pathToFileURL(fanout).href);
// A real SmokeResult (the CLI's folded one above) as the shape of each shard's result.
const sample = { ...template, profiles: null };
const output = 'x'.repeat(4095) + '\n';
const results = Array.from({ length: 100 }, (_, i) => ({
  ...sample,
  profile: `p${i}`,
  status: i === 57 ? 'FAIL' : 'PASS',
  reason: i === 57 ? 'exit_nonzero' : 'exit_zero',
  exit_code: i === 57 ? 1 : 0,
  stdout: output,
  stderr: output,
  started_at: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(),
  finished_at: new Date(Date.UTC(2025, 0, 1, 0, 1, i)).toISOString(),
}));
const planned = results.map((r) => r.profile);
for (let i = 0; i < 20; i++) foldResults(planned, results); // warm-up
const foldTimes = [];
for (let i = 0; i < FOLDS; i++) {
  const t = performance.now();
  const folded = foldResults(planned, results);
  foldTimes.push(performance.now() - t);
  if (folded.status !== 'FAIL' || folded.profiles.length !== 100) throw new Error('the fold went wrong');
}
const foldMs = median(foldTimes);

// --- report
console.log(
  `fan-out, ${RUNS} interleaved runs each (${cpus().length} CPUs, available parallelism ${availableParallelism()}, load ${loadavg()[0].toFixed(2)}, node ${process.version})`,
);
console.log('| case | median | min | max | longest profile (median) |');
console.log('|---|---|---|---|---|');
for (const jobs of [8, 1]) {
  const xs = samples[jobs];
  console.log(
    `| 8 profiles of \`sleep ${SLEEP_S}\`, --jobs ${jobs} | ${round(median(xs))} ms | ${round(Math.min(...xs))} ms | ${round(Math.max(...xs))} ms | ${round(median(shards[jobs]))} ms |`,
  );
}
console.log(
  `| foldResults, 100 results (4 KiB output each), ${FOLDS} folds | ${round(foldMs, 3)} ms | ${round(Math.min(...foldTimes), 3)} ms | ${round(Math.max(...foldTimes), 3)} ms | |`,
);
const ratioMet = ratio >= TARGET_RATIO;
const foldMet = foldMs <= TARGET_FOLD_MS;
console.log(
  `wall-time ratio --jobs 1 / --jobs 8: ${round(ratio, 2)}× (ideal ${PROFILES}×; target ≥ ${TARGET_RATIO}× — ${ratioMet ? 'met' : 'MISSED'})`,
);
console.log(
  `overhead over the ideal: --jobs 8 ${round(parallel - SLEEP_S * 1000)} ms, --jobs 1 ${round(sequential - PROFILES * SLEEP_S * 1000)} ms`,
);
console.log(
  `fold of 100 results: ${round(foldMs, 3)} ms (target ≤ ${TARGET_FOLD_MS} ms — ${foldMet ? 'met' : 'MISSED'})`,
);

mkdirSync(join(root, 'bench', 'results'), { recursive: true });
const file = join(root, 'bench', 'results', `fanout-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(
  file,
  JSON.stringify(
    {
      runs: RUNS,
      node: process.version,
      cpus: cpus().length,
      samples_ms: samples,
      parallel_median_ms: parallel,
      sequential_median_ms: sequential,
      ratio,
      fold_median_ms: foldMs,
      folds: FOLDS,
    },
    null,
    2,
  ),
);
console.log(`wrote ${file}`);
rmSync(dir, { recursive: true, force: true });
if (strict && !(ratioMet && foldMet)) process.exitCode = 1;
