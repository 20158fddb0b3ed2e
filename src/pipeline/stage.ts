// A stage is one step of a mode: it runs, and returns what it learned (facts, notes for the log) and either
// a value for the next stage or an early verdict. Stages never throw to steer the run: a stage that has a
// verdict returns it, and the runner (runner.ts) ends the run there. A mode is a script of stages.
import type { Reason, SmokeStatus } from '../contracts.js';
import type { FactsPatch } from './facts.js';

export interface Verdict {
  status: SmokeStatus;
  reason: Reason;
  message: string;
}

export type NoteLevel = 'info' | 'notice' | 'warning';
export interface Note {
  level: NoteLevel;
  text: string;
}

interface Learned {
  facts?: FactsPatch;
  notes?: Note[];
}
export type Step<T> = ({ kind: 'next'; value: T } & Learned) | ({ kind: 'stop'; verdict: Verdict } & Learned);

export interface Stage<T> {
  /** For the log and for errors: what this stage does, in a few words. */
  name: string;
  /** Its notes (and anything it writes while running) go in a collapsible log group with this title. */
  group?: string;
  /**
   * true: the stage reacts to the abort signal itself and must be awaited to its end (the smoke kills its
   * process tree first). Otherwise the runner stops waiting for it as soon as the run is cancelled.
   */
  ownsCancellation?: boolean;
  run(signal: AbortSignal): Promise<Step<T>>;
}

export function next<T>(value: T, learned: Learned = {}): Step<T> {
  return { kind: 'next', value, ...learned };
}

export function stop(
  status: SmokeStatus,
  reason: Reason,
  message: string,
  learned: Learned = {},
): Step<never> {
  return { kind: 'stop', verdict: { status, reason, message }, ...learned };
}

export const info = (text: string): Note => ({ level: 'info', text });
export const warning = (text: string): Note => ({ level: 'warning', text });
export const notice = (text: string): Note => ({ level: 'notice', text });

/** A stage built from a name and a function. */
export function stage<T>(
  name: string,
  run: (signal: AbortSignal) => Promise<Step<T>>,
  options: { group?: string; ownsCancellation?: boolean } = {},
): Stage<T> {
  return { name, run, ...options };
}

/**
 * Both stages at once. Facts and notes of both are kept (in argument order), whichever stops; when both
 * stop, the first one's verdict wins: the order of the arguments is the order of precedence.
 */
export function parallel<A, B>(a: Stage<A>, b: Stage<B>): Stage<[A, B]> {
  return stage(`${a.name} ∥ ${b.name}`, async (signal) => {
    const [sa, sb] = await Promise.all([a.run(signal), b.run(signal)]);
    const learned = {
      facts: { ...sa.facts, ...sb.facts },
      notes: [...(sa.notes ?? []), ...(sb.notes ?? [])],
    };
    if (sa.kind === 'stop') return { ...sa, ...learned };
    if (sb.kind === 'stop') return { ...sb, ...learned };
    return next([sa.value, sb.value] as [A, B], learned);
  });
}

/** Work started now and joined later: its facts and notes count when (and only when) it is joined. */
export interface Pending<T> {
  readonly name: string;
  readonly settled: Promise<Step<T>>;
}

export function startInBackground<T>(work: Stage<T>, signal: AbortSignal): Pending<T> {
  const settled = work
    .run(signal)
    .catch((e: unknown): Step<T> =>
      stop(
        'ERROR',
        'internal_error',
        `post-merge-smoke failed unexpectedly in '${work.name}': ${errorText(e)}`,
      ),
    );
  return { name: work.name, settled };
}

export function join<T>(pending: Pending<T>): Stage<T> {
  return stage(pending.name, () => pending.settled);
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * How a mode is written: an async generator that yields stages and receives their values,
 * `const sha = yield* run(mergeCommitStage(c));`. The runner drives it and owns early exit.
 */
export type Script<R> = AsyncGenerator<Stage<unknown>, R, unknown>;

export async function* run<T>(s: Stage<T>): AsyncGenerator<Stage<unknown>, T, unknown> {
  return (yield s as Stage<unknown>) as T;
}
