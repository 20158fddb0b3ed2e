// Small time helpers shared by the phases of an attempt.

/** setTimeout's ceiling (about 24.8 days). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** `seconds` as milliseconds, at least 0; `fallback` when it is not a finite number. */
export function secondsToMs(seconds: number, fallback: number): number {
  return Number.isFinite(seconds) ? Math.max(0, seconds * 1000) : fallback;
}

/** `promise`, or `{done: false}` after `ms` (or when it rejects); the timer never outlives the race. */
export function within<T>(
  promise: Promise<T>,
  ms: number,
): Promise<{ done: true; value: T } | { done: false }> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ done: false }), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve({ done: true, value });
      },
      () => {
        clearTimeout(timer);
        resolve({ done: false });
      },
    );
  });
}
