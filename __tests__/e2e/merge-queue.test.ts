// The built action in a merge queue and as the merge gate, run as the runner runs it: real merge_group and
// pull_request payloads, a real origin with the queue's branch, the loopback API counting every request.
import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitCli } from '../../src/adapters/git.js';
import { EscalationPacket } from '../../src/contracts.js';
import { mergeGroupPayload, pullRequestPayload } from '../../src/replay/events.js';
import { serveStatusHistory, StatusBook } from '../../src/replay/history-routes.js';
import { pullPayload } from '../support/fake-github.js';
import { git } from '../support/git-fixture.js';
import {
  actionEnv,
  checkedResult,
  createWorld,
  describeRun,
  postedStatuses,
  readActionYml,
  REPOSITORY,
  RUN_ID,
  runAction,
  sq,
  type ActionRun,
  type World,
} from './harness.js';

let world: World | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

const repo = REPOSITORY.replace('/', '\\/');
const runUrl = `https://github.com/${REPOSITORY}/actions/runs/${RUN_ID}/attempts/1`;

interface Queued {
  world: World;
  /** `refs/heads/gh-readonly-queue/main/pr-7-<base>`. */
  headRef: string;
  base: string;
}

/** A queue candidate: main stays at the base commit, the candidate is on the queue's branch; PR #7 is open. */
async function queueWorld(message = 'Add the widget endpoint (#7)'): Promise<Queued> {
  const w = await createWorld({ commitMessage: message, mergedByGitHub: true });
  const branch = `gh-readonly-queue/main/pr-7-${w.before}`;
  git(
    w.fixture.work,
    'push',
    '-q',
    '--force',
    'origin',
    `${w.mergeCommit}:refs/heads/${branch}`,
    `${w.before}:refs/heads/main`,
  );
  w.github.on('GET', new RegExp(`^/repos/${repo}/pulls/7$`), {
    body: pullPayload({
      number: 7,
      title: 'Add the widget endpoint',
      headRef: 'widget',
      repository: REPOSITORY,
    }),
  });
  return { world: w, headRef: `refs/heads/${branch}`, base: w.before };
}

function queueEnv(q: Queued, inputs: Record<string, string>) {
  const event = mergeGroupPayload({
    headSha: q.world.mergeCommit,
    headRef: q.headRef,
    baseSha: q.base,
    baseRef: 'refs/heads/main',
    message: 'Add the widget endpoint (#7)',
    repository: REPOSITORY,
  });
  return actionEnv(q.world, { eventName: 'merge_group', event, inputs, env: { GITHUB_REF: q.headRef } });
}

