// The kill protocol for everything a smoke command started.
//
// POSIX: the command runs as the leader of its own process group (pgid == its pid). Killing sends the signal
// to the group, and a sweep (proc-scan.ts) finds what escaped the group: on Linux every process carrying our
// tracking id (setsid daemons, double forks). With an enclosure (the attempt's cgroup) its members count too,
// whatever their group or environment, and the enclosure's own kill comes before the SIGKILL rounds.
// SIGTERM first so traps get their grace, then SIGKILL until nothing is left.
//
// Windows: there are no process groups; `taskkill /T /F /PID <pid>` kills the tree while its root is alive.
// Leftovers of a command that already exited cannot be found, so nothing is swept there.
import { liveProcessGroup, procStartTime, scanProc, scanPs, type TreeScan } from './proc-scan.js';
import { SignalSender } from './signal.js';
import { sleep } from './timing.js';

const SWEEP_ROUNDS = 20;
const POLL_MS = 50;

/** A kernel container of the whole tree (cgroup.ts): it finds and kills what the sweep cannot. */
export interface Enclosure {
  /** Live processes inside. */
  members(): number[];
  /** Kills everything inside; the pids that were inside. */
  killAll(): Promise<number[]>;
  /** Kill troubles, one sentence each. */
  readonly problems: string[];
}

export class ProcessTree {
  private readonly signals = new SignalSender();
  private readonly orphans = new Set<number>();
  private readonly needle: Buffer;
  private procUsable: boolean;
  private readonly minStartTime: number;

  /**
   * `pid`: the command's process (on POSIX also its process group id). `trackingId`: the value of
   * POST_MERGE_SMOKE_TRACKING_ID in its environment.
   */
  constructor(
    readonly pid: number,
    readonly trackingId: string,
    readonly platform: NodeJS.Platform = process.platform,
    private readonly enclosure: Enclosure | null = null,
  ) {
    // The id alone: it is random, and it also appears in POST_MERGE_SMOKE_OUTER_TRACKING_IDS of nested runs.
    this.needle = Buffer.from(trackingId, 'utf8');
    this.procUsable = platform === 'linux';
    this.minStartTime = this.procUsable ? procStartTime(pid) : 0;
  }

  /** Kill troubles (EPERM and the like), one sentence each. */
  get killErrors(): string[] {
    return [...this.signals.problems, ...(this.enclosure?.problems ?? [])];
  }

  /** Processes other than the command itself that were killed: escapees, and group members left at SIGKILL. */
  get orphansKilled(): number {
    return this.orphans.size;
  }

  /** Live processes of our group or carrying our tracking id (the command itself included while alive). */
  async findAlive(): Promise<number[]> {
    const { group, escaped } = await this.scan();
    return [...group, ...escaped];
  }

  private async scan(): Promise<TreeScan> {
    if (this.platform === 'win32') return { group: [], escaped: [] };
    const found = await this.scanTable();
    if (!this.enclosure) return found;
    // Members the table did not show were born after it was read (or are gone): ask /proc about each.
    const known = new Set([...found.group, ...found.escaped]);
    for (const pid of this.enclosure.members()) {
      if (known.has(pid)) continue;
      const group = liveProcessGroup(pid);
      if (group !== null) (group === this.pid ? found.group : found.escaped).push(pid);
    }
    return found;
  }

  private async scanTable(): Promise<TreeScan> {
    if (this.procUsable) {
      const found = scanProc(this.pid, this.needle, this.minStartTime);
      if (found) return found;
      this.procUsable = false;
    }
    return scanPs(this.pid);
  }

  /** Sends `signal` to the group (POSIX). ESRCH is fine; anything else is recorded. */
  signalGroup(signal: NodeJS.Signals): void {
    // Never kill(0) / kill(-1): a bogus pid must not turn into "our own group" or "everything".
    if (this.platform === 'win32' || !(this.pid > 1)) return;
    this.signals.send(-this.pid, signal, `process group ${this.pid}`);
  }

  signalProcess(pid: number, signal: NodeJS.Signals): void {
    if (!(pid > 0) || pid === process.pid) return;
    this.signals.send(pid, signal, `process ${pid}`);
  }

  /**
   * Deadline or cancellation: SIGTERM to the group and to escapees, wait up to `graceMs` (less once
   * everything is gone), then SIGKILL and sweep. Windows: taskkill /T /F.
   */
  async terminate(graceMs: number, mainAlive: () => boolean): Promise<void> {
    if (this.platform === 'win32') {
      await this.signals.taskkill(this.pid);
      return;
    }
    const { escaped } = await this.scan();
    this.politelyAsk(escaped);
    await this.waitGone(graceMs, mainAlive);
    await this.killAll();
  }

  /**
   * The command ended by itself: whatever of its group / tracking id is still alive is an orphan. SIGTERM,
   * up to `graceMs` for them to go, then SIGKILL and sweep. Returns the number of orphans.
   */
  async cleanupLeftovers(graceMs: number): Promise<number> {
    if (this.platform === 'win32') return 0;
    const { group, escaped } = await this.scan();
    const left = [...group, ...escaped].filter((pid) => pid !== this.pid);
    if (left.length === 0) return 0;
    for (const pid of left) this.orphans.add(pid);
    this.politelyAsk(escaped);
    await this.waitGone(graceMs, () => false);
    await this.killAll();
    return this.orphans.size;
  }

  /** The enclosure's kill, then SIGKILL to the group and every tracked process until none is left (bounded). */
  async killAll(): Promise<void> {
    if (this.platform === 'win32') return;
    for (const pid of (await this.enclosure?.killAll()) ?? []) if (pid !== this.pid) this.orphans.add(pid);
    for (let round = 0; round < SWEEP_ROUNDS; round++) {
      const alive = await this.findAlive();
      if (round > 0 && alive.length === 0) return;
      for (const pid of alive) {
        if (pid !== this.pid) this.orphans.add(pid);
        this.signalProcess(pid, 'SIGKILL');
      }
      this.signalGroup('SIGKILL');
      if (alive.length === 0) return;
      await sleep(round < 3 ? 10 : POLL_MS);
    }
    const still = await this.findAlive();
    if (still.length > 0) {
      this.signals.record(
        `${still.length} process(es) survived ${SWEEP_ROUNDS} SIGKILL rounds: ${still.slice(0, 10).join(', ')}.`,
      );
    }
  }

  /** SIGTERM to the group, and one each to the escapees (orphans by definition: they left the group). */
  private politelyAsk(escaped: number[]): void {
    // Group members get the group signal only: a second SIGTERM would run a shell's TERM trap twice.
    this.signalGroup('SIGTERM');
    for (const pid of escaped) {
      this.orphans.add(pid);
      this.signalProcess(pid, 'SIGTERM');
    }
  }

  private async waitGone(graceMs: number, mainAlive: () => boolean): Promise<void> {
    const until = Date.now() + graceMs;
    while (Date.now() < until) {
      if (!mainAlive() && (await this.findAlive()).length === 0) return;
      await sleep(Math.min(POLL_MS, until - Date.now()));
    }
  }
}
