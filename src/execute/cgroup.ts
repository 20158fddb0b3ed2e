// One attempt's cgroup: created under our own cgroup, joined by the command before it can fork (see
// containment.ts), killed as a whole (v2: cgroup.kill; v1: freeze, SIGKILL every member, thaw), and removed
// afterwards. Every file system error is a sentence, never a throw.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { locateOwnCgroups, parseMountInfo, parseProcCgroup, type OwnCgroups } from './cgroup-discovery.js';
import { errText } from './error-text.js';
import { sleep } from './timing.js';

export type CgroupVersion = 1 | 2;

const POLL_MS = 10;
/** How long a kill may take to empty the cgroup before it is repeated. */
const KILL_WAIT_MS = 2000;
const KILL_ROUNDS = 3;
/** How long a freezer may take to report FROZEN (tasks in uninterruptible sleep delay it). */
const FREEZE_WAIT_MS = 1000;
/** Before removal: how long the last members may take to go. */
const RELEASE_WAIT_MS = 2000;

/** Our own cgroups, read from /proc; none when /proc cannot be read. */
export function discoverOwnCgroups(procSelf = '/proc/self'): OwnCgroups {
  try {
    const mounts = parseMountInfo(readFileSync(`${procSelf}/mountinfo`, 'utf8'));
    return locateOwnCgroups(mounts, parseProcCgroup(readFileSync(`${procSelf}/cgroup`, 'utf8')));
  } catch {
    return { v2: null, v1: new Map() };
  }
}

/** What the attempt got: a cgroup that can kill, and whether `pids.max` is set; or why none. */
export type CgroupOffer =
  | { cgroup: SmokeCgroup; pidsLimited: boolean; pidsProblem: string | null }
  | { cgroup: null; problem: string };

/**
 * Creates `<own cgroup>/<name>` in the first of `versions` that works, preferring one where `maxProcesses`
 * (when set) can be enforced.
 */
export function createSmokeCgroup(
  own: OwnCgroups,
  versions: readonly CgroupVersion[],
  name: string,
  maxProcesses: number | null,
): CgroupOffer {
  const problems: string[] = [];
  let partial: CgroupOffer | null = null;
  for (const version of versions) {
    const made = makeKillGroup(own, version, name);
    if (typeof made === 'string') {
      problems.push(made);
      continue;
    }
    const pids = maxProcesses === null ? null : limitPids(own, made, name, maxProcesses);
    if (pids === null || pids.ok) return { cgroup: made, pidsLimited: pids !== null, pidsProblem: null };
    if (partial === null) partial = { cgroup: made, pidsLimited: false, pidsProblem: pids.problem };
    else made.releaseNow();
  }
  return partial ?? { cgroup: null, problem: problems.join('; ') || 'no cgroup variant was allowed' };
}

function makeKillGroup(own: OwnCgroups, version: CgroupVersion, name: string): SmokeCgroup | string {
  const label = version === 2 ? 'cgroup v2' : 'cgroup v1 freezer';
  const parent = version === 2 ? own.v2 : (own.v1.get('freezer') ?? null);
  if (parent === null) return `${label}: not mounted`;
  const dir = join(parent, name);
  try {
    mkdirSync(dir);
  } catch (e) {
    return `${label}: cannot create ${dir} (${errText(e)})`;
  }
  const control = version === 2 ? 'cgroup.kill' : 'freezer.state';
  if (!existsSync(join(dir, control))) {
    removeTree(dir);
    return `${label}: ${dir} has no ${control}${version === 2 ? ' (Linux before 5.14)' : ''}`;
  }
  return new SmokeCgroup(version, dir);
}

function limitPids(
  own: OwnCgroups,
  cgroup: SmokeCgroup,
  name: string,
  max: number,
): { ok: true } | { ok: false; problem: string } {
  // Same directory when the kill group's hierarchy has the pids controller (v2 with pids delegated, or v1
  // co-mounted); else a v1 pids hierarchy beside it (hybrid systems).
  let dir = cgroup.killDir;
  if (!existsSync(join(dir, 'pids.max'))) {
    const parent = own.v1.get('pids');
    if (!parent) return { ok: false, problem: `no pids controller is available to ${cgroup.killDir}` };
    dir = join(parent, name);
    try {
      mkdirSync(dir);
    } catch (e) {
      return { ok: false, problem: `cannot create ${dir} (${errText(e)})` };
    }
    cgroup.addLimitDir(dir);
  }
  try {
    writeFileSync(join(dir, 'pids.max'), String(max));
    return { ok: true };
  } catch (e) {
    return { ok: false, problem: `cannot write ${join(dir, 'pids.max')} (${errText(e)})` };
  }
}

