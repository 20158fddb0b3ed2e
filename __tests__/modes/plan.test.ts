// `mode: plan` in process, on real repositories: a bare origin, a clone at the pushed merge commit, the
// registry in the commit's tree. It plans shards and runs nothing; its outputs are set on every exit path.
import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CliGitRepository } from '../../src/adapters/index.js';
import { FANOUT_PLAN_FILE, parsePlanDocument } from '../../src/fanout/index.js';
import { MODE_RUNNERS, type ModeContext, type ModeOutcome } from '../../src/modes/index.js';
import {
  OUTPUT_NAMES,
  parseSettings,
  type InputName,
  type OutputName,
  type RunnerContext,
} from '../../src/settings/index.js';
import { recordingSinks, Redactor } from '../../src/sinks/index.js';
import { git, GitFixture } from '../support/git-fixture.js';
import { recordingLog, type RecordedLine } from '../support/logs.js';
import { pushContext } from '../support/local-run.js';

const REGISTRY = '.github/post-merge-smoke.yml';
const FANOUT_REGISTRY = `version: 1
profiles:
  api: { command: touch ran-api, paths: ['services/api/**', '!**/*.md'] }
  web: { command: touch ran-web, paths: ['web/**', 'packages/shared/**'] }
  worker: { command: touch ran-worker, paths: ['services/worker/**'] }
  deps: { command: touch ran-deps, always: true }
`;

let fixture: GitFixture | null = null;
afterEach(() => {
  fixture?.cleanup();
  fixture = null;
});

interface Planned {
  outcome: ModeOutcome;
  outputs: Partial<Record<OutputName, string>>;
  summary: string;
  lines: RecordedLine[];
  outDir: string;
  sha: string;
}

const runner = (f: GitFixture, sha: string): RunnerContext => pushContext(f, sha, 2);

/** Commits `files` as the merge commit, pushes it, and runs `mode: plan` on it. */
async function plan(
  inputs: Partial<Record<InputName, string>>,
  files: Record<string, string>,
  options: { message?: string; workspace?: string; sha?: string } = {},
): Promise<Planned> {
  fixture ??= GitFixture.create();
  let sha = options.sha;
  if (sha === undefined) {
    sha = fixture.commit(options.message ?? 'Merge the change', files);
    fixture.push();
  }
  const ctx = { ...runner(fixture, sha), workspace: options.workspace ?? fixture.work };
  const { settings, errors } = parseSettings((name) => ({ mode: 'plan', ...inputs })[name], ctx);
  const { log, lines } = recordingLog();
  const recording = recordingSinks(new Redactor({ secrets: [], patterns: [] }), log, () => {
    throw new Error('a plan has no live output: nothing runs');
  });
  const outDir = join(ctx.runnerTemp, 'post-merge-smoke');
  const c: ModeContext = {
    entry: 'action',
    settings,
    runner: ctx,
    git: new CliGitRepository(ctx.workspace),
    api: null,
    sinks: recording.sinks,
    outDir,
    env: process.env,
    secrets: [],
    retry: { delaysMs: [5] },
    apply: true,
    checkoutWorkspace: true,
    taskFileOverride: null,
    now: () => new Date(),
  };
  const outcome = await MODE_RUNNERS.plan(c, {
    signal: new AbortController().signal,
    inputErrors: errors,
    describeInputError: (e) => e.message,
    uploadArtifact: null,
  });
  const { outputs, summary } = recording.recorded;
  return { outcome, outputs, summary, lines, outDir, sha };
}

const ranNothing = (f: GitFixture) =>
  ['api', 'web', 'worker', 'deps'].every((p) => !existsSync(join(f.work, `ran-${p}`)));

