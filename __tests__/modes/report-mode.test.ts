// `mode: report` in process: the results it folds (the `results` input, or an artifact store), what it
// refuses, and that a run job's result cannot steer it to another commit or another run's links.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SmokeResult } from '../../src/contracts.js';
import type { ModeContext } from '../../src/modes/context.js';
import { reportAndPublish } from '../../src/modes/report.js';
import type { ArtifactStore } from '../../src/report/result-artifact.js';
import { parseSettings, type InputName, type RunnerContext } from '../../src/settings/index.js';
import { recordingSinks, Redactor } from '../../src/sinks/index.js';
import { silentLog } from '../support/logs.js';
import { sampleResult, SAMPLE_SHA } from '../support/sample-result.js';
import { pushRunner } from '../support/runner-context.js';

const OTHER = 'fedcba9876543210fedcba9876543210fedcba98';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pms-report-mode-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function runner(): RunnerContext {
  const where = { workspace: join(dir, 'no-checkout'), runnerTemp: join(dir, 'temp') };
  return pushRunner(SAMPLE_SHA, { ...where, runId: '77', runAttempt: 2 });
}

async function report(inputs: Partial<Record<InputName, string>>, artifacts: ArtifactStore | null = null) {
  const r = runner();
  const { settings, errors } = parseSettings((name) => ({ mode: 'report', ...inputs })[name], r);
  const { sinks, recorded } = recordingSinks(
    new Redactor({ secrets: [], patterns: settings.redactPatterns }),
    silentLog(),
    () => {},
  );
  const c = {
    entry: 'action',
    settings,
    runner: r,
    git: null as never, // a report job has no repository: any git call would throw
    api: null,
    sinks,
    outDir: join(dir, 'out'),
    env: {},
    secrets: [],
    retry: { delaysMs: [] },
    apply: true,
    checkoutWorkspace: false,
    taskFileOverride: null,
    now: () => new Date(),
  } satisfies ModeContext;
  const publication = await reportAndPublish(c, {
    signal: new AbortController().signal,
    inputErrors: errors,
    describeInputError: (e) => e.message,
    uploadArtifact: null,
    artifacts,
  });
  return { ...publication, outputs: recorded.outputs };
}

/** An artifact store over directories: name → files, as a run job would have uploaded them. */
function store(artifacts: Record<string, Record<string, string>>): ArtifactStore & { downloads: string[] } {
  const names = Object.keys(artifacts);
  const downloads: string[] = [];
  return {
    downloads,
    list: async () => names.map((name, i) => ({ id: i + 1, name })),
    download: async (a, target) => {
      downloads.push(a.name);
      mkdirSync(target, { recursive: true });
      for (const [file, content] of Object.entries(artifacts[a.name]!))
        writeFileSync(join(target, file), content);
    },
  };
}

const failed = (over: Partial<SmokeResult> = {}) =>
  sampleResult({
    status: 'FAIL',
    merge_commit: SAMPLE_SHA,
    run: { repository: 'evil/repo', run_id: '1', run_attempt: 1, url: 'https://phish.example/run' },
    ...over,
  });

describe('mode: report', () => {
  it('folds the results input and publishes it as its own: mode report, its run, reporting afresh', async () => {
    const p = await report({ results: JSON.stringify(failed()) });
    expect(p.result).toMatchObject({
      mode: 'report',
      status: 'FAIL',
      exit_code: 3,
      merge_commit: SAMPLE_SHA,
    });
    expect(p.result.run).toEqual({
      repository: 'octo/repo',
      run_id: '77',
      run_attempt: 2,
      url: 'https://github.com/octo/repo/actions/runs/77/attempts/2',
    });
    expect(p.result.reporting).toMatchObject({
      commit_status: 'skipped: no token',
      green_ref: 'skipped: green-ref is off',
      escalation_issue: 'skipped: escalation-issue is off',
      result_artifact: 'read: the results input',
    });
    expect(p.packetPath).not.toBeNull();
    expect(p.failed).toBe(true);
    expect(p.outputs).toMatchObject({ mode: 'report', status: 'FAIL' });
  });

  it('one run job without a plan: its result stands as it is; several: one fold with a row per profile', async () => {
    const one = await report({ results: JSON.stringify(failed()) });
    expect([one.result.message, one.result.profiles]).toEqual([failed().message, null]);
    const two = await report({
      results: JSON.stringify([failed({ profile: 'web' }), failed({ profile: 'api', status: 'PASS' })]),
    });
    expect(two.result.status).toBe('FAIL');
    expect(two.result.profiles?.map((r) => [r.profile, r.status])).toEqual([
      ['web', 'FAIL'],
      ['api', 'PASS'],
    ]);
    expect(two.result.message).toMatch(/^1 of 2 profiles did not pass: web FAIL/);
  });

  it('refuses a results input that is not JSON or not SmokeResults: BLOCKED invalid_input', async () => {
    const notJson = await report({ results: '{oops' });
    expect(notJson.result).toMatchObject({ mode: 'report', status: 'BLOCKED', reason: 'invalid_input' });
    expect(notJson.result.message).toMatch(/^input 'results' is not JSON/);
    const notResult = await report({ results: JSON.stringify([failed(), { status: 'PASS' }]) });
    expect(notResult.result.message).toMatch(/not a SmokeResult \(the results input \[1\]\)/);
  });

  it('a result about another commit is unusable: ERROR missing_shard on its own commit', async () => {
    const p = await report({ results: JSON.stringify(failed({ merge_commit: OTHER })) });
    expect(p.result).toMatchObject({ status: 'ERROR', reason: 'missing_shard', merge_commit: SAMPLE_SHA });
    expect(p.result.message).toContain(`it is about ${OTHER}, not ${SAMPLE_SHA}`);
  });

  it('reads this attempt’s result artifact, its logs travel in the packet; none for this commit is missing_shard', async () => {
    const name = 'post-merge-smoke-result-default-0123456-attempt-2';
    const artifacts = store({
      [name]: {
        'smoke-result.json': JSON.stringify(failed()),
        'stderr.log': 'the whole stderr log\n',
        'stdout.log': '',
      },
      'post-merge-smoke-result-default-0123456-attempt-1': { 'smoke-result.json': '{}' },
      'post-merge-smoke-result-default-fedcba9-attempt-2': { 'smoke-result.json': '{}' },
    });
    const p = await report({}, artifacts);
    expect(artifacts.downloads).toEqual([name]);
    expect(p.result.reporting.result_artifact).toBe(`read: ${name}`);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(join(dir, 'out', 'escalation', 'stderr.log'), 'utf8')).toBe('the whole stderr log\n');

    const none = await report({}, store({ 'post-merge-smoke-result-default-fedcba9-attempt-2': {} }));
    expect(none.result).toMatchObject({ status: 'ERROR', reason: 'missing_shard' });
    const broken = await report({}, store({ [name]: { 'smoke-result.json': '{"status":"PASS"}' } }));
    expect(broken.result.message).toMatch(
      /post-merge-smoke-result-default-0123456-attempt-2: SmokeResult does not match/,
    );
  });

  it('without an artifact service or results input there is nothing to fold: ERROR missing_shard', async () => {
    const p = await report({});
    expect(p.result).toMatchObject({ status: 'ERROR', reason: 'missing_shard', merge_commit: SAMPLE_SHA });
  });
});