describe('the built action on a merge_group event (mode: run)', () => {
  it('PASS: smokes head_sha on the queue branch, PR from pr-<n>, statuses on head_sha, queue in the result', async () => {
    const q = await queueWorld();
    world = q.world;
    const run = await runAction(
      queueEnv(q, { 'smoke-command': 'echo "candidate $SMOKE_MERGE_COMMIT of PR $SMOKE_PR_NUMBER"' }),
    );
    expect([run.exitCode, describeRun(run)]).toEqual([0, expect.any(String)]);
    const result = checkedResult(run);
    expect(result).toMatchObject({
      status: 'PASS',
      event: 'merge_group',
      queue: { head_ref: q.headRef, base_sha: q.base },
      merge_commit: q.world.mergeCommit,
      base_branch: 'main',
      origin_head: q.world.mergeCommit,
      origin_head_after: q.world.mergeCommit,
      stale: false,
      pr_number: 7,
      pr_discovery: '#7 named by the merge queue branch',
      merge_queue_continuation_ready: true,
    });
    expect(result.stdout).toBe(`candidate ${q.world.mergeCommit} of PR 7\n`);
    expect(run.outputs['continuation-ready']).toBe('true');
    const statuses = postedStatuses(q.world);
    expect(statuses.map((s) => [s.sha, s.state, s.context])).toEqual([
      [q.world.mergeCommit, 'pending', 'post-merge-smoke'],
      [q.world.mergeCommit, 'success', 'post-merge-smoke'],
    ]);
    const paths = q.world.github.requests.map((r) => `${r.method} ${r.path}`);
    expect(paths).toContain(
      `GET /repos/${REPOSITORY}/git/ref/heads/${q.headRef.slice('refs/heads/'.length)}`,
    );
    expect(paths.filter((p) => p.endsWith('/pulls/7'))).toHaveLength(1);
    expect(paths.filter((p) => p.includes('/commits/'))).toEqual([]);
  });

  it('FAIL: failure status on head_sha, a Critical #7 packet that names the queue entry', async () => {
    const q = await queueWorld();
    world = q.world;
    const run = await runAction(queueEnv(q, { 'smoke-command': 'echo broken >&2; exit 3' }));
    expect(run.exitCode).toBe(1);
    const result = checkedResult(run);
    expect(result).toMatchObject({
      status: 'FAIL',
      exit_code: 3,
      queue: { head_ref: q.headRef, base_sha: q.base },
    });
    expect(run.outputs['continuation-ready']).toBe('false');
    expect(postedStatuses(q.world).map((s) => [s.sha, s.state])).toEqual([
      [q.world.mergeCommit, 'pending'],
      [q.world.mergeCommit, 'failure'],
    ]);
    const packet = EscalationPacket.parse(JSON.parse(readFileSync(run.outputs['packet-path'], 'utf8')));
    expect(packet).toMatchObject({
      merge_commit: q.world.mergeCommit,
      pr_number: 7,
      queue: { head_ref: q.headRef, base_sha: q.base },
    });
  });

  it('STALE superseded when the queue rebuilt the entry (its branch moved): nothing runs, no status', async () => {
    const q = await queueWorld();
    world = q.world;
    const other = q.world.fixture.clone('queue');
    git(other, 'checkout', '-q', '--detach', q.base);
    const rebuilt = q.world.fixture.commit('Merge group rebuilt', { 'other.txt': 'x\n' }, other);
    git(other, 'push', '-q', '--force', 'origin', `HEAD:${q.headRef}`);
    const marker = join(q.world.scratch, 'ran');
    const run = await runAction(queueEnv(q, { 'smoke-command': `touch ${sq(marker)}` }));
    expect([run.exitCode, describeRun(run)]).toEqual([0, expect.any(String)]);
    const result = checkedResult(run);
    expect(result).toMatchObject({
      status: 'STALE',
      reason: 'superseded',
      stale: true,
      origin_head: rebuilt,
    });
    expect(result.message).toContain(`The merge queue branch ${q.headRef} now points at ${rebuilt}`);
    expect(existsSync(marker)).toBe(false);
    expect(postedStatuses(q.world)).toEqual([]);
  });

  it('a merge_group event without its queue branch is BLOCKED invalid_input', async () => {
    world = await createWorld();
    const event = {
      action: 'checks_requested',
      merge_group: { head_sha: world.mergeCommit, base_ref: 'refs/heads/main' },
    };
    const run = await runAction(
      actionEnv(world, { eventName: 'merge_group', event, inputs: { 'smoke-command': 'true' } }),
    );
    expect(run.exitCode).toBe(1);
    expect(checkedResult(run)).toMatchObject({ status: 'BLOCKED', reason: 'invalid_input' });
    expect(run.outputs.status).toBe('BLOCKED');
  });
});

// ---------------------------------------------------------------------------------------------------------
// mode: gate

/** The pull requests the API knows, by number: what the gate's query reads of PR #31 (title, labels). */
type KnownPulls = Map<number, { title: string; labels: string[] }>;

/** main's history on origin, with statuses the test sets or the run mode posts, served to the GraphQL query. */
function serveMain(
  w: World,
  pulls: Map<string, { number: number; title: string }>,
  known: KnownPulls = new Map(),
) {
  const book = new StatusBook();
  book.serve(w.github, REPOSITORY);
  serveStatusHistory(w.github, new GitCli(w.fixture.origin), {
    statuses: book,
    pullOf: (sha) => pulls.get(sha) ?? null,
    pull: (n) => {
      const pr = known.get(n);
      return pr ? { number: n, ...pr } : null;
    },
  });
  return { book, known };
}

