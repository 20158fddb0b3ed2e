// The fan-out example wires plan → matrix of run jobs → report the way SPEC-v2 §5 says, passing only
// inputs the action declares.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

type Step = { uses?: string; with?: Record<string, unknown> };
type Job = { needs?: string | string[]; if?: string; steps: Step[]; strategy?: { matrix: unknown } };
type Workflow = { jobs: Record<string, Job> };

const root = process.cwd();
const declared = Object.keys(
  (parse(readFileSync(join(root, 'action.yml'), 'utf8')) as { inputs: object }).inputs,
);
const read = (file: string) => parse(readFileSync(join(root, 'examples', file), 'utf8')) as Workflow;
const ours = (job: Job) => job.steps.filter((s) => s.uses?.includes('post-merge-smoke'));

describe('examples/fan-out.yml', () => {
  it('fan-out.yml passes only inputs the action declares', () => {
    for (const job of Object.values(read('fan-out.yml').jobs)) {
      for (const step of ours(job)) {
        for (const input of Object.keys(step.with ?? {})) expect(declared).toContain(input);
      }
    }
  });

  it('fan-out.yml: a plan job, a matrix of run jobs from its outputs, a report job that always folds', () => {
    const { jobs } = read('fan-out.yml');
    expect(ours(jobs.plan!)[0]!.with).toMatchObject({ mode: 'plan', 'fan-out': 'paths' });
    const smoke = jobs.smoke!;
    expect(smoke.needs).toBe('plan');
    expect(smoke.if).toBe("needs.plan.outputs.profiles != ''");
    expect(smoke.strategy?.matrix).toBe('${{ fromJSON(needs.plan.outputs.matrix) }}');
    expect(ours(smoke)[0]!.with).toEqual({ profile: '${{ matrix.profile }}', report: false });
    const report = jobs.report!;
    expect(report.needs).toEqual(['plan', 'smoke']);
    expect(report.if).toBe('${{ !cancelled() }}');
    expect(ours(report)[0]!.with).toMatchObject({ mode: 'report' });
  });
});
