// The modes (SPEC-v2 §1), each a composition of stages with its own publication. An entry point picks one
// by the `mode` input and only learns how it ended.
import type { SmokeResult } from '../contracts.js';
import type { Mode } from '../settings/index.js';
import type { ModeContext } from './context.js';
import { runGate } from './gate.js';
import { planOutcome, publishPlan } from './plan-report.js';
import { runPlanScript } from './plan.js';
import { reportAndPublish } from './report.js';
import { smokeAndPublish, type SmokeOptions } from './smoke.js';
import { validateAndPublish } from './validate.js';

export { API_BUDGET_MS, withApiBudget, type ModeContext } from './context.js';
export { runSmokeScript, endOfRun, smokeAndPublish, type SmokeOptions } from './smoke.js';
export { reportAndPublish } from './report.js';
export type { Command } from './stages/command.js';
export { ranVerdict, type RunEnd } from './run.js';
export { runValidateScript, type ValidateSource, type Validation } from './validate.js';
export { inputName, freshnessMessage, type Entry } from './wording.js';
export { runGate, type GateOutcome } from './gate.js';
export type { GateDecision, MainState } from './stages/main-state.js';
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

const reportMode: ModeRunner = async (c, o) => {
  const { result, failed } = await reportAndPublish(c, o);
  return { status: result.status, reason: result.reason, message: result.message, failed, result };
};

/** `mode: plan`: the shards this commit needs, as a job matrix; nothing runs. */
const planMode: ModeRunner = async (c, o) => {
  const end = await runPlanScript(c, { ...o, withoutFanOut: 'precedence' });
  const outcome = planOutcome(end);
  await publishPlan(c, end, outcome, o.uploadArtifact);
  return { ...outcome, result: null };
};

export const MODE_RUNNERS: Record<Mode, ModeRunner> = {
  run: runMode,
  plan: planMode,
  report: reportMode,
  gate: runGate,
  validate: validateAndPublish,
};

export function runSelectedMode(c: ModeContext, o: SmokeOptions): Promise<ModeOutcome> {
  return MODE_RUNNERS[c.settings.mode](c, o);
}
