// Sending signals without ever throwing: ESRCH (already gone) is fine, anything else (EPERM and the like) is
// recorded as one sentence for the attempt's kill errors.
import { execFile } from 'node:child_process';

export class SignalSender {
  private readonly errors = new Set<string>();

  /** What went wrong so far, one sentence each, in order. */
  get problems(): string[] {
    return [...this.errors];
  }

  record(problem: string): void {
    this.errors.add(problem);
  }

  /** kill(target, signal); `what` names the target in a recorded error. */
  send(target: number, signal: NodeJS.Signals, what: string): void {
    try {
      process.kill(target, signal);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ESRCH') return;
      this.record(`${code ?? 'error'} sending ${signal} to ${what}: ${(e as Error).message}`);
    }
  }

  /** Windows: `taskkill /T /F /PID <pid>` kills the tree while its root is alive. */
  taskkill(pid: number): Promise<void> {
    return new Promise((resolve) => {
      execFile(
        'taskkill',
        ['/T', '/F', '/PID', String(pid)],
        { timeout: 15000, windowsHide: true },
        (err, _o, stderr) => {
          // 128: the process is already gone — nothing to report.
          if (err && (err as { code?: unknown }).code !== 128) {
            this.record(`taskkill /T /F /PID ${pid} failed: ${String(stderr).trim() || err.message}`);
          }
          resolve();
        },
      );
    });
  }
}
