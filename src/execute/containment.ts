// Containment (SPEC-v2 §6): `auto` puts the smoke in its own cgroup when one can be created, so that
// processes which leave the process group, call setsid and clear their environment still die; otherwise
// the process group plus the tracking-id sweep. `cgroup` requires the cgroup; `process-group` never tries.
// `max-processes` sets the cgroup's pids.max.
//
// The command joins its cgroup before it can fork: it is spawned through /bin/sh, which writes its own pid
// into each cgroup.procs, reports on fd 3, and execs the shell (a pid written after the spawn would race
// with the command's first forks).
import { accessSync, constants as fsConstants, statSync } from 'node:fs';
import { delimiter, resolve } from 'node:path';
import { createSmokeCgroup, discoverOwnCgroups, type CgroupVersion, type SmokeCgroup } from './cgroup.js';
import type { ShellInvocation } from './shell.js';
import type { ContainmentSetting, ContainmentUsed } from './types.js';

export interface ContainmentPlan {
  used: ContainmentUsed;
  cgroup: SmokeCgroup | null;
  /** Something the result should say (max-processes not enforced), or null. */
  note: string | null;
}

/** What could be had: a cgroup (maybe without a pids limit), or why none. */
export type Offer =
  | { version: CgroupVersion; pidsLimited: boolean; pidsProblem: string | null }
  | { version: null; problem: string };

/** The policy, pure: what to use given the setting and what could be created; or why the attempt fails. */
export function decideContainment(
  setting: ContainmentSetting,
  maxProcesses: number | null,
  offer: Offer | null,
): { used: ContainmentUsed; note: string | null } | { problem: string } {
  const limit = maxProcesses === null ? null : `max-processes (${maxProcesses})`;
  const unenforced = (why: string): string | null => limit && `${limit} is not enforced: ${why}.`;
  if (setting === 'process-group' || offer === null) {
    return { used: 'process-group', note: unenforced('containment is process-group') };
  }
  if (offer.version === null) {
    if (setting === 'cgroup') return { problem: cgroupRequiredProblem(offer.problem) };
    return {
      used: 'process-group',
      note: unenforced(`no cgroup could be created for the smoke command (${offer.problem})`),
    };
  }
  const used: ContainmentUsed = offer.version === 2 ? 'cgroup-v2' : 'cgroup-v1';
  if (limit === null || offer.pidsLimited) return { used, note: null };
  const why = offer.pidsProblem ?? 'no pids controller';
  if (setting === 'auto') return { used, note: unenforced(`no pids controller is usable (${why})`) };
  return {
    problem: `${limit} needs a pids controller for the smoke command's cgroup, but none is usable (${why}). Leave max-processes empty, or set containment to auto to run without the limit.`,
  };
}

/** The attempt's error when containment is cgroup and none can be had. */
export function cgroupRequiredProblem(why: string): string {
  return `containment is cgroup, but no cgroup could be created for the smoke command (${why}). Set containment to auto (the process group when no cgroup can be created) or to process-group.`;
}

/** Sets up the attempt's containment (a cgroup named after the tracking id), or says why it cannot run. */
export function planContainment(
  setting: ContainmentSetting,
  maxProcesses: number | null,
  versions: readonly CgroupVersion[],
  trackingId: string,
  platform: NodeJS.Platform = process.platform,
): ContainmentPlan | { problem: string } {
  const tried =
    setting === 'process-group' ? null : offerCgroup(maxProcesses, versions, trackingId, platform);
  const decision = decideContainment(setting, maxProcesses, tried?.offer ?? null);
  const keep = !('problem' in decision) && decision.used !== 'process-group';
  if (!keep) tried?.cgroup?.releaseNow();
  if ('problem' in decision) return decision;
  return { ...decision, cgroup: keep ? (tried?.cgroup ?? null) : null };
}

function offerCgroup(
  maxProcesses: number | null,
  versions: readonly CgroupVersion[],
  trackingId: string,
  platform: NodeJS.Platform,
): { offer: Offer; cgroup: SmokeCgroup | null } {
  if (platform !== 'linux') {
    return { offer: { version: null, problem: `cgroups are Linux only, this is ${platform}` }, cgroup: null };
  }
  const made = createSmokeCgroup(
    discoverOwnCgroups(),
    versions,
    `post-merge-smoke-${trackingId}`,
    maxProcesses,
  );
  if (!made.cgroup) return { offer: { version: null, problem: made.problem }, cgroup: null };
  const { cgroup, pidsLimited, pidsProblem } = made;
  return { offer: { version: cgroup.version, pidsLimited, pidsProblem }, cgroup };
}

// $0 is a label; then the cgroup.procs files, "--", and the command. Errors go to fd 3; "ok" means joined.
const JOIN_SCRIPT =
  'for f do shift; [ "$f" = -- ] && break; { echo $$ > "$f"; } 2>&3 || exit 125; done; echo ok >&3; exec 3>&-; exec "$@"';

/** `invocation`, run through /bin/sh so that it joins the cgroups (`joinFiles`) before it starts. */
export function joiningInvocation(invocation: ShellInvocation, joinFiles: string[]): ShellInvocation {
  return {
    ...invocation,
    file: '/bin/sh',
    args: [
      '-c',
      JOIN_SCRIPT,
      'post-merge-smoke-join',
      ...joinFiles,
      '--',
      invocation.file,
      ...invocation.args,
    ],
  };
}

/** Whether the join script reported success on fd 3 (its whole output). */
export const joinSucceeded = (fd3Text: string): boolean => fd3Text.trim() === 'ok';

/**
 * Spawn's own lookup, done before the join script execs the program (a missing shell must stay a spawn
 * failure, not exit 127): an error with code ENOENT or EACCES, or null when `file` can be run.
 */
export function findProgram(file: string, env: NodeJS.ProcessEnv, cwd: string): NodeJS.ErrnoException | null {
  const candidates = file.includes('/')
    ? [resolve(cwd, file)]
    : (env.PATH ?? '/usr/local/bin:/usr/bin:/bin').split(delimiter).map((dir) => resolve(cwd, dir, file));
  let code = 'ENOENT';
  for (const path of candidates) {
    try {
      if (!statSync(path).isFile()) continue;
      accessSync(path, fsConstants.X_OK);
      return null;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EACCES') code = 'EACCES';
    }
  }
  return Object.assign(new Error(`spawn ${file} ${code}`), { code });
}
