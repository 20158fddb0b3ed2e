// `mode: run` (SPEC §1–§8; a merge queue candidate: SPEC-v2 §2): freshness → resolve → execute → verdict.
// The script reads top to bottom as the run happens; the runner (pipeline/runner.ts) owns early exits and
// cancellation.
import type { SmokeRun } from '../execute/index.js';
import { parallel, run, type Script, type Verdict } from '../pipeline/index.js';
import type { InputError } from '../settings/index.js';
import { API_BUDGET_MS, withApiBudget, type ModeContext } from './context.js';
import { commandStage, type Command } from './stages/command.js';
import {
  applyRefusalsStage,
  baseBranchStage,
  freshnessStage,
  headAfterStage,
  inputsStage,
  mergeCommitStage,
  workspaceStage,
} from './stages/commit.js';
import { executeStage } from './stages/execute.js';
import { metadataStage } from './stages/metadata.js';
import { queueStage } from './stages/queue.js';

/**
 * The smoke ran; or, in a plan (the CLI without --apply), it would run this command — unless the working
 * tree makes --apply refuse (`refusals`, each a sentence; empty when it would run).
 */
export type RunEnd =
  { kind: 'ran'; smoke: SmokeRun } | { kind: 'planned'; command: Command; refusals: string[] };

export async function* runMode(
  c: ModeContext,
  inputErrors: readonly InputError[],
  describeInputError: (e: InputError) => string,
): Script<RunEnd> {
  yield* run(inputsStage(inputErrors, describeInputError));
  const queue = yield* run(queueStage(c));
  const base = yield* run(baseBranchStage(c));
  // The branch the commit must head: the base branch, or in a merge queue the queue's own branch.
  const head = queue?.branch ?? base;
  const sha = yield* run(mergeCommitStage(c, head));
  // The gate and the resolution only read, so they run side by side; the gate's verdict comes first.
  const verdictPhase = withApiBudget(c, API_BUDGET_MS.verdict);
  const [, meta] = yield* run(
    parallel(freshnessStage(verdictPhase, base, sha, queue), metadataStage(verdictPhase, base, sha, queue)),
  );
  const command = yield* run(commandStage(c, meta.outcome));
  if (!c.apply) return { kind: 'planned', command, refusals: yield* run(applyRefusalsStage(c, sha)) };
  yield* run(workspaceStage(c, head, sha));
  const subject = { sha, taskId: meta.outcome.taskId, prNumber: meta.discovery.number };
  const smoke = yield* run(executeStage(withApiBudget(c, API_BUDGET_MS.pending), subject, command));
  if (smoke.status !== 'CANCELLED') {
    yield* run(headAfterStage(withApiBudget(c, API_BUDGET_MS.headAfter), head, sha));
  }
  return { kind: 'ran', smoke };
}

/** The verdict of a run that got to the end: the smoke's own. */
export function ranVerdict(smoke: SmokeRun): Verdict {
  return { status: smoke.status, reason: smoke.reason, message: smoke.message };
}
