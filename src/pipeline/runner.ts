// Drives a mode's script of stages. The runner alone decides when a run ends early (a stage returned a
// verdict), when it is cancelled (the abort signal), and what a stage that threw means (ERROR
// internal_error): modes and stages never throw to steer, and nothing escapes a concurrent promise.
import type { Log } from '../sinks/index.js';
import { emptyFacts, mergeFacts, type FactsPatch, type RunFacts } from './facts.js';
import { errorText, type Note, type Script, type Stage, type Step, type Verdict } from './stage.js';

/** Why the action aborted a run when something outside the pipeline broke (an uncaught exception). */
export class InternalFailure extends Error {
  override name = 'InternalFailure';
}

/** How a script ended: it ran to its end and returned a value, or a stage (or the runner) gave a verdict. */
export type ScriptEnd<R> = { facts: RunFacts } & (
  { kind: 'done'; value: R } | { kind: 'stopped'; verdict: Verdict }
);

export interface RunnerOptions {
  signal: AbortSignal;
  log: Log;
  /** Facts known before the first stage (the run's identity, the base branch of the settings). */
  initial: FactsPatch;
  dryRun: boolean;
}

export async function runScript<R>(script: Script<R>, options: RunnerOptions): Promise<ScriptEnd<R>> {
  let facts = mergeFacts(emptyFacts(options.dryRun), options.initial);
  let input: unknown = undefined;
  for (;;) {
    const turn = await advance(script, input);
    if (turn.kind === 'done') return { facts, kind: 'done', value: turn.value };
    if (turn.kind === 'threw')
      return { facts, kind: 'stopped', verdict: internalError(turn.error, options.log) };
    const step = await runStage(turn.stage, options);
    facts = mergeFacts(facts, step.facts);
    if (step.kind === 'stop') {
      await script.return(null as unknown as R).catch(() => undefined);
      return { facts, kind: 'stopped', verdict: step.verdict };
    }
    input = step.value;
  }
}

type Turn<R> =
  { kind: 'stage'; stage: Stage<unknown> } | { kind: 'done'; value: R } | { kind: 'threw'; error: unknown };

/** The script's next stage: a bug in the mode's own code is caught here, not by the caller. */
async function advance<R>(script: Script<R>, input: unknown): Promise<Turn<R>> {
  try {
    const it = await script.next(input);
    return it.done ? { kind: 'done', value: it.value } : { kind: 'stage', stage: it.value };
  } catch (error) {
    return { kind: 'threw', error };
  }
}

async function runStage(stage: Stage<unknown>, options: RunnerOptions): Promise<Step<unknown>> {
  const { signal, log } = options;
  const work = async (): Promise<Step<unknown>> => {
    const step = await guarded(stage, signal, log);
    logNotes(log, step.notes);
    return step;
  };
  return stage.group ? log.group(stage.group, work) : work();
}

/** The stage's step; cancellation and throws become verdicts. */
async function guarded(stage: Stage<unknown>, signal: AbortSignal, log: Log): Promise<Step<unknown>> {
  if (signal.aborted) return cancelled(signal);
  try {
    const running = stage.run(signal);
    return stage.ownsCancellation ? await running : await orCancelled(running, signal);
  } catch (e) {
    return { kind: 'stop', verdict: internalError(e, log, stage.name) };
  }
}

/** `work`, or the cancellation verdict as soon as the signal fires (the work is left to finish alone). */
function orCancelled(work: Promise<Step<unknown>>, signal: AbortSignal): Promise<Step<unknown>> {
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(cancelled(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (step) => {
        signal.removeEventListener('abort', onAbort);
        resolve(step);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** The verdict of an aborted run: CANCELLED, or ERROR when the action aborted it because of a bug. */
export function cancelled(signal: AbortSignal): Step<never> {
  if (signal.reason instanceof InternalFailure) {
    return {
      kind: 'stop',
      verdict: {
        status: 'ERROR',
        reason: 'internal_error',
        message: `post-merge-smoke failed unexpectedly: ${signal.reason.message}; the smoke was stopped and its process tree killed.`,
      },
    };
  }
  return {
    kind: 'stop',
    verdict: {
      status: 'CANCELLED',
      reason: 'cancelled',
      message: 'The run was cancelled; the smoke process tree was killed.',
    },
  };
}

function internalError(e: unknown, log: Log, where?: string): Verdict {
  log.debug(e instanceof Error && e.stack ? e.stack : String(e));
  const place = where ? ` in '${where}'` : '';
  return {
    status: 'ERROR',
    reason: 'internal_error',
    message: `post-merge-smoke failed unexpectedly${place}: ${errorText(e)}`,
  };
}

function logNotes(log: Log, notes: Note[] | undefined): void {
  for (const note of notes ?? []) log[note.level](note.text);
}