/** Commits on main, pushed, each with the given smoke status (null: none). Returns their SHAs, oldest first. */
function pushMain(w: World, { book }: { book: StatusBook }, states: (string | null)[]): string[] {
  return states.map((state, i) => {
    const sha = w.fixture.commit(`change ${i} (#${50 + i})`, { [`c${i}.txt`]: `${i}\n` });
    w.fixture.push();
    if (state)
      book.add(sha, {
        state: state as 'success',
        context: 'post-merge-smoke',
        targetUrl: `https://ci.example/runs/${i}`,
      });
    return sha;
  });
}

/** A pull_request event for PR #31, in a workspace with no checkout whose registry would leave a marker. */
function gateEnv(w: World, pr: { title: string; labels: string[] }, inputs: Record<string, string> = {}) {
  const empty = join(w.fixture.root, 'no-checkout');
  mkdirSync(join(empty, '.github'), { recursive: true });
  const marker = join(w.scratch, 'gate-ran-code');
  writeFileSync(
    join(empty, '.github', 'post-merge-smoke.yml'),
    `version: 1\nprofiles:\n  p: { command: touch ${marker} }\ndefault: p\n`,
  );
  const head = git(w.fixture.origin, 'rev-parse', 'refs/heads/main');
  const event = pullRequestPayload({
    number: 31,
    ...pr,
    headRef: 'fix',
    headSha: w.mergeCommit,
    baseRef: 'main',
    baseSha: head,
    repository: REPOSITORY,
  });
  const env = actionEnv(w, { eventName: 'pull_request', event, inputs: { mode: 'gate', ...inputs } });
  return { env: { ...env, GITHUB_WORKSPACE: empty, GITHUB_REF: 'refs/pull/31/merge' }, marker };
}

/** Every declared output is set; the gate's result outputs are empty. */
function gateOutputs(run: ActionRun): Record<string, string> {
  const missing = Object.keys(readActionYml().outputs).filter((name) => !(name in run.outputs));
  expect([missing, describeRun(run)]).toEqual([[], expect.any(String)]);
  expect(run.outputs).toMatchObject({
    mode: 'gate',
    result: '',
    'result-path': '',
    'merge-commit': '',
    'packet-path': '',
  });
  return run.outputs;
}

/** Runs the gate for PR #31 as `pr` (the event, and the API unless it knows the PR otherwise already). */
async function gate(
  w: World,
  served: { known: KnownPulls },
  pr: { title: string; labels: string[] },
  inputs: Record<string, string> = {},
) {
  if (!served.known.has(31)) served.known.set(31, pr);
  const before = w.github.requests.length;
  const { env, marker } = gateEnv(w, pr, inputs);
  const run = await runAction(env);
  const requests = w.github.requests.slice(before).map((r) => `${r.method} ${r.path}`);
  expect(existsSync(marker)).toBe(false);
  return { run, outputs: gateOutputs(run), requests };
}