describe('mode: plan with fan-out: paths', () => {
  it('plans the profiles whose paths match a changed file, plus the always ones; runs nothing', async () => {
    const p = await plan(
      { 'fan-out': 'paths' },
      { [REGISTRY]: FANOUT_REGISTRY, 'web/index.ts': 'x', 'services/api/README.md': 'docs' },
    );
    expect(p.outcome).toEqual({
      status: 'PASS',
      reason: 'planned',
      message: 'Planned 2 profiles: web, deps.',
      failed: false,
      result: null,
    });
    expect(p.outputs).toMatchObject({
      mode: 'plan',
      status: 'PASS',
      matrix: '{"include":[{"profile":"web"},{"profile":"deps"}]}',
      profiles: 'web,deps',
      result: '',
      'merge-commit': '',
      'packet-path': '',
    });
    expect(Object.keys(p.outputs).sort()).toEqual([...OUTPUT_NAMES].sort());
    expect(p.lines.map((l) => l.text)).toEqual(
      expect.arrayContaining([
        `${p.sha.slice(0, 12)} changed 3 file(s) against its first parent.`,
        'Planned web: web/index.ts matches web/**.',
        'Planned deps: always: true.',
      ]),
    );
    expect(p.summary).toMatch(/✅ post-merge-smoke plan: PASS \(planned\)/);
    expect(p.summary).toContain('| <code>web</code> | web/index.ts matches web/&#42;&#42; |');
    expect(ranNothing(fixture!)).toBe(true);
  });

  it('hands the plan over as a file the report job can read', async () => {
    const p = await plan(
      { 'fan-out': 'paths' },
      { [REGISTRY]: FANOUT_REGISTRY, 'services/worker/a.ts': 'x' },
    );
    const doc = JSON.parse(readFileSync(join(p.outDir, 'plan', FANOUT_PLAN_FILE), 'utf8'));
    expect(doc).toMatchObject({ fan_out: 'paths', merge_commit: p.sha, profiles: ['worker', 'deps'] });
    expect(parsePlanDocument(doc)).toEqual({
      ok: true,
      value: { mergeCommit: p.sha, profiles: ['worker', 'deps'] },
    });
  });

  it('reads fan-out: paths from the registry when the input says nothing', async () => {
    const registry = `fan-out: paths\n${FANOUT_REGISTRY}`;
    const p = await plan({}, { [REGISTRY]: registry, 'packages/shared/x.ts': 'x' });
    expect(p.outputs.profiles).toBe('web,deps');
  });

  it('an empty selection is an empty matrix and an empty profiles output, and still a plan', async () => {
    const registry = FANOUT_REGISTRY.replace(/ {2}deps:.*\n/, '');
    const p = await plan({ 'fan-out': 'paths' }, { [REGISTRY]: registry, 'docs/guide.md': 'x' });
    expect(p.outcome).toMatchObject({ status: 'PASS', reason: 'planned', failed: false });
    expect(p.outcome.message).toMatch(/^Planned no profile: .*The run jobs are skipped/);
    expect(p.outputs).toMatchObject({ matrix: '{"include":[]}', profiles: '' });
  });

  it('plans the default shard when the registry has a problem: its run job reports it', async () => {
    const broken = FANOUT_REGISTRY.replace("'web/**'", "'/web/**'");
    const p = await plan({ 'fan-out': 'paths' }, { [REGISTRY]: broken, 'web/index.ts': 'x' });
    expect(p.outputs).toMatchObject({
      status: 'PASS',
      matrix: '{"include":[{"profile":""}]}',
      profiles: 'default',
    });
    expect(p.lines.map((l) => l.text)).toContainEqual(
      expect.stringMatching(
        /^Planned default: the registry has a problem \(\.github\/post-merge-smoke\.yml line 4, .*starts with '\/'.*\); its run job reports the verdict\.$/,
      ),
    );
  });

  it('plans the default shard when no registry defines a profile to fan out to', async () => {
    const p = await plan({ 'fan-out': 'paths' }, { 'web/index.ts': 'x' });
    expect(p.outputs).toMatchObject({ profiles: 'default', matrix: '{"include":[{"profile":""}]}' });
  });

  it('in a shallow clone without the parent, every file counts as changed, with a warning', async () => {
    fixture = GitFixture.create();
    fixture.commit('Before', { [REGISTRY]: FANOUT_REGISTRY, 'services/worker/a.ts': 'x' });
    fixture.push();
    const shallow = join(fixture.root, 'shallow');
    // The merge commit changes only web/; the clone is made after the push, at depth 1.
    const sha = fixture.commit('Merge web', { 'web/a.ts': 'x' });
    fixture.push();
    git(fixture.root, 'clone', '-q', '--depth=1', `file://${fixture.origin}`, shallow);
    expect(git(shallow, 'rev-parse', 'HEAD')).toBe(sha);
    const p = await plan({ 'fan-out': 'paths', 'merge-commit': sha }, {}, { workspace: shallow, sha });
    expect(p.outputs.profiles).toBe('web,worker,deps');
    expect(p.lines).toContainEqual({
      level: 'warning',
      text: expect.stringMatching(
        /^This shallow clone lacks the parent of [0-9a-f]{12}, .*fetch-depth: 2\.$/,
      ),
    });
  });
});

