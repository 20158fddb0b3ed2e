#!/usr/bin/env node
// Engine benchmark: `node bench/engine.mjs` (from a fresh `npm ci`, nothing else needed).
//
// Builds src/execute with the repository's ncc (transpile-only, so work in progress elsewhere in the tree
// cannot break it) into a temp directory, imports the bundle and measures, side by side in one run:
//   1. overhead: a trivial command through the engine vs `bash -c true` spawned directly;
//   2. throughput: 1 GiB of stdout through the engine (capture + disk log, no echo) vs the shell pipe
//      `bash -c 'CMD | cat >/dev/null'` vs a plain Node stream reader that discards the data;
//   3. memory: peak RSS (VmHWM) of a node process running the engine for 1 GiB vs 4 GiB of output
//      (and of a plain Node reader, for reference);
//   4. kill: a 50-process tree (group members, SIGTERM-ignoring children, double-forked setsid escapees)
//      past its deadline: time from the deadline until runSmoke returned with the tree swept, and survivors;
//      with `containment: auto` (a cgroup where one can be created) and `process-group`, interleaved.
// The trivial case also runs with `containment: process-group`, for the cost of the cgroup.
// Prints a table of medians and ratios and writes JSON to bench/results/.
// Options: --quick (fewer/smaller runs, for a smoke check), --strict (exit 1 when a target is missed).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median, round } from './support/common.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const linux = process.platform === 'linux';

const hwmKiB = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN);

function spec(dir, command, extra = {}) {
  return {
    command,
    shell: 'bash',
    workingDirectory: dir,
    timeoutSeconds: 600,
    killGraceSeconds: 1,
    maxOutputBytes: 65536,
    logMaxBytes: 10 * MiB,
    logDir: join(dir, 'logs'),
    env: { ...process.env },
    retries: 0,
    retryOn: 'timeout',
    ...extra,
  };
}

// ---------------------------------------------------------------- child modes (peak RSS in a fresh process)
if (process.argv[2] === '--child-engine') {
  const [bundle, bytes, dir] = process.argv.slice(3);
  const { runSmoke } = await import(pathToFileURL(join(bundle, 'index.js')).href);
  const t = performance.now();
  const run = await runSmoke(spec(dir, `head -c ${bytes} /dev/zero`));
  const ms = performance.now() - t;
  process.stdout.write(
    JSON.stringify({ status: run.status, totalBytes: run.final.stdout.totalBytes, ms, hwmKiB: hwmKiB() }),
  );
  process.exit(0);
}
if (process.argv[2] === '--child-plain') {
  const bytes = process.argv[3];
  const t = performance.now();
  const total = await plainReader(`head -c ${bytes} /dev/zero`);
  process.stdout.write(JSON.stringify({ totalBytes: total, ms: performance.now() - t, hwmKiB: hwmKiB() }));
  process.exit(0);
}

function plainReader(command) {
  return new Promise((res, rej) => {
    const c = spawn('bash', ['-c', command], { stdio: ['ignore', 'pipe', 'pipe'] });
    let n = 0;
    c.stdout.on('data', (d) => (n += d.length));
    c.stderr.resume();
    c.on('error', rej);
    c.on('close', () => res(n));
  });
}

function spawnTimed(file, args) {
  return new Promise((res, rej) => {
    const t = performance.now();
    const c = spawn(file, args, { stdio: 'ignore' });
    c.on('error', rej);
    c.on('close', () => res(performance.now() - t));
  });
}

