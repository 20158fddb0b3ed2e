// Ending a running command: the deadline and the caller's abort signal are the two causes we kill for. The
// first cause to fire wins and is the one recorded; a later one changes nothing (a late abort during the
// deadline's grace stays TIMEOUT, a deadline passing during a cancellation stays CANCELLED). A command that
// ended by itself has its leftovers cleaned up instead.
import type { TerminationCause } from './classify.js';
import type { ExitInfo, ExitWatch } from './spawn.js';
import { MAX_TIMER_MS, secondsToMs, within } from './timing.js';
import type { SmokeSpec } from './types.js';

/** After SIGKILL, how long the command itself may take to be reaped before we stop waiting. */
export const EXIT_AFTER_KILL_MS = 5000;

export interface TerminationLimits {
  timeoutMs: number;
  /** SIGTERM → SIGKILL at the deadline: the spec's kill grace. */
  graceMs: number;
  /** SIGTERM → SIGKILL on cancellation, and for leftovers: the kill grace, capped. */
  shortGraceMs: number;
}

export function terminationLimits(
  spec: Pick<SmokeSpec, 'timeoutSeconds' | 'killGraceSeconds'>,
  shortGraceCapMs: number,
): TerminationLimits {
  const graceMs = secondsToMs(spec.killGraceSeconds, 0);
  return {
    timeoutMs: Math.min(MAX_TIMER_MS, secondsToMs(spec.timeoutSeconds, MAX_TIMER_MS)),
    graceMs,
    shortGraceMs: Math.min(graceMs, shortGraceCapMs),
  };
}

/** What a termination needs of the process tree (process-tree.ts implements it). */
export interface TreeKiller {
  terminate(graceMs: number, mainAlive: () => boolean): Promise<void>;
  cleanupLeftovers(graceMs: number): Promise<number>;
  readonly orphansKilled: number;
}

export class Termination {
  private firstCause: TerminationCause | null = null;
  private killing: Promise<void> | null = null;
  private deadline: NodeJS.Timeout | undefined;
  private killStarted: () => void = () => {};
  private readonly started = new Promise<void>((resolve) => (this.killStarted = resolve));
  private readonly onAbort = (): void => this.fire('cancel', this.limits.shortGraceMs);

  constructor(
    private readonly tree: TreeKiller,
    private readonly exit: ExitWatch,
    private readonly limits: TerminationLimits,
    private readonly signal?: AbortSignal,
  ) {}

  /** The cause we killed for, or null when the command ended by itself. */
  get cause(): TerminationCause | null {
    return this.firstCause;
  }

  /** Starts the deadline and listens to the abort signal (an already aborted signal fires at once). */
  arm(): void {
    this.deadline = setTimeout(() => this.fire('timeout', this.limits.graceMs), this.limits.timeoutMs);
    this.signal?.addEventListener('abort', this.onAbort, { once: true });
    if (this.signal?.aborted) this.onAbort();
  }

  private fire(cause: TerminationCause, graceMs: number): void {
    if (this.firstCause !== null || !this.exit.alive()) return;
    this.firstCause = cause;
    this.killing = this.tree.terminate(graceMs, this.exit.alive);
    this.killStarted();
  }

  /**
   * The command's exit; once we are killing it, a bounded wait for the kernel to reap it (null when it was
   * not reaped in time). Disarms the deadline and the abort listener.
   */
  async waitForExit(): Promise<ExitInfo | null> {
    const reapedAfterKill = this.started
      .then(() => within(this.exit.exited, EXIT_AFTER_KILL_MS))
      .then((r) => (r.done ? r.value : null));
    const outcome = await Promise.race([this.exit.exited, reapedAfterKill]);
    clearTimeout(this.deadline);
    this.signal?.removeEventListener('abort', this.onAbort);
    return outcome;
  }

  /** Finishes the kill, or kills what the command left behind; the number of orphans killed. */
  async cleanUp(): Promise<number> {
    if (this.killing) {
      await this.killing;
      return this.tree.orphansKilled;
    }
    return this.tree.cleanupLeftovers(this.limits.shortGraceMs);
  }
}
