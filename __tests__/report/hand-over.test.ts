// A run job with `report: false`: it posts nothing, hands its result over as an artifact, and fails when the
// report job could never see it. Every skipped step says why.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { publishResult, type PublishContext } from '../../src/report/publish.js';
import type { ArtifactUpload } from '../../src/report/types.js';
import { parseSettings, type InputName } from '../../src/settings/index.js';
import { recordingSinks, Redactor } from '../../src/sinks/index.js';
import { recordingLog } from '../support/logs.js';
import { sampleResult, SAMPLE_SHA } from '../support/sample-result.js';
import { pushRunner } from '../support/runner-context.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pms-hand-over-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function context(inputs: Partial<Record<InputName, string>>, upload: PublishContext['uploadArtifact']) {
  const runner = pushRunner(SAMPLE_SHA, { workspace: dir, runnerTemp: dir, runId: '5', runAttempt: 3 });
  const { settings } = parseSettings((name) => inputs[name], runner);
  const { log, lines } = recordingLog();
  const { sinks } = recordingSinks(new Redactor({ secrets: [], patterns: [] }), log, () => {});
  const c: PublishContext = {
    settings,
    runner,
    outDir: join(dir, 'out'),
    sinks,
    api: null,
    uploadArtifact: upload,
    now: () => new Date(),
    signal: null,
  };
  return { c, lines };
}

describe('report: false', () => {
  it('posts nothing, uploads the result and the logs as post-merge-smoke-result-<profile>-<sha7>-attempt-<n>', async () => {
    const uploads: { upload: ArtifactUpload; files: string[] }[] = [];
    const { c, lines } = context(
      { report: 'false', profile: 'api', 'green-ref': 'green' },
      async (upload) => {
        uploads.push({ upload, files: upload.files.map((f) => relative(upload.rootDirectory, f)).sort() });
        return { id: 9, size: 1, url: null };
      },
    );
    const p = await publishResult(sampleResult({ status: 'FAIL', merge_commit: SAMPLE_SHA }), null, c);
    const skipped = 'skipped: report is false (the report job reports)';
    expect(p.result.reporting).toEqual({
      commit_status: skipped,
      artifact: skipped,
      green_ref: skipped,
      escalation_issue: skipped,
      result_artifact: 'uploaded: post-merge-smoke-result-api-0123456-attempt-3 (id 9)',
      summary: 'written',
    });
    expect(uploads.map((u) => [u.upload.name, u.files])).toEqual([
      ['post-merge-smoke-result-api-0123456-attempt-3', ['smoke-result.json', 'stderr.log', 'stdout.log']],
    ]);
    const handed = JSON.parse(readFileSync(join(dir, 'out', 'result-artifact', 'smoke-result.json'), 'utf8'));
    expect(handed).toMatchObject({ status: 'FAIL', merge_commit: SAMPLE_SHA });
    expect(p.packetPath).toBeNull();
    expect(existsSync(join(dir, 'out', 'escalation'))).toBe(false);
    // The report job raises the Critical #7; this job's annotation says it does.
    expect(lines.filter((l) => l.level === 'error').map((l) => l.text)).toEqual([p.result.message]);
    expect(p.failed).toBe(true);
  });

  it('fails the job when the result cannot be handed over, even on PASS: main would have no verdict', async () => {
    const { c } = context({ report: 'false' }, null);
    const p = await publishResult(sampleResult({ status: 'PASS', merge_commit: SAMPLE_SHA }), null, c);
    expect(p.result.reporting.result_artifact).toMatch(/^failed: no artifact service here/);
    expect(p.failed).toBe(true);
  });

  it('a job that reports hands nothing over, and says why each main-health step did nothing', async () => {
    const { c } = context({}, async () => {
      throw new Error('no upload expected');
    });
    const p = await publishResult(sampleResult({ status: 'PASS', merge_commit: SAMPLE_SHA }), null, c);
    expect(p.result.reporting).toMatchObject({
      commit_status: 'skipped: no token',
      green_ref: 'skipped: green-ref is off',
      escalation_issue: 'skipped: escalation-issue is off',
      result_artifact: 'skipped: report is true (this job reports)',
    });
    expect(p.failed).toBe(false);
  });

  it('never treats the base branch itself as the green ref', async () => {
    const { c } = context({ 'green-ref': 'main' }, null);
    const p = await publishResult(
      sampleResult({ status: 'PASS', merge_commit: SAMPLE_SHA, base_branch: 'main' }),
      null,
      c,
    );
    expect(p.result.reporting.green_ref).toBe('skipped: green-ref is the base branch main itself');
  });
});
