// How long reporting may take, in one place. The reporting steps are isolated (SPEC §8) in time too: each
// has its own deadline, so one silent endpoint never eats the time of the steps after it, and the worst
// case of the whole phase is a sum of the numbers below. After a cancellation the runner kills the job
// 7.5 s after SIGINT: what is left of the reporting then gets seconds, not minutes.
import type { Sinks } from '../sinks/index.js';
import { errorText } from './text.js';

/** What a reporting step spends its time on; a step's deadline is the sum of its parts. */
export type StepPart = 'api' | 'artifactUpload' | 'files';
export type ReportingTime = StepPart | 'apiUnreachable' | 'cancelled';

/** The limits; a step's worst case is the sum of its parts (publish.ts sums up the phase's). */
export const REPORTING_MS: Readonly<Record<ReportingTime, number>> = {
  /** Every API call of one step together (retries, rate limits, a silent server): the API client's budget. */
  api: 20_000,
  /**
   * All the API calls of all the steps together, when the verdict is that the API did not answer
   * (head_unreachable): it has just failed for the verdict phase's 25 s, so each write gets one short chance
   * rather than 20 s of its own — the whole run then stays within a minute however silent the API is.
   */
  apiUnreachable: 10_000,
  /** One artifact upload: @actions/artifact alone waits 3 min per attempt, 5 attempts, on a silent service. */
  artifactUpload: 60_000,
  /** Files written on the runner (packet, logs, summary, result file): milliseconds unless the disk hangs. */
  files: 2_000,
  /**
   * After a cancellation: the steps that talk to a service and are still to run or in flight, together,
   * counted from the cancellation. The file steps after them keep their own 2 s each: 3 + 2 + 2 s < 7.5 s.
   */
  cancelled: 3_000,
};

/**
 * The backstop over a step's parts waits this much longer, so that a part's own limit — which says what it
 * waited for ("no answer within 60000 ms") — fires first.
 */
const BACKSTOP_GRACE_MS = 1_000;

/** A step's deadline: the sum of its parts. */
export function deadlineOf(parts: readonly StepPart[], ms: typeof REPORTING_MS = REPORTING_MS): number {
  return parts.reduce((sum, part) => sum + ms[part], 0);
}

/**
 * The time a cancelled run leaves its reporting: a window of `ms` that opens at the cancellation (or at
 * once, for a run that is already CANCELLED); `cut()` is what a step races against.
 */
export class CancelWindow {
  private readonly closed: Promise<never>;
  private expired = false;
  private error: Error | null = null;
  private timer: NodeJS.Timeout | undefined;
  private readonly open: () => void;

  constructor(
    private readonly signal: AbortSignal | null,
    cancelledAlready: boolean,
    readonly ms: number = REPORTING_MS.cancelled,
  ) {
    let close: (e: Error) => void = () => {};
    this.closed = new Promise<never>((_, reject) => (close = reject));
    this.closed.catch(() => {}); // a window nobody races is not an unhandled rejection
    const message = `the run was cancelled: gave up after the ${ms} ms a cancelled run leaves its reporting`;
    this.open = () => {
      this.timer ??= setTimeout(() => {
        this.expired = true;
        this.error = new Error(message);
        close(this.error);
      }, ms);
    };
    if (cancelledAlready || signal?.aborted) this.open();
    else signal?.addEventListener('abort', this.open, { once: true });
  }

  /**
   * Rejects when the window ends. Once it has ended: one turn of the event loop later — time for a step to
   * say it has nothing to do ("skipped: …" needs no I/O), not to wait on a service.
   */
  cut(): Promise<never> {
    if (!this.expired) return this.closed;
    return new Promise<never>((_, reject) => setImmediate(() => reject(this.error)));
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.signal?.removeEventListener('abort', this.open);
  }
}

export interface StepLimits {
  sinks: Sinks;
  /** The step's own deadline (REPORTING_MS: the sum of its parts). */
  deadlineMs: number;
  /** A step that talks to a service also ends when a cancellation's window closes. */
  window?: CancelWindow | null;
}

/** A step's outcome; a throw or a step past its deadline (or past a cancellation's window) becomes "failed: …". */
export async function isolated(
  step: string,
  work: () => Promise<string>,
  limits: StepLimits,
): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const backstopMs = limits.deadlineMs + BACKSTOP_GRACE_MS;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`gave up after ${backstopMs} ms`)), backstopMs);
    });
    const racers = [work(), deadline, ...(limits.window ? [limits.window.cut()] : [])];
    return await Promise.race(racers);
  } catch (e) {
    limits.sinks.log.warning(`Reporting step '${step}' failed: ${errorText(e)}`);
    return `failed: ${errorText(e)}`;
  } finally {
    clearTimeout(timer);
  }
}
