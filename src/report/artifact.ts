// The escalation artifact upload (SPEC §8) through @actions/artifact.
//
// The library (and the Azure storage SDK under it) is loaded with a dynamic import only when an upload is
// actually made: a passing run never pays for it.
//
// What the client does, for the record (v6.2.1): POST {ACTIONS_RESULTS_URL origin}/twirp/github.actions.
// results.api.v1.ArtifactService/CreateArtifact (JSON, bearer ACTIONS_RUNTIME_TOKEN, backend ids from the
// token's `scp` claim), then PUT the zip to the returned signed URL as Azure block blob blocks + a block list,
// then POST …/FinalizeArtifact with the size and sha256. Twirp calls are tried 5 times on 5xx/429/bad JSON,
// waiting 3 s, ~4.5–6.8 s, ~6.8–10 s and ~10–15 s in between (constants, not configurable): ~25–35 s before a
// 503ing service gives up. A refused connection (ECONNREFUSED, ENOTFOUND, ETIMEDOUT, ECONNRESET,
// EHOSTUNREACH) fails at once. Use `timeoutMs` to bound the wait.
import type { ArtifactStore } from './result-artifact.js';
import type { ArtifactUpload, ArtifactUploader, UploadedArtifact } from './types.js';
import { clip, oneLine } from './text.js';

export interface ArtifactRunContext {
  /** e.g. https://github.com */
  serverUrl?: string | null;
  /** owner/name */
  repository?: string | null;
  /** GITHUB_RUN_ID */
  runId?: string | null;
  /**
   * Stop waiting after this many ms and throw (the client's own retries go on in the background until they
   * give up). null/undefined: wait for the client.
   */
  timeoutMs?: number | null;
}

/** `${server}/${repo}/actions/runs/${runId}/artifacts/${id}`, or null when any part is unknown. */
export function artifactUrl(ctx: ArtifactRunContext, id: number): string | null {
  if (!ctx.serverUrl || !ctx.repository || !ctx.runId) return null;
  return `${ctx.serverUrl.replace(/\/+$/, '')}/${ctx.repository}/actions/runs/${ctx.runId}/artifacts/${id}`;
}

function withDeadline<T>(promise: Promise<T>, timeoutMs: number | null | undefined): Promise<T> {
  if (timeoutMs == null) return promise;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Uploads `upload.files` (relative to `upload.rootDirectory`) as one zipped artifact. Returns its id, size
 * and run-page URL (when `ctx` knows the server, repository and run). Throws an Error
 * "artifact upload failed: …" (one line, original error as `cause`); the caller records the outcome.
 * Needs ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL in the environment (the client reads them itself).
 */
export async function uploadEscalationArtifact(
  upload: ArtifactUpload,
  ctx: ArtifactRunContext = {},
): Promise<UploadedArtifact> {
  try {
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const client = new DefaultArtifactClient();
    const options = upload.retentionDays ? { retentionDays: upload.retentionDays } : {};
    const res = await withDeadline(
      client.uploadArtifact(upload.name, upload.files, upload.rootDirectory, options),
      ctx.timeoutMs,
    );
    if (res.id === undefined) throw new Error('the service returned no artifact id');
    return { id: res.id, size: res.size ?? 0, url: artifactUrl(ctx, res.id) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new Error(`artifact upload failed: ${clip(oneLine(message), 500)}`, { cause: e });
  }
}

/** An ArtifactUploader bound to a run context. */
export function createArtifactUploader(ctx: ArtifactRunContext): ArtifactUploader {
  return (upload) => uploadEscalationArtifact(upload, ctx);
}

/**
 * The artifacts of this workflow run through the same client (no GitHub token: the runner's own
 * ACTIONS_RUNTIME_TOKEN). For the record (v6.2.1): `listArtifacts({latest})` is one Twirp POST …/ListArtifacts
 * with the backend ids of the token; `downloadArtifact(id, {path})` is …/ListArtifacts with `id_filter`, then
 * …/GetSignedArtifactURL with the name, then a GET of the signed URL, unzipped into `path` (entry names with
 * `..` are neutralised). A failed blob GET is tried 5 times, 5 s apart: `timeoutMs` bounds every call.
 */
export function createArtifactStore(ctx: { timeoutMs: number }): ArtifactStore {
  const client = async () => new (await import('@actions/artifact')).DefaultArtifactClient();
  return {
    async list() {
      const { artifacts } = await withDeadline(
        (await client()).listArtifacts({ latest: true }),
        ctx.timeoutMs,
      );
      return artifacts.map((a) => ({ id: a.id, name: a.name }));
    },
    async download(artifact, dir) {
      await withDeadline((await client()).downloadArtifact(artifact.id, { path: dir }), ctx.timeoutMs);
    },
  };
}
