#!/usr/bin/env node
// Time to verdict: `node bench/latency.mjs` (from a fresh `npm ci`; uses the committed dist/index.js).
//
// The built action runs as the runner runs it against a loopback GitHub API (a small fake in this file) and a
// local bare origin. Between the two sits a TCP proxy that adds a round trip: each exchange in either
// direction waits RTT/2, and each new connection one RTT more (its handshake). The same case runs with
// RTT = 0 and RTT = 150 ms, interleaved; (median(150) − median(0)) / 150 ms is the number of round trips on
// the critical path — what a runner far from the API pays on every run.
//
// Then the hostile APIs, once each, timed to the verdict: every connection refused, headers without a body,
// a connection that is accepted and never answered, and every answer 429 with Retry-After: 3600.
// Options: --quick (3 runs per case, the slow hostile cases skipped), --strict (exit 1 when a budget is missed).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createConnection, createServer as createTcpServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { git, median, round } from './support/common.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const strict = process.argv.includes('--strict');
const RUNS = quick ? 3 : 7;
const RTT = 150;
const TOKEN = 'ghs_benchLatencyToken0123456789abcdefghij';

// --- a repository: bare origin, workspace clone, two merge commits (a squash naming its PR, a direct push)
const dir = mkdtempSync(join(tmpdir(), 'pms-bench-latency-'));
const GITHUB = { name: 'GitHub', email: 'noreply@github.com' };
const PERSON = { name: 'Dev', email: 'dev@example.com' };

const origin = join(dir, 'origin.git');
git(dir, ['init', '-q', '--bare', '--initial-branch=main', origin]);
function workspace(name, message, committer) {
  const work = join(dir, name);
  git(dir, ['clone', '-q', origin, work]);
  git(work, ['commit', '-q', '--allow-empty', '-m', message], committer);
  git(work, ['push', '-q', 'origin', 'HEAD:main']);
  return { work, sha: git(work, ['rev-parse', 'HEAD']) };
}
// Each case needs its merge commit to be main's head: build them in turn and serve "the head" per case.
const squash = workspace('squash', 'Speed up the parser (#12)', GITHUB);
const direct = workspace('direct', 'Hotfix pushed straight to main', PERSON);

// --- the fake GitHub API: what the action asks on a passing run
function fakeApi(head) {
  const requests = [];
  const server = createHttpServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    req.resume();
    req.on('end', () => {
      const json = (status, body) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const url = req.url ?? '';
      if (url.includes('/git/ref/heads/main'))
        return json(200, { ref: 'refs/heads/main', object: { sha: head() } });
      if (/\/pulls\/12$/.test(url)) {
        return json(200, {
          number: 12,
          title: 'Speed up the parser',
          body: null,
          state: 'closed',
          merged_at: '2026-01-01T00:00:00Z',
          merge_commit_sha: head(),
          head: { ref: 'parser' },
          base: { ref: 'main' },
          html_url: 'https://github.com/o/r/pull/12',
        });
      }
      if (/\/commits\/[0-9a-f]{40}\/pulls/.test(url)) return json(200, []);
      if (/\/statuses\//.test(url)) return json(201, { id: requests.length });
      return json(404, { message: 'Not Found' });
    });
  });
  return { server, requests };
}

/** A TCP proxy adding `rtt` per exchange and one more per new connection (its handshake). */
function delayingProxy(upstreamPort, rtt) {
  return createTcpServer((client) => {
    const upstream = createConnection(upstreamPort, '127.0.0.1');
    let first = true;
    const relay = (from, to) =>
      from.on('data', (chunk) => {
        const extra = first && from === client ? rtt : 0;
        first = false;
        setTimeout(() => to.write(chunk), rtt / 2 + extra);
      });
    relay(client, upstream);
    relay(upstream, client);
    const close = () => setTimeout(() => (client.destroy(), upstream.destroy()), rtt / 2);
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  });
}

const listen = (server) =>
  new Promise((resolvePort) => server.listen(0, '127.0.0.1', () => resolvePort(server.address().port)));

function actionEnv(ws, apiUrl, inputs) {
  const run = mkdtempSync(join(dir, 'run-'));
  for (const f of ['output', 'summary', 'event.json']) writeFileSync(join(run, f), '');
  writeFileSync(
    join(run, 'event.json'),
    JSON.stringify({
      ref: 'refs/heads/main',
      after: ws.sha,
      repository: { full_name: 'o/r', default_branch: 'main' },
    }),
  );
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: join(run, 'event.json'),
    GITHUB_SHA: ws.sha,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_RUN_ID: '1',
    GITHUB_API_URL: apiUrl,
    GITHUB_GRAPHQL_URL: `${apiUrl}/graphql`,
    GITHUB_WORKSPACE: ws.work,
    RUNNER_TEMP: run,
    GITHUB_OUTPUT: join(run, 'output'),
    GITHUB_STEP_SUMMARY: join(run, 'summary'),
    ...defaults,
    'INPUT_GITHUB-TOKEN': TOKEN,
    ...inputs,
  };
}
// action.yml's defaults as INPUT_* variables (the runner sets every one).
const actionYml = parseYaml(readFileSync(join(root, 'action.yml'), 'utf8'));
const defaults = Object.fromEntries(
  Object.entries(actionYml.inputs).map(([name, spec]) => [
    `INPUT_${name.toUpperCase()}`,
    String(spec.default ?? ''),
  ]),
);

