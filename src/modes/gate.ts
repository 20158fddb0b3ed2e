// `mode: gate` (SPEC-v2 §3): the one required check of a pull request and of a merge group — it passes while
// the base branch is green (or its state is unknown), fails while it is red, and lets fixes through (the
// bypass label, a revert). Its verdict is not a SmokeResult: nothing is smoked, so there is no result, no
// commit status and no escalation packet; its outputs are `status` (PASS or FAIL; ERROR, BLOCKED or
// CANCELLED when it could not decide), `main-state`, `red-since` and `bypassed`, and `result` is empty.
// It never reads the workspace or runs anything: one API request is its whole cost.
import { runScript, run, type Script, type Verdict } from '../pipeline/index.js';
import { emptyOutputs, isolated, REPORTING_MS, setEachOutput } from '../report/index.js';
import type { InputError } from '../settings/index.js';
import { API_BUDGET_MS, withApiBudget, type ModeContext } from './context.js';
import { renderGateSummary } from './gate-summary.js';
import type { SmokeOptions } from './smoke.js';
import { gateInputsStage, gateSubjectStage, readBaseBranchStage } from './stages/gate.js';
import { decideGate, mainHealth, type GateDecision, type MainState } from './stages/main-state.js';

/** How a gate ended: a ModeOutcome (with no result) plus the gate's own outputs. */
export interface GateOutcome {
  status: 'PASS' | 'FAIL' | Verdict['status'];
  /** The decision's words (main_green, main_unknown, bypassed, main_red), or the stop's reason. */
  reason: string;
  message: string;
  failed: boolean;
  result: null;
  /** null when the gate could not read the base branch. */
  mainState: MainState | null;
  redSince: string | null;
  bypassed: boolean | null;
  decision: GateDecision | null;
}

export async function* gateScript(
  c: ModeContext,
  inputErrors: readonly InputError[],
  describeInputError: (e: InputError) => string,
): Script<GateDecision> {
  yield* run(gateInputsStage(inputErrors, describeInputError));
  const subject = yield* run(gateSubjectStage(c));
  const seen = yield* run(readBaseBranchStage(withApiBudget(c, API_BUDGET_MS.gate), subject));
  return decideGate(mainHealth(seen.commits), {
    base: subject.base,
    context: subject.context,
    pull: seen.pull,
    bypassLabel: c.settings.gateBypassLabel,
  });
}

/** Runs the gate and publishes its outputs, summary and annotations on every exit path. */
export async function runGate(c: ModeContext, o: SmokeOptions): Promise<GateOutcome> {
  const end = await runScript(gateScript(c, o.inputErrors, o.describeInputError), {
    signal: o.signal,
    log: c.sinks.log,
    initial: {},
    dryRun: c.settings.dryRun,
  });
  const outcome = end.kind === 'done' ? decided(end.value) : undecided(end.verdict);
  await publishGate(c, outcome);
  return outcome;
}

function decided(d: GateDecision): GateOutcome {
  const { status, reason, message, mainState, redSince, bypassed } = d;
  return {
    status,
    reason,
    message,
    failed: status === 'FAIL',
    result: null,
    mainState,
    redSince,
    bypassed,
    decision: d,
  };
}

function undecided(v: Verdict): GateOutcome {
  return {
    ...v,
    failed: true,
    result: null,
    mainState: null,
    redSince: null,
    bypassed: null,
    decision: null,
  };
}

async function publishGate(c: ModeContext, g: GateOutcome): Promise<void> {
  const summary = c.sinks.appendSummary;
  if (summary) {
    const page = renderGateSummary(g, { serverUrl: c.runner.serverUrl, repository: c.runner.repository });
    await isolated('job summary', () => summary(page).then(() => 'written'), {
      sinks: c.sinks,
      deadlineMs: REPORTING_MS.files,
    });
  }
  setGateOutputs(c, g);
  annotate(c, g);
}

function setGateOutputs(c: ModeContext, g: GateOutcome): void {
  setEachOutput(c.sinks, {
    ...emptyOutputs('gate', g.status),
    mainState: g.mainState,
    redSince: g.redSince,
    bypassed: g.bypassed,
  });
}

function annotate(c: ModeContext, g: GateOutcome): void {
  const log = c.sinks.log;
  if (g.status === 'FAIL') log.error(g.message, { title: 'post-merge-smoke gate: the base branch is red' });
  else if (g.reason === 'bypassed') log.notice(g.message, { title: 'post-merge-smoke gate: bypassed' });
  else if (g.reason === 'main_unknown')
    log.notice(g.message, { title: 'post-merge-smoke gate: state unknown' });
  else if (g.status !== 'PASS' && g.status !== 'CANCELLED') {
    log.error(g.message, { title: `post-merge-smoke gate ${g.status}` });
  }
}