describe('mode: plan without fan-out', () => {
  it('plans the one profile the v1 precedence resolves', async () => {
    const p = await plan(
      {},
      { [REGISTRY]: FANOUT_REGISTRY, 'web/index.ts': 'x' },
      {
        message: 'Merge the change\n\nSmoke-Profile: worker',
      },
    );
    expect(p.outputs).toMatchObject({ matrix: '{"include":[{"profile":"worker"}]}', profiles: 'worker' });
    expect(ranNothing(fixture!)).toBe(true);
  });

  it('an explicit command is the shard default, whose run job names no profile', async () => {
    const p = await plan({ 'smoke-command': 'touch ran-api' }, { [REGISTRY]: FANOUT_REGISTRY });
    expect(p.outputs).toMatchObject({ matrix: '{"include":[{"profile":""}]}', profiles: 'default' });
    expect(p.lines.map((l) => l.text)).toContain('Planned default: resolved from input.');
    expect(ranNothing(fixture!)).toBe(true);
  });

  it('nothing resolved: the shard default, whose run job gives and reports the verdict', async () => {
    const p = await plan({}, { [REGISTRY]: FANOUT_REGISTRY });
    expect(p.outcome.status).toBe('PASS');
    expect(p.outputs.profiles).toBe('default');
    expect(p.lines.map((l) => l.text)).toContain(
      'Planned default: no command resolved; its run job reports the verdict.',
    );
  });
});

describe('mode: plan that cannot plan', () => {
  it('bad inputs stop it: BLOCKED invalid_input, the job fails, every output is set', async () => {
    const p = await plan({ 'fan-out': 'everything' }, { [REGISTRY]: FANOUT_REGISTRY });
    expect(p.outcome).toMatchObject({ status: 'BLOCKED', reason: 'invalid_input', failed: true });
    expect(p.outcome.message).toMatch(/fan-out/);
    expect(Object.keys(p.outputs).sort()).toEqual([...OUTPUT_NAMES].sort());
    expect(p.outputs).toMatchObject({ mode: 'plan', status: 'BLOCKED', matrix: '', profiles: '' });
    expect(p.lines).toContainEqual({ level: 'error', text: p.outcome.message });
  });

  it('a merge commit the remote does not have stops it, the job fails', async () => {
    const p = await plan({ 'merge-commit': 'f'.repeat(40) }, { [REGISTRY]: FANOUT_REGISTRY });
    expect(p.outcome).toMatchObject({ status: 'BLOCKED', reason: 'invalid_input', failed: true });
    expect(p.outputs).toMatchObject({ status: 'BLOCKED', matrix: '', profiles: '' });
  });

  it('git failing to list the changed files stops it: ERROR git_failed', async () => {
    fixture = GitFixture.create();
    const sha = fixture.commit('Merge', { [REGISTRY]: FANOUT_REGISTRY, 'web/a.ts': 'x' });
    fixture.push();
    // The tree reads, but the commit's parent object is gone: git cannot diff against it.
    const parent = git(fixture.work, 'rev-parse', `${sha}^`);
    const object = join(fixture.work, '.git', 'objects', parent.slice(0, 2), parent.slice(2));
    rmSync(object);
    const p = await plan({ 'fan-out': 'paths', 'merge-commit': sha }, {}, { sha });
    expect(p.outcome).toMatchObject({ status: 'ERROR', reason: 'git_failed', failed: true });
    expect(p.outcome.message).toMatch(/^Could not list the files [0-9a-f]{40} changed: /);
    expect(p.outputs).toMatchObject({ status: 'ERROR', matrix: '', profiles: '' });
  });
});