function runAction(env, timeoutMs = 120_000) {
  return new Promise((resolveRun) => {
    const t = performance.now();
    const child = spawn(process.execPath, [join(root, 'dist', 'index.js')], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', () => {});
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const ms = performance.now() - t;
      const status = /post-merge-smoke: (\w+) \((\w+)\): (.*)/.exec(out);
      resolveRun({
        ms,
        code,
        status: status?.[1] ?? 'none',
        reason: status?.[2] ?? '',
        message: status?.[3] ?? out.slice(-500),
      });
    });
  });
}

async function roundTrips(name, ws, inputs, budgetRt) {
  const { server, requests } = fakeApi(() => ws.sha);
  const apiPort = await listen(server);
  const proxies = {};
  for (const rtt of [0, RTT]) {
    const proxy = delayingProxy(apiPort, rtt);
    proxies[rtt] = { proxy, port: await listen(proxy), samples: [] };
  }
  for (let i = 0; i < RUNS + 1; i++) {
    for (const rtt of [0, RTT]) {
      const p = proxies[rtt];
      requests.length = 0;
      const r = await runAction(actionEnv(ws, `http://127.0.0.1:${p.port}`, inputs));
      if (r.status !== 'PASS') throw new Error(`${name} (rtt ${rtt}) did not pass: ${r.status} ${r.message}`);
      if (i > 0) p.samples.push(r.ms); // the first round warms the file cache
    }
  }
  const calls = [...requests];
  for (const p of Object.values(proxies)) p.proxy.close();
  server.close();
  const m0 = median(proxies[0].samples);
  const m1 = median(proxies[RTT].samples);
  const rt = (m1 - m0) / RTT;
  return {
    case: name,
    requests: calls.length,
    request_list: calls,
    at_0_ms: round(m0),
    at_150_ms: round(m1),
    round_trips: round(rt),
    budget: `≤ ${budgetRt}`,
    met: rt <= budgetRt,
  };
}

/** A hostile API: how long until the verdict, and which verdict. */
async function hostile(name, serve, budgetMs, ws = direct) {
  const server = serve();
  const port = await listen(server);
  const r = await runAction(
    actionEnv(ws, `http://127.0.0.1:${port}`, { 'INPUT_SMOKE-COMMAND': 'true' }),
    180_000,
  );
  server.closeAllConnections?.();
  server.close();
  return {
    case: name,
    verdict: `${r.status} ${r.reason}`,
    seconds: round(r.ms / 1000),
    budget: `≤ ${budgetMs / 1000} s`,
    met: r.ms <= budgetMs && r.status === 'ERROR',
    message: r.message.slice(0, 160),
  };
}

const refused = () => {
  const s = createTcpServer((sock) => sock.destroy());
  return s;
};
const headersOnly = () =>
  createHttpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
    res.write('{"ref":');
  });
const silent = () => createTcpServer(() => {});
const rateLimited = () =>
  createHttpServer((_req, res) => {
    res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '3600' });
    res.end(JSON.stringify({ message: 'API rate limit exceeded' }));
  });

const rows = [];
// Main has two heads over time: each case checks out its own merge commit as main's head first.
git(squash.work, ['push', '-q', '--force', 'origin', `${squash.sha}:main`]);
rows.push(
  await roundTrips(
    'squash merge naming its PR, `true` as smoke',
    squash,
    { 'INPUT_SMOKE-COMMAND': 'true' },
    6,
  ),
);
git(direct.work, ['push', '-q', '--force', 'origin', `${direct.sha}:main`]);
rows.push(
  await roundTrips(
    'direct push, no PR anywhere, `true` as smoke',
    direct,
    { 'INPUT_SMOKE-COMMAND': 'true' },
    8,
  ),
);
const slow = quick
  ? []
  : [
      await hostile('API refuses every connection', refused, 30_000),
      await hostile('API sends headers, never the body', headersOnly, 60_000),
      await hostile('API accepts the connection, never answers', silent, 60_000),
      await hostile('every answer 429 with Retry-After: 3600', rateLimited, 10_000),
    ];

console.log(
  `time to verdict, ${RUNS} interleaved runs per RTT (${cpus().length} CPUs, load ${loadavg()[0].toFixed(1)}, node ${process.version})`,
);
console.log('| case | requests | median at RTT 0 | median at RTT 150 ms | round trips | budget |');
console.log('|---|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.case} | ${r.requests} | ${r.at_0_ms} ms | ${r.at_150_ms} ms | ${r.round_trips} | ${r.budget} ${r.met ? 'met' : 'MISSED'} |`,
  );
if (slow.length > 0) {
  console.log('\n| hostile API | verdict | time to verdict | budget |');
  console.log('|---|---|---|---|');
  for (const r of slow)
    console.log(`| ${r.case} | ${r.verdict} | ${r.seconds} s | ${r.budget} ${r.met ? 'met' : 'MISSED'} |`);
  for (const r of slow) console.log(`  ${r.case}: ${r.message}`);
}
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
const file = join(root, 'bench', 'results', `latency-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ runs: RUNS, rtt: RTT, rows, hostile: slow }, null, 2));
console.log(`wrote ${file}`);
rmSync(dir, { recursive: true, force: true });
if (strict && [...rows, ...slow].some((r) => !r.met)) process.exitCode = 1;
