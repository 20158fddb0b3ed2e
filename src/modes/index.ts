// The modes (SPEC-v2 §1), each a composition of stages with its own publication. An entry point picks one
// by the `mode` input and only learns how it ended.
import type { SmokeResult } from '../contracts.js';
import { inputError, type Mode } from '../settings/index.js';
import type { ModeContext } from './context.js';
import { planOutcome, publishPlan } from './plan-report.js';
import { runPlanScript } from './plan.js';
import { smokeAndPublish, type SmokeOptions } from './smoke.js';
import { validateAndPublish } from './validate.js';

export { API_BUDGET_MS, withApiBudget, type ModeContext } from './context.js';
export { runSmokeScript, endOfRun, smokeAndPublish, type SmokeOptions } from './smoke.js';
export type { Command } from './stages/command.js';
export { ranVerdict, type RunEnd } from './run.js';
export { runValidateScript, type ValidateSource, type Validation } from './validate.js';
export { inputName, freshnessMessage, type Entry } from './wording.js';
export { runPlanScript, type Plan, type PlanOptions, type PlanWithoutFanOut } from './plan.js';
export { planOutcome, planSummary } from './plan-report.js';

/** How a mode ended, for the job: its last log line, whether it fails the job, its result if it has one. */
export interface ModeOutcome {
  status: string;
  reason: string;
  message: string;
  failed: boolean;
  result: SmokeResult | null;
}

export type ModeRunner = (c: ModeContext, o: SmokeOptions) => Promise<ModeOutcome>;

const runMode: ModeRunner = async (c, o) => {
  const { result, failed } = await smokeAndPublish(c, o);
  return { status: result.status, reason: result.reason, message: result.message, failed, result };
};

/** `mode: plan`: the shards this commit needs, as a job matrix; nothing runs. */
const planMode: ModeRunner = async (c, o) => {
  const end = await runPlanScript(c, { ...o, withoutFanOut: 'precedence' });
  const outcome = planOutcome(end);
  await publishPlan(c, end, outcome, o.uploadArtifact);
  return { ...outcome, result: null };
};

/** A mode this version does not offer yet: a run BLOCKED on the `mode` input, published like any other. */
function unavailable(mode: Mode): ModeRunner {
  const error = inputError('mode', mode, 'this mode is not available in this version yet');
  return (c, o) => runMode(c, { ...o, inputErrors: [...o.inputErrors, error] });
}

export const MODE_RUNNERS: Record<Mode, ModeRunner> = {
  run: runMode,
  plan: planMode,
  report: unavailable('report'),
  gate: unavailable('gate'),
  validate: validateAndPublish,
};

export function runSelectedMode(c: ModeContext, o: SmokeOptions): Promise<ModeOutcome> {
  return MODE_RUNNERS[c.settings.mode](c, o);
}
