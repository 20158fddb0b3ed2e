// A whole `run`: the script of stages, then publication of whatever it ended with — the exit-path guarantee
// (SPEC §8): a verdict, however the script ended, and a published SmokeResult.
import type { SmokeRun } from '../execute/index.js';
import { buildResult, runScript, type ScriptEnd, type Verdict } from '../pipeline/index.js';
import {
  publishResult,
  type ArtifactStore,
  type ArtifactUploader,
  type Publication,
  type PublishContext,
} from '../report/index.js';
import { runInfo, type InputError } from '../settings/index.js';
import type { ModeContext } from './context.js';
import { ranVerdict, runMode, type RunEnd } from './run.js';
import { queueRecord } from './stages/queue.js';

export interface SmokeOptions {
  signal: AbortSignal;
  inputErrors: readonly InputError[];
  describeInputError: (e: InputError) => string;
  uploadArtifact: ArtifactUploader | null;
  /** `mode: report`: the artifacts of this workflow run (null or absent: no artifact service). */
  artifacts?: ArtifactStore | null;
}

/** Runs the stages of `mode: run` (or its plan, when `c.apply` is false) and returns how they ended. */
export function runSmokeScript(c: ModeContext, o: SmokeOptions): Promise<ScriptEnd<RunEnd>> {
  return runScript(runMode(c, o.inputErrors, o.describeInputError), {
    signal: o.signal,
    log: c.sinks.log,
    initial: {
      mode: 'run',
      event: c.entry === 'action' ? c.runner.eventName || null : null,
      queue: queueRecord(c.runner),
      baseBranch: c.settings.baseBranch,
      run: runInfo(c.runner),
    },
    dryRun: c.settings.dryRun,
  });
}

/** The verdict of a run, and the engine's run when the smoke got that far. */
export function endOfRun(end: ScriptEnd<RunEnd>): { verdict: Verdict; smoke: SmokeRun | null } {
  if (end.kind === 'stopped') return { verdict: end.verdict, smoke: null };
  if (end.value.kind === 'ran') return { verdict: ranVerdict(end.value.smoke), smoke: end.value.smoke };
  throw new Error('a plan has no verdict to publish');
}

/** Runs `mode: run` to its end and publishes the result. */
export async function smokeAndPublish(c: ModeContext, o: SmokeOptions): Promise<Publication> {
  const end = await runSmokeScript({ ...c, apply: true }, o);
  const { verdict, smoke } = endOfRun(end);
  return publishResult(buildResult(end.facts, verdict), smoke, publishContext(c, o));
}

/** How a mode publishes: the run's signal, so that a cancellation during the reporting cuts it short. */
export function publishContext(c: ModeContext, o: SmokeOptions): PublishContext {
  return {
    settings: c.settings,
    runner: c.runner,
    outDir: c.outDir,
    sinks: c.sinks,
    api: c.api,
    uploadArtifact: o.uploadArtifact,
    now: c.now,
    signal: o.signal,
  };
}
