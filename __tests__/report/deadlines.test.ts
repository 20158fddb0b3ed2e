// Reporting steps in time: each has a deadline of its own, so a service that never answers costs only the
// step that called it; after a cancellation what is left of the reporting gets a short window, and the
// outcome is still written. The deadlines are shortened here (reportingMs); the e2e tests use the real ones.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GitHubApi } from '../../src/adapters/index.js';
import { publishResult, type PublishContext } from '../../src/report/publish.js';
import type { ArtifactUploader } from '../../src/report/types.js';
import { parseSettings, type InputName } from '../../src/settings/index.js';
import { recordingSinks, Redactor } from '../../src/sinks/index.js';
import { recordingLog } from '../support/logs.js';
import { sampleResult, SAMPLE_SHA } from '../support/sample-result.js';
import { pushRunner } from '../support/runner-context.js';

const SHORT = { api: 50, apiUnreachable: 30, artifactUpload: 50, files: 2000, cancelled: 100 } as const;
const never = <T>() => new Promise<T>(() => {});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pms-deadlines-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function context(
  inputs: Partial<Record<InputName, string>>,
  o: { upload: ArtifactUploader; api?: GitHubApi | null; signal?: AbortSignal | null },
) {
  const runner = pushRunner(SAMPLE_SHA, { workspace: dir, runnerTemp: dir, runId: '5' });
  const { settings } = parseSettings((name) => inputs[name], runner);
  const { log } = recordingLog();
  const { sinks, recorded } = recordingSinks(new Redactor({ secrets: [], patterns: [] }), log, () => {});
  const c: PublishContext = {
    settings,
    runner,
    outDir: join(dir, 'out'),
    sinks,
    api: o.api ?? null,
    uploadArtifact: o.upload,
    now: () => new Date(),
    signal: o.signal ?? null,
    reportingMs: SHORT,
  };
  return { c, recorded };
}

/** An API that never answers: a call fails when its budget is spent, as the real client's do. */
function silentApi(): { api: GitHubApi; budgets: number[]; calls: string[] } {
  const budgets: number[] = [];
  const calls: string[] = [];
  const client = (budgetMs: number | null): GitHubApi =>
    new Proxy({} as GitHubApi, {
      get: (_, name: string) =>
        name === 'withBudget'
          ? (ms: number) => (budgets.push(ms), client(ms))
          : () => {
              calls.push(name);
              if (budgetMs === null) return never();
              return new Promise((_, reject) =>
                setTimeout(() => reject(new Error('budget spent')), budgetMs),
              );
            },
    });
  return { api: client(null), budgets, calls };
}

describe('reporting deadlines', () => {
  it('a silent artifact upload fails at its step deadline; the summary, result file and outputs still come', async () => {
    const { c, recorded } = context({}, { upload: never });
    const p = await publishResult(sampleResult({ status: 'FAIL', merge_commit: SAMPLE_SHA }), null, c);
    expect(p.result.reporting.artifact).toMatch(/^failed: gave up after \d+ ms$/);
    expect(p.result.reporting.summary).toBe('written');
    expect(p.resultPath && existsSync(p.resultPath)).toBeTruthy();
    expect(recorded.outputs.status).toBe('FAIL');
    expect(p.failed).toBe(true);
  });

  it('a cancellation cuts the step in flight and the ones that would wait; a step that skips still says so', async () => {
    const controller = new AbortController();
    const { api, budgets, calls } = silentApi();
    const upload: ArtifactUploader = () => {
      controller.abort(); // SIGTERM arrives while the upload waits
      return never();
    };
    const { c } = context({ 'escalation-issue': 'true' }, { upload, api, signal: controller.signal });
    // The commit status waits on the silent API within its own (short) budget; the upload is cut.
    const p = await publishResult(sampleResult({ status: 'FAIL', merge_commit: SAMPLE_SHA }), null, c);
    const cancelled = /^failed: the run was cancelled: gave up after the 100 ms a cancelled run leaves/;
    expect(p.result.reporting).toMatchObject({
      artifact: expect.stringMatching(cancelled),
      escalation_issue: expect.stringMatching(cancelled),
      result_artifact: 'skipped: report is true (this job reports)',
      summary: 'written',
    });
    expect(p.result.reporting.commit_status).toMatch(/^failed: /);
    // Each step that uses the API had a budget of its own: the silent status did not spend the others'.
    expect(budgets).toEqual([SHORT.api, SHORT.api, SHORT.api, SHORT.api]);
    expect(calls).toEqual(['createCommitStatus', 'commitHistory', 'listOpenIssues']);
    expect(p.resultPath && existsSync(p.resultPath)).toBeTruthy();
  });

  it('when the verdict is that the API did not answer, the API steps share one short budget', async () => {
    const { api, budgets, calls } = silentApi();
    const { c } = context(
      { 'escalation-issue': 'true' },
      { upload: async () => ({ id: 1, url: 'u', name: 'n', size: 1 }), api },
    );
    const unreachable = sampleResult({
      status: 'ERROR',
      reason: 'head_unreachable',
      merge_commit: SAMPLE_SHA,
    });
    const p = await publishResult(unreachable, null, c);
    // 25 s of silence already decided the verdict: 20 s more per step would keep a silent run past a minute.
    expect(budgets).toEqual([SHORT.apiUnreachable]);
    expect(calls[0]).toBe('createCommitStatus');
    expect(p.result.reporting.commit_status).toMatch(/^failed: /);
    expect(p.result.reporting.summary).toBe('written');
  });
});