describe('the built action as the merge gate (mode: gate), one API request each', () => {
  const pr = { title: 'Add dark mode', labels: ['ui'] };

  it('green: passes; a pending smoke on the newest commit does not block', async () => {
    world = await createWorld();
    const served = serveMain(world, new Map());
    const [, green] = pushMain(world, served, ['failure', 'success', 'pending']);
    const { run, outputs, requests } = await gate(world, served, pr);
    expect([run.exitCode, describeRun(run)]).toEqual([0, expect.any(String)]);
    expect(outputs).toMatchObject({
      status: 'PASS',
      'main-state': 'green',
      'red-since': '',
      bypassed: 'false',
      // The gate smokes nothing: the SmokeResult outputs are empty, continuation-ready included.
      result: '',
      'continuation-ready': '',
    });
    expect(requests).toEqual(['POST /graphql']);
    expect(run.stdout).toContain(`'main' is green: ${green!.slice(0, 7)}`);
    expect(run.summary).toContain('post-merge-smoke gate: PASS');
  });

  it('red: fails naming the first failing commit of the streak, its PR and its run; an error annotation', async () => {
    world = await createWorld();
    const pulls = new Map<string, { number: number; title: string }>();
    const served = serveMain(world, pulls);
    const [, first, , newest] = pushMain(world, served, ['success', 'failure', null, 'error', 'pending']);
    pulls.set(first!, { number: 51, title: 'Cache warmup' });
    const { run, outputs, requests } = await gate(world, served, pr);
    expect(run.exitCode).toBe(1);
    expect(outputs).toMatchObject({
      status: 'FAIL',
      'main-state': 'red',
      'red-since': first,
      bypassed: 'false',
    });
    expect(requests).toEqual(['POST /graphql']);
    const annotation = run.stdout.split('\n').find((l) => l.startsWith('::error '));
    expect(annotation).toContain(
      `is red since ${first!.slice(0, 7)} (PR #51 "Cache warmup", run https://ci.example/runs/1)`,
    );
    expect(annotation).toContain(`the newest is ${newest!.slice(0, 7)}`);
    expect(run.summary).toContain('post-merge-smoke gate: FAIL');
    expect(run.summary).toContain('href="https://ci.example/runs/1"');
  });

  it('red + the bypass label (read with the history, so a label added later counts): passes, bypassed', async () => {
    world = await createWorld();
    const served = serveMain(
      world,
      new Map(),
      new Map([[31, { title: 'Add dark mode', labels: ['bug', 'smoke-fix'] }]]),
    );
    const [failed] = pushMain(world, served, ['failure']);
    // The event still has the labels of when it fired; the API's current ones win.
    const { run, outputs, requests } = await gate(world, served, pr);
    expect([run.exitCode, describeRun(run)]).toEqual([0, expect.any(String)]);
    expect(outputs).toMatchObject({
      status: 'PASS',
      'main-state': 'red',
      'red-since': failed,
      bypassed: 'true',
    });
    expect(requests).toEqual(['POST /graphql']);
    expect(run.stdout).toMatch(
      /^::notice title=post-merge-smoke gate%3A bypassed::.*PR #31 carries the label 'smoke-fix'/m,
    );
  });

  it('red + a revert title, with a custom gate-bypass-label: passes, bypassed; another label does not', async () => {
    world = await createWorld();
    const served = serveMain(world, new Map());
    pushMain(world, served, ['failure']);
    const revert = await gate(
      world,
      served,
      { title: 'Revert "Add the widget endpoint"', labels: [] },
      { 'gate-bypass-label': 'hotfix' },
    );
    expect(revert.run.exitCode).toBe(0);
    expect(revert.outputs).toMatchObject({ status: 'PASS', bypassed: 'true' });
    served.known.delete(31);
    const labelled = await gate(
      world,
      served,
      { title: 'A fix', labels: ['smoke-fix'] },
      { 'gate-bypass-label': 'hotfix' },
    );
    expect(labelled.run.exitCode).toBe(1);
    expect(labelled.outputs).toMatchObject({ status: 'FAIL', bypassed: 'false' });
  });

  it('unknown: no final status anywhere → passes with a notice', async () => {
    world = await createWorld();
    const served = serveMain(world, new Map());
    pushMain(world, served, [null, 'pending']);
    const { run, outputs, requests } = await gate(world, served, pr);
    expect(run.exitCode).toBe(0);
    expect(outputs).toMatchObject({
      status: 'PASS',
      'main-state': 'unknown',
      'red-since': '',
      bypassed: 'false',
    });
    expect(requests).toEqual(['POST /graphql']);
    expect(run.stdout).toMatch(
      /^::notice title=post-merge-smoke gate%3A state unknown::No commit among the last 4/m,
    );
  });

  it('a token without access: ERROR, every output set, main-state empty', async () => {
    world = await createWorld();
    world.github.on('POST', /^\/graphql$/, {
      body: {
        data: null,
        errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }],
      },
    });
    const { run, outputs } = await gate(world, { known: new Map() }, pr);
    expect(run.exitCode).toBe(1);
    expect(outputs).toMatchObject({ status: 'ERROR', 'main-state': '', 'red-since': '', bypassed: '' });
    expect(run.stdout).toContain(
      'the gate needs a token with contents: read, statuses: read and pull-requests: read',
    );
  });
});

