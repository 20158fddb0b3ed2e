// The hand-over between a run job with `report: false` and the `report` job (SPEC-v2 §1): the run job
// uploads its SmokeResult (with its redacted full logs) as `post-merge-smoke-result-<profile|default>-<sha7>-
// attempt-<n>`; the report job lists the artifacts of its workflow run and picks, for each profile, the
// result about its commit from its own attempt — or, when "Re-run failed jobs" did not re-run a passed run
// job, from the newest earlier attempt, which it says.
import { DEFAULT_PROFILE, isSha, shortSha } from '../domain/index.js';
import { sha7 } from './text.js';

export const RESULT_ARTIFACT_PREFIX = 'post-merge-smoke-result-';

export function resultArtifactName(
  profile: string | null,
  mergeCommit: string | null,
  attempt: number,
): string {
  const sha = isSha(mergeCommit) ? shortSha(mergeCommit) : 'unknown';
  return `${RESULT_ARTIFACT_PREFIX}${profile ?? DEFAULT_PROFILE}-${sha}-attempt-${attempt}`;
}

export interface ResultArtifactName {
  profile: string;
  sha7: string;
  attempt: number;
}

const NAME = /^post-merge-smoke-result-(.+)-([0-9a-f]{7}|unknown)-attempt-([1-9][0-9]{0,5})$/;

export function parseResultArtifactName(name: string): ResultArtifactName | null {
  const m = NAME.exec(name);
  return m ? { profile: m[1]!, sha7: m[2]!, attempt: Number(m[3]) } : null;
}

/** An artifact of this workflow run. */
export interface StoredArtifact {
  id: number;
  name: string;
}

/** The artifacts of this workflow run, as the report job reaches them (the runner's artifact service). */
export interface ArtifactStore {
  list(): Promise<StoredArtifact[]>;
  /** Downloads one and unpacks it into `dir`. */
  download(artifact: StoredArtifact, dir: string): Promise<void>;
}

export interface PickedArtifact extends StoredArtifact, ResultArtifactName {}

/**
 * For each profile, the result artifact about `mergeCommit` from `attempt`, else from the newest earlier
 * attempt (with a note). Later attempts (a newer re-run still going on) never count. Pure.
 */
export function pickResultArtifacts(
  artifacts: readonly StoredArtifact[],
  mergeCommit: string,
  attempt: number,
): { picked: PickedArtifact[]; notes: string[] } {
  const best = new Map<string, PickedArtifact>();
  for (const a of artifacts) {
    const n = parseResultArtifactName(a.name);
    if (!n || n.sha7 !== sha7(mergeCommit) || n.attempt > attempt) continue;
    const seen = best.get(n.profile);
    if (!seen || n.attempt > seen.attempt || (n.attempt === seen.attempt && a.id > seen.id)) {
      best.set(n.profile, { ...a, ...n });
    }
  }
  const picked = [...best.values()].sort((a, b) => a.profile.localeCompare(b.profile));
  const notes = picked
    .filter((p) => p.attempt < attempt)
    .map(
      (p) =>
        `No result of profile ${p.profile} from attempt ${attempt}; using attempt ${p.attempt}'s ` +
        '(its run job was not re-run).',
    );
  return { picked, notes };
}