function childJson(args) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * MiB,
  });
  if (r.status !== 0) throw new Error(`child ${args[0]} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

// ---------------------------------------------------------------- main
const quick = process.argv.includes('--quick');
const strict = process.argv.includes('--strict');
const work = mkdtempSync(join(tmpdir(), 'pms-bench-'));
const bundle = join(work, 'engine');
const cleanup = () => rmSync(work, { recursive: true, force: true });

try {
  process.stderr.write('building src/execute with ncc …\n');
  const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
  const b = spawnSync(
    process.execPath,
    [ncc, 'build', 'src/execute/index.ts', '-o', bundle, '--quiet', '--transpile-only'],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (b.status !== 0) throw new Error('ncc build failed');
  const engine = await import(pathToFileURL(join(bundle, 'index.js')).href);
  const results = {
    machine: {
      nproc: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      loadavg: readLoad(),
    },
    date: new Date().toISOString(),
    quick,
  };

  // 1. overhead --------------------------------------------------------------------------------------
  const trivialRuns = quick ? 3 : 7;
  const dirT = join(work, 'trivial');
  mkdirSync(dirT);
  await engine.runSmoke(spec(dirT, 'true')); // warm-up (JIT, first spawn)
  await spawnTimed('bash', ['-c', 'true']);
  const eng = [];
  const raw = [];
  const pg = [];
  let trivialContainment = null;
  for (let i = 0; i < trivialRuns; i++) {
    let t = performance.now();
    const r = await engine.runSmoke(spec(dirT, 'true'));
    eng.push(performance.now() - t);
    if (r.status !== 'PASS') throw new Error(`trivial run: ${r.message}`);
    trivialContainment = r.containment;
    raw.push(await spawnTimed('bash', ['-c', 'true']));
    t = performance.now();
    await engine.runSmoke(spec(dirT, 'true', { containment: 'process-group' }));
    pg.push(performance.now() - t);
  }
  results.trivial = {
    runs: trivialRuns,
    containment: trivialContainment,
    engineMs: round(median(eng), 2),
    processGroupMs: round(median(pg), 2),
    bashMs: round(median(raw), 2),
    ratio: round(median(eng) / median(raw), 2),
    samples: {
      engine: eng.map((x) => round(x, 2)),
      processGroup: pg.map((x) => round(x, 2)),
      bash: raw.map((x) => round(x, 2)),
    },
  };
  process.stderr.write(`trivial: ${JSON.stringify(results.trivial)}\n`);

  // 2. throughput ------------------------------------------------------------------------------------
  const bytes = quick ? GiB / 4 : GiB;
  const tpRuns = quick ? 3 : 5;
  const cmd = `head -c ${bytes} /dev/zero`;
  const dirP = join(work, 'throughput');
  mkdirSync(dirP);
  const tp = { engine: [], pipe: [], plain: [] };
  for (let i = 0; i < tpRuns; i++) {
    // interleaved, so machine load hits all three alike
    let t = performance.now();
    const r = await engine.runSmoke(spec(dirP, cmd));
    tp.engine.push(performance.now() - t);
    if (r.status !== 'PASS' || r.final.stdout.totalBytes !== bytes)
      throw new Error(`throughput: ${r.message}`);
    tp.pipe.push(await spawnTimed('bash', ['-c', `${cmd} | cat >/dev/null`]));
    t = performance.now();
    if ((await plainReader(cmd)) !== bytes) throw new Error('plain reader lost bytes');
    tp.plain.push(performance.now() - t);
  }
  const m = { engine: median(tp.engine), pipe: median(tp.pipe), plain: median(tp.plain) };
  results.throughput = {
    bytes,
    runs: tpRuns,
    engineMs: round(m.engine),
    pipeMs: round(m.pipe),
    plainNodeMs: round(m.plain),
    engineVsPipe: round(m.engine / m.pipe, 2),
    plainNodeVsPipe: round(m.plain / m.pipe, 2),
    engineVsPlainNode: round(m.engine / m.plain, 2),
    engineMiBps: round(bytes / MiB / (m.engine / 1000), 0),
    pipeMiBps: round(bytes / MiB / (m.pipe / 1000), 0),
    samples: Object.fromEntries(Object.entries(tp).map(([k, v]) => [k, v.map((x) => round(x))])),
  };
  process.stderr.write(`throughput: ${JSON.stringify(results.throughput)}\n`);

  // 3. memory ------------------------------------------------------------------------------------------
  if (linux) {
    const rssRuns = quick ? 1 : 3;
    const sizes = quick ? [GiB / 4, GiB] : [GiB, 4 * GiB];
    const mem = {};
    for (const size of sizes) {
      const hwm = [];
      for (let i = 0; i < rssRuns; i++) {
        const dir = mkdtempSync(join(work, 'rss-'));
        const r = childJson(['--child-engine', bundle, String(size), dir]);
        if (r.status !== 'PASS' || r.totalBytes !== size) throw new Error(`rss run: ${JSON.stringify(r)}`);
        hwm.push(r.hwmKiB / 1024);
        rmSync(dir, { recursive: true, force: true });
      }
      mem[`${size / GiB}GiB`] = round(median(hwm));
    }
    const plain = [];
    for (let i = 0; i < rssRuns; i++)
      plain.push(childJson(['--child-plain', String(sizes[0])]).hwmKiB / 1024);
    const [small, large] = sizes.map((s) => mem[`${s / GiB}GiB`]);
    results.memory = {
      unit: 'MiB (VmHWM)',
      runs: rssRuns,
      engine: mem,
      plainNodeReader: round(median(plain)),
      growth: round(large - small),
    };
  } else {
    results.memory = { skipped: 'VmHWM needs Linux /proc' };
  }
  process.stderr.write(`memory: ${JSON.stringify(results.memory)}\n`);

  // 4. kill ------------------------------------------------------------------------------------------
  if (linux) {
    const killRuns = quick ? 1 : 3;
    const timeoutSeconds = 3;
    const killGraceSeconds = 1;
    const modes = {
      auto: { ms: [], survivors: [], orphans: [] },
      'process-group': { ms: [], survivors: [], orphans: [] },
    };
    let containment = null;
    for (let i = 0; i < killRuns * 2; i++) {
      const mode = i % 2 === 0 ? 'auto' : 'process-group';
      const k = modes[mode];
      const dir = mkdtempSync(join(work, 'kill-'));
      const P = join(dir, 'pids');
      const command = [
        `echo $$ >> '${P}'`,
        // 16 plain group members, 16 children ignoring SIGTERM, 17 double-forked setsid escapees: 50 with us
        `for i in $(seq 16); do sleep 300 & echo $! >> '${P}'; done`,
        `for i in $(seq 16); do bash -c 'trap "" TERM; echo $$ >> "${P}"; exec sleep 300' & done`,
        `for i in $(seq 17); do ( setsid bash -c 'echo $$ >> "${P}"; exec sleep 300' & ) ; done`,
        `while [ "$(wc -l < '${P}')" -lt 50 ]; do sleep 0.02; done`,
        'echo ready',
        'sleep 300',
      ].join('\n');
      const t = performance.now();
      const r = await engine.runSmoke(
        spec(dir, command, { timeoutSeconds, killGraceSeconds, containment: mode }),
      );
      if (mode === 'auto') containment = r.containment;
      const ms = performance.now() - t - timeoutSeconds * 1000;
      const pids = readFileSync(P, 'utf8').split(/\s+/).filter(Boolean).map(Number);
      if (r.final.stdout.text !== 'ready\n' || pids.length !== 50) {
        throw new Error(`kill: the tree was not ready before the deadline (${pids.length} pids)`);
      }
      const survivors = pids.filter((pid) => alive(pid));
      for (const pid of survivors) safeKill(pid);
      k.ms.push(ms);
      k.survivors.push(survivors.length);
      k.orphans.push(r.final.orphansKilled);
      rmSync(dir, { recursive: true, force: true });
    }
    const k = modes.auto;
    const p = modes['process-group'];
    results.kill = {
      processes: 50,
      runs: killRuns,
      timeoutSeconds,
      killGraceSeconds,
      containment,
      deadlineToGoneMs: round(median(k.ms)),
      maxSurvivors: Math.max(...k.survivors, ...p.survivors),
      orphansKilled: median(k.orphans),
      processGroup: {
        deadlineToGoneMs: round(median(p.ms)),
        maxSurvivors: Math.max(...p.survivors),
        orphansKilled: median(p.orphans),
      },
      containmentVsProcessGroup: round(median(k.ms) / median(p.ms), 3),
      samples: { ...k, processGroup: p },
    };
  } else {
    results.kill = { skipped: 'the 50-process tree uses setsid(1) and /proc' };
  }
  process.stderr.write(`kill: ${JSON.stringify(results.kill)}\n`);

  // targets --------------------------------------------------------------------------------------------
  const targets = [['capture wall time ≤ 3× the pipe baseline', results.throughput.engineVsPipe <= 3]];
  if (results.memory.engine) {
    targets.push(['peak RSS flat: largest run within 8 MiB of the smallest', results.memory.growth <= 8]);
    targets.push(['peak RSS under 150 MiB', Math.max(...Object.values(results.memory.engine)) < 150]);
  }
  if (results.kill.samples) {
    targets.push(['zero survivors of the 50-process tree', results.kill.maxSurvivors === 0]);
    targets.push([
      'tree gone within grace + 1 s',
      Math.max(...results.kill.samples.ms, ...results.kill.samples.processGroup.ms) <=
        (results.kill.killGraceSeconds + 1) * 1000,
    ]);
  }
  results.targets = targets.map(([name, ok]) => ({ name, ok }));

  printTable(results);
  const outDir = join(root, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `engine-${results.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nJSON: ${file}`);
  if (strict && targets.some(([, ok]) => !ok)) process.exitCode = 1;
} finally {
  cleanup();
}

function readLoad() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return null;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return e.code !== 'ESRCH';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

function safeKill(pid) {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // gone
  }
}

function printTable(r) {
  const rows = [];
  const t = r.trivial;
  rows.push([
    `trivial command (\`true\`), ${t.containment}`,
    `${t.engineMs} ms (process-group: ${t.processGroupMs} ms)`,
    `${t.bashMs} ms (bash -c true)`,
    '',
    `${t.ratio}×`,
  ]);
  const p = r.throughput;
  const size = p.bytes >= GiB ? `${p.bytes / GiB} GiB` : `${p.bytes / MiB} MiB`;
  rows.push([
    `${size} stdout (capture + log)`,
    `${p.engineMs} ms (${p.engineMiBps} MiB/s)`,
    `${p.pipeMs} ms (| cat)`,
    `${p.plainNodeMs} ms (${p.plainNodeVsPipe}×)`,
    `${p.engineVsPipe}× pipe, ${p.engineVsPlainNode}× plain Node`,
  ]);
  if (r.memory.engine) {
    const entries = Object.entries(r.memory.engine);
    rows.push([
      'peak RSS (VmHWM)',
      entries.map(([k, v]) => `${k}: ${v} MiB`).join(', '),
      '',
      `${r.memory.plainNodeReader} MiB`,
      `growth ${r.memory.growth} MiB`,
    ]);
  }
  if (r.kill.samples) {
    rows.push([
      `kill ${r.kill.processes}-process tree, ${r.kill.containment}`,
      `${r.kill.deadlineToGoneMs} ms after deadline`,
      `grace ${r.kill.killGraceSeconds} s`,
      '',
      `${r.kill.maxSurvivors} survivors, ${r.kill.orphansKilled} orphans killed`,
    ]);
    const p = r.kill.processGroup;
    rows.push([
      `kill ${r.kill.processes}-process tree, process-group`,
      `${p.deadlineToGoneMs} ms after deadline`,
      `grace ${r.kill.killGraceSeconds} s`,
      '',
      `${p.maxSurvivors} survivors, ${p.orphansKilled} orphans killed; ${r.kill.containment} / process-group: ${r.kill.containmentVsProcessGroup}×`,
    ]);
  }
  const head = ['case', 'engine (median)', 'baseline (median)', 'plain Node reader', 'ratio / result'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells) => '| ' + cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';
  console.log(
    `\nengine benchmark — ${r.machine.nproc} CPUs (${r.machine.cpu}), node ${r.machine.node}, load ${r.machine.loadavg}\n`,
  );
  console.log(line(head));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const row of rows) console.log(line(row));
  console.log('');
  for (const { name, ok } of r.targets) console.log(`${ok ? 'met ' : 'MISS'}  ${name}`);
}