describe('the gate on an answer it cannot use: ERROR, never the PASS of an unknown state', () => {
  const pr = { title: 'Add dark mode', labels: ['ui'] };
  const withPr = (repository: Record<string, unknown>) => ({
    data: { repository: { ...repository, pullRequest: { number: 31, title: 't', labels: { nodes: [] } } } },
  });

  it.each([
    ['history.nodes: "x"', withPr({ ref: { target: { history: { nodes: 'x' } } } })],
    ['ref: {} (no target)', withPr({ ref: {} })],
    ['history: null', withPr({ ref: { target: { history: null } } })],
  ])('%s → ERROR api_failed, naming where the answer broke', async (_name, body) => {
    world = await createWorld();
    world.github.on('POST', /^\/graphql$/, { body });
    const { run, outputs } = await gate(world, { known: new Map() }, pr);
    expect([run.exitCode, describeRun(run)]).toEqual([1, expect.any(String)]);
    expect(outputs).toMatchObject({ status: 'ERROR', 'main-state': '', bypassed: '' });
    expect(run.stdout).toMatch(
      /^::error title=post-merge-smoke gate ERROR::.*\(history of main\) answered /m,
    );
    expect(run.stdout).not.toContain('lets this through');
    expect(run.stdout).not.toContain('contents: read');
  });

  it('GraphQL RATE_LIMITED with HTTP 200 → ERROR naming the rate limit and its reset, no permissions hint', async () => {
    world = await createWorld();
    const reset = Math.floor(Date.now() / 1000) + 3600;
    world.github.on('POST', /^\/graphql$/, {
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      body: { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded' }] },
    });
    const { run, outputs } = await gate(world, { known: new Map() }, pr);
    expect(run.exitCode).toBe(1);
    expect(outputs).toMatchObject({ status: 'ERROR', 'main-state': '' });
    expect(run.stdout).toMatch(
      /rate limit is exhausted \(a GraphQL RATE_LIMITED answer\); it resets at \S+Z/,
    );
    expect(run.stdout).not.toContain('contents: read');
    expect(world.github.requests.filter((r) => r.path === '/graphql')).toHaveLength(1);
  });
});

describe('post-merge smoke → gate: a red main holds the next merge until a fix lands', () => {
  it('the smoke of a push posts failure; the gate names it; a fix smoked green opens the gate again', async () => {
    world = await createWorld({ commitMessage: 'Add the widget endpoint (#5)' });
    const pulls = new Map([[world.mergeCommit, { number: 5, title: 'Add the widget endpoint' }]]);
    const served = serveMain(world, pulls);
    const smoke = await runAction(actionEnv(world, { inputs: { 'smoke-command': 'exit 1' } }));
    expect(checkedResult(smoke).status).toBe('FAIL');

    const red = await gate(world, served, { title: 'Add dark mode', labels: [] });
    expect(red.outputs).toMatchObject({
      status: 'FAIL',
      'main-state': 'red',
      'red-since': world.mergeCommit,
    });
    expect(red.run.stdout).toContain(`(PR #5 "Add the widget endpoint", run ${runUrl})`);

    const fix = world.fixture.commit('Fix the widget endpoint (#6)', { 'widget.txt': 'fixed\n' });
    world.fixture.push();
    const fixed = await runAction(
      actionEnv(
        { ...world, mergeCommit: fix, before: world.mergeCommit },
        { inputs: { 'smoke-command': 'true' } },
      ),
    );
    expect(checkedResult(fixed).status).toBe('PASS');
    const green = await gate(world, served, { title: 'Add dark mode', labels: [] });
    expect(green.outputs).toMatchObject({ status: 'PASS', 'main-state': 'green', 'red-since': '' });
  });
});
