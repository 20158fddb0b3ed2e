// The example workflows are documentation people copy: they must name only inputs and outputs action.yml
// declares, wire job outputs to the jobs that read them, give every job its own least permissions, and keep
// the gate away from repository code.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { MODES } from '../../src/settings/index.js';

const ROOT = process.cwd();
const ACTION = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
};

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
  run?: string;
  env?: Record<string, unknown>;
  if?: string;
}
interface Job {
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  outputs?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: unknown;
  jobs: Record<string, Job>;
}

const files = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yml'));
const ours = (s: Step) => typeof s.uses === 'string' && /(^|\/)post-merge-smoke@/.test(s.uses);
const needsOf = (job: Job) =>
  job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];

describe.each(files)('examples/%s', (file) => {
  const text = readFileSync(join(ROOT, 'examples', file), 'utf8');
  const wf = parseYaml(text) as Workflow;
  const jobs = Object.entries(wf.jobs);

  it('uses only declared inputs and valid modes', () => {
    for (const [, job] of jobs) {
      for (const step of job.steps.filter(ours)) {
        expect(Object.keys(step.with ?? {}).filter((k) => !(k in ACTION.inputs))).toEqual([]);
        if (step.with?.mode !== undefined) expect(MODES).toContain(step.with.mode);
      }
    }
  });

  it('reads only declared outputs of its steps, and only job outputs that the needed job declares', () => {
    for (const [name, job] of jobs) {
      const ourIds = new Set(job.steps.filter(ours).map((s) => s.id));
      const inJob = JSON.stringify(job);
      for (const [, id, output] of inJob.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        if (ourIds.has(id)) expect([name, output, output! in ACTION.outputs]).toEqual([name, output, true]);
      }
      for (const [, needed, output] of inJob.matchAll(/needs\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        expect(needsOf(job)).toContain(needed);
        expect([needed, output, Object.keys(wf.jobs[needed!]?.outputs ?? {})]).toEqual([
          needed,
          output,
          expect.arrayContaining([output]),
        ]);
      }
    }
  });

  it('gives every job its own permissions, nothing by default', () => {
    expect(wf.permissions).toEqual({});
    for (const [name, job] of jobs) expect([name, job.permissions]).toEqual([name, expect.any(Object)]);
  });

  it('a gate job writes nothing and checks nothing out (it never runs repository code)', () => {
    for (const [name, job] of jobs.filter(([, j]) =>
      j.steps.some((s) => ours(s) && s.with?.mode === 'gate'),
    )) {
      const writes = Object.entries(job.permissions ?? {}).filter(([, level]) => level === 'write');
      expect([name, writes]).toEqual([name, []]);
      expect(job.steps.filter((s) => s.uses?.startsWith('actions/checkout'))).toEqual([]);
    }
  });
});

describe('examples/merge-queue.yml: the complete setup', () => {
  const wf = parseYaml(readFileSync(join(ROOT, 'examples', 'merge-queue.yml'), 'utf8')) as Workflow;
  const modeOf = (job: Job) => job.steps.find(ours)?.with?.mode ?? 'run';

  it('covers push → smoke, merge_group → smoke the candidate, pull_request + merge_group → gate', () => {
    expect(Object.keys(wf.on).sort()).toEqual(['merge_group', 'pull_request', 'push']);
    const byMode = Object.values(wf.jobs).map((j) => [j.if ?? '', j.steps.some(ours) ? modeOf(j) : null]);
    expect(byMode).toEqual(
      expect.arrayContaining([
        ["github.event_name == 'push'", 'run'],
        ["github.event_name == 'merge_group'", 'run'],
        ["${{ !cancelled() && github.event_name != 'push' }}", 'gate'],
      ]),
    );
  });

  it('continuation-ready reaches a deploy job through job outputs', () => {
    const deploy = Object.values(wf.jobs).find((j) => /continuation-ready == 'true'/.test(j.if ?? ''));
    expect(deploy).toBeDefined();
    expect(wf.jobs[needsOf(deploy!)[0]!]!.outputs!['continuation-ready']).toBe(
      '${{ steps.smoke.outputs.continuation-ready }}',
    );
  });
});