export class SmokeCgroup {
  private readonly limitDirs: string[] = [];
  private readonly troubles: string[] = [];
  private released = false;

  constructor(
    readonly version: CgroupVersion,
    /** The cgroup that is killed as a whole (v2, or the v1 freezer). */
    readonly killDir: string,
  ) {}

  /** Kill and removal troubles, one sentence each. */
  get problems(): string[] {
    return [...this.troubles];
  }

  /** The cgroup.procs files the command writes its pid into before it execs, kill group first. */
  get joinFiles(): string[] {
    return [this.killDir, ...this.limitDirs].map((dir) => join(dir, 'cgroup.procs'));
  }

  addLimitDir(dir: string): void {
    this.limitDirs.push(dir);
  }

  /** Live processes in the kill group and its sub-cgroups (a nested engine's). */
  members(): number[] {
    return readMembers(this.killDir);
  }

  /** Kills every member; returns the pids that were members when the kill began. */
  async killAll(): Promise<number[]> {
    const seen = new Set(this.members());
    for (let round = 0; round < KILL_ROUNDS && (round === 0 || !this.isEmpty()); round++) {
      if (this.version === 2) this.write(join(this.killDir, 'cgroup.kill'), '1');
      else for (const pid of await this.frozenMembers()) seen.add(pid);
      if (await this.waitEmpty(KILL_WAIT_MS)) return [...seen];
    }
    const still = this.members();
    if (still.length > 0) {
      this.troubles.push(
        `${still.length} process(es) survived ${KILL_ROUNDS} kills of ${this.killDir}: ${still.slice(0, 10).join(', ')}.`,
      );
    }
    return [...seen];
  }

  /** v1: freeze (nothing can fork), SIGKILL every member, thaw (the kills take effect); the members killed. */
  private async frozenMembers(): Promise<number[]> {
    const state = join(this.killDir, 'freezer.state');
    this.write(state, 'FROZEN');
    try {
      for (const until = Date.now() + FREEZE_WAIT_MS; Date.now() < until; await sleep(POLL_MS)) {
        if (readText(state) === 'FROZEN') break;
      }
      const pids = this.members();
      for (const pid of pids) sigkill(pid, this.troubles);
      return pids;
    } finally {
      this.write(state, 'THAWED');
    }
  }

  /** Waits (bounded) for the members to go, then removes the cgroup(s). Safe to call more than once. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    if (!(await this.waitEmpty(RELEASE_WAIT_MS))) {
      this.troubles.push(
        `${this.killDir} still held ${this.members().length} process(es) when it was removed.`,
      );
    }
    for (const dir of [this.killDir, ...this.limitDirs]) {
      const problem = removeTree(dir);
      if (problem) this.troubles.push(problem);
    }
  }

  /** Removal without waiting, for a cgroup nothing ever joined. */
  releaseNow(): void {
    this.released = true;
    for (const dir of [this.killDir, ...this.limitDirs]) removeTree(dir);
  }

  private isEmpty(): boolean {
    if (this.version === 1) return this.members().length === 0;
    // v2 counts the whole sub-tree for us
    return !/^populated 1$/m.test(readText(join(this.killDir, 'cgroup.events')) ?? '');
  }

  private async waitEmpty(ms: number): Promise<boolean> {
    for (const until = Date.now() + ms; !this.isEmpty(); await sleep(POLL_MS)) {
      if (Date.now() >= until) return false;
    }
    return true;
  }

  private write(file: string, text: string): void {
    try {
      writeFileSync(file, text);
    } catch (e) {
      this.troubles.push(`cannot write ${file} (${errText(e)}).`);
    }
  }
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

function subdirectories(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => join(dir, d.name));
  } catch {
    return [];
  }
}

function readMembers(dir: string): number[] {
  const own = (readText(join(dir, 'cgroup.procs')) ?? '')
    .split('\n')
    .filter((s) => s !== '')
    .map(Number)
    .filter((pid) => pid > 0 && pid !== process.pid);
  return [...own, ...subdirectories(dir).flatMap(readMembers)];
}

function sigkill(pid: number, troubles: string[]): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ESRCH')
      troubles.push(`${code ?? 'error'} sending SIGKILL to process ${pid}: ${errText(e)}.`);
  }
}

/** rmdir, children first (a nested engine's cgroup); the problem, or null. */
function removeTree(dir: string): string | null {
  for (const sub of subdirectories(dir)) removeTree(sub);
  try {
    rmdirSync(dir);
    return null;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? null : `cannot remove ${dir} (${errText(e)}).`;
  }
}
