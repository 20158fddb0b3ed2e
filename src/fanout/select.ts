// Which profiles a fan-out plans (SPEC-v2 §5), and how the plan is handed to a workflow's job matrix. Pure.
import { DEFAULT_PROFILE, selectedByGlobs, type PathGlob } from '../domain/index.js';

/** What selection reads of a registry profile. */
export interface SelectableProfile {
  paths: readonly PathGlob[];
  always: boolean;
}

/** A shard of the plan. */
export interface PlannedShard {
  /** Its name: a registry profile, or `default`. */
  profile: string;
  /**
   * What its run job passes as the `profile` input: the profile, or '' for the default shard, whose run job
   * then resolves exactly what the plan resolved (an explicit command, a task file's command).
   */
  input: string;
  /** Why it was planned, for the log and the summary. */
  why: string;
}

/** A registry profile as a shard. */
export function profileShard(profile: string, why: string): PlannedShard {
  return { profile, input: profile, why };
}

/** The one shard of a plan without fan-out: the profile the v1 precedence resolved, if it named one. */
export function precedenceShard(resolvedProfile: string | null, why: string): PlannedShard {
  return resolvedProfile === null
    ? { profile: DEFAULT_PROFILE, input: '', why }
    : profileShard(resolvedProfile, why);
}

/**
 * SPEC-v2 §5: every profile whose `paths` select a file the merge commit changed, plus every `always: true`
 * profile, in the registry's order.
 */
export function selectByPaths(
  profiles: ReadonlyMap<string, SelectableProfile>,
  changedFiles: readonly string[],
): PlannedShard[] {
  const planned: PlannedShard[] = [];
  for (const [profile, p] of profiles) {
    if (p.always) {
      planned.push(profileShard(profile, 'always: true'));
      continue;
    }
    const hit = firstSelected(p.paths, changedFiles);
    if (hit) planned.push(profileShard(profile, `${hit.path} matches ${hit.glob}`));
  }
  return planned;
}

/** The first changed file the globs select, and the glob that selects it. */
function firstSelected(globs: readonly PathGlob[], files: readonly string[]) {
  if (globs.length === 0) return null;
  for (const path of files) {
    if (!selectedByGlobs(globs, path)) continue;
    const glob = [...globs].reverse().find((g) => g.matches(path))!;
    return { path, glob: glob.source };
  }
  return null;
}

/**
 * `matrix` for `strategy.matrix`: `{"include":[{"profile":"api"},…]}`. An empty plan gives
 * `{"include":[]}`, which GitHub refuses as a matrix: the run job needs `if: needs.plan.outputs.profiles != ''`.
 */
export function matrixJson(shards: readonly PlannedShard[]): string {
  return JSON.stringify({ include: shards.map((s) => ({ profile: s.input })) });
}
