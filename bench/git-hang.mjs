#!/usr/bin/env node
// Remote-that-never-answers benchmark: `node bench/git-hang.mjs` (from a fresh `npm ci`, nothing else needed).
//
// Bundles the CLI from src/ (scripts/bundle.mjs) into a temp directory, then runs
// `post-merge-smoke run` (plan mode, no token) in a clone whose `origin` is an HTTP remote on 127.0.0.1 that
// accepts connections and never answers — the case where git-remote-http holds git's stderr open. Measures
// the wall time until the CLI exits, the verdict it printed, and the git processes left afterwards (found
// through /proc by a marker in their environment). Target: ERROR head_unreachable in ≤ 60 s, none left.
// Options: --quick (one run instead of three), --strict (exit 1 when the target is missed).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const strict = process.argv.includes('--strict');
const TARGET_MS = 60_000;
const MARKER = `PMS_BENCH_HANG_${process.pid}`;

const git = (cwd, ...args) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

function liveMarked() {
  const found = [];
  for (const pid of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      if (!readFileSync(`/proc/${pid}/environ`).includes(MARKER)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
      if (!stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) found.push(pid);
    } catch {
      // gone
    }
  }
  return found;
}

async function silentServer() {
  const sockets = new Set();
  let connections = 0;
  const server = createServer((s) => {
    connections++;
    sockets.add(s);
    s.on('error', () => {});
    s.resume();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}/octo/repo.git`,
    connections: () => connections,
    stop: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

function runCli(cli, repo) {
  return new Promise((res) => {
    const env = { ...process.env, [MARKER]: '1', GITHUB_TOKEN: '', GH_TOKEN: '' };
    const t = performance.now();
    const child = spawn(
      process.execPath,
      [cli, 'run', '--merge-commit', 'HEAD', '--base-branch', 'main', '--no-audit', '--json'],
      {
        cwd: repo,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => (stdout += d));
    child.on('close', (code) => res({ ms: performance.now() - t, code, stdout, stderr }));
  });
}

const work = mkdtempSync(join(tmpdir(), 'pms-bench-hang-'));
try {
  process.stderr.write('bundling src/ with scripts/bundle.mjs …\n');
  const bundle = join(work, 'dist', 'cli');
  const b = spawnSync(process.execPath, [join(root, 'scripts', 'bundle.mjs'), join(work, 'dist')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (b.status !== 0) throw new Error('bundling failed');

  const repo = join(work, 'repo');
  mkdirSync(repo);
  git(repo, 'init', '-q', '--initial-branch=main');
  writeFileSync(join(repo, 'README.md'), '# bench\n');
  git(repo, 'add', '-A');
  git(repo, '-c', 'user.name=B', '-c', 'user.email=b@example.com', 'commit', '-q', '-m', 'bench (#1)');
  const server = await silentServer();
  git(repo, 'remote', 'add', 'origin', server.url);

  const runs = [];
  for (let i = 0; i < (quick ? 1 : 3); i++) {
    const r = await runCli(join(bundle, 'index.js'), repo);
    let verdict = 'no result';
    try {
      const result = JSON.parse(r.stdout);
      verdict = `${result.status} ${result.reason}`;
    } catch {
      process.stderr.write(r.stderr);
    }
    runs.push({
      seconds: Math.round(r.ms / 100) / 10,
      exitCode: r.code,
      verdict,
      leftover: liveMarked().length,
    });
  }
  const connections = server.connections();
  server.stop();

  const worst = Math.max(...runs.map((r) => r.seconds * 1000));
  const met =
    worst <= TARGET_MS && runs.every((r) => r.verdict === 'ERROR head_unreachable' && r.leftover === 0);
  console.log('| run | CLI exit after | exit code | verdict | git processes left |');
  console.log('|-----|----------------|-----------|---------|--------------------|');
  runs.forEach((r, i) =>
    console.log(`| ${i + 1} | ${r.seconds} s | ${r.exitCode} | ${r.verdict} | ${r.leftover} |`),
  );
  console.log(
    `connections the silent remote accepted: ${connections}; target ≤ ${TARGET_MS / 1000} s, none left: ${met ? 'met' : 'MISSED'}`,
  );
  const out = join(root, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  const machine = {
    nproc: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    loadavg: loadavg(),
  };
  writeFileSync(
    join(out, 'git-hang.json'),
    JSON.stringify({ date: new Date().toISOString(), machine, runs, met }, null, 2),
  );
  if (strict && !met) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
