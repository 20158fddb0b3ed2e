// A loopback stand-in for the GitHub Actions artifact backend, enough for the real @actions/artifact v6
// client to upload end to end:
//
// - Twirp JSON: POST /twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact and …/FinalizeArtifact.
//   The client sends proto field names (snake_case: workflow_run_backend_id, workflow_job_run_backend_id,
//   name, mime_type, version, expires_at; size as a string and hash "sha256:<hex>" on finalize) with
//   `Authorization: Bearer <ACTIONS_RUNTIME_TOKEN>`, and accepts snake_case or camelCase answers.
//   It retries 5xx/429 and unparsable bodies 5 times with 3 s+ backoff; connection errors fail at once.
// - Azure block blob: the signed upload URL gets PUT ?comp=block&blockid=<base64> (one per 8 MiB block) and
//   then PUT ?comp=blocklist with an XML <BlockList>; both answered 201 with the headers Azure sends. The
//   blocks are assembled in block-list order into the uploaded zip, kept per artifact name.
// - Reading within the same workflow run (what `mode: report` does): …/ListArtifacts (proto field names:
//   workflow_run_backend_id, workflow_job_run_backend_id, optional name_filter (a string) and id_filter (an
//   int64 as a string); answered with the finalized artifacts of that run, any job), …/GetSignedArtifactURL
//   (the same ids and a name; answered with signed_url) and a GET of that URL, which answers the zip as
//   application/zip.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { closeNow, listenOnLoopback } from '../../src/replay/index.js';

const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/';

export type ArtifactServiceMode =
  /** Everything works. */
  | 'ok'
  /** Every Twirp call answers 503 (the client retries with backoff, then gives up). */
  | 'unavailable'
  /** CreateArtifact answers 200 {ok: false}. */
  | 'create-not-ok'
  /** FinalizeArtifact answers 200 {ok: false}. */
  | 'finalize-not-ok'
  /** Blob PUTs answer 403 AuthenticationFailed (not retried by the storage SDK). */
  | 'blob-forbidden';

export interface RecordedArtifactRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export interface CreateArtifactCall {
  name: string;
  version: number;
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
  mimeType: string | null;
  /** RFC 3339, present when a retention period was asked for. */
  expiresAt: string | null;
  authorization: string | null;
  raw: Record<string, unknown>;
}

export interface FinalizeArtifactCall {
  name: string;
  size: number;
  /** "sha256:<hex>" */
  hash: string | null;
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
  raw: Record<string, unknown>;
}

interface BlobState {
  artifactName: string;
  blocks: Map<string, Buffer>;
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
}

/** A finalized artifact, as ListArtifacts lists it. */
export interface StoredArtifactRecord {
  id: number;
  name: string;
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
  zip: Buffer;
  createdAt: string;
}

/** The query string decoded without turning '+' into ' ' (block ids are base64). */
function parseQuery(search: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of search.replace(/^\?/, '').split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const k = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
    out[k] = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1));
  }
  return out;
}

export class FakeArtifactService {
  mode: ArtifactServiceMode = 'ok';
  readonly requests: RecordedArtifactRequest[] = [];
  readonly creates: CreateArtifactCall[] = [];
  readonly finalizes: FinalizeArtifactCall[] = [];
  /** Committed uploads: artifact name → the zip bytes. */
  readonly uploads = new Map<string, Buffer>();
  /** Artifact name → id given at finalize. */
  readonly ids = new Map<string, number>();
  /** Every finalized artifact, in order: what ListArtifacts and downloads serve. */
  readonly stored: StoredArtifactRecord[] = [];
  private blobs = new Map<string, BlobState>();
  private nextId = 1000;
  private server: Server | null = null;
  private port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Twirp calls seen, by method name. */
  twirpCalls(
    method: 'CreateArtifact' | 'FinalizeArtifact' | 'ListArtifacts' | 'GetSignedArtifactURL',
  ): RecordedArtifactRequest[] {
    return this.requests.filter((r) => r.path === TWIRP_PREFIX + method);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          this.handle(req, Buffer.concat(chunks), res);
        } catch (e) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ code: 'internal', msg: String(e) }));
        }
      });
    });
    this.port = await listenOnLoopback(this.server);
    return this;
  }

  /** Stops listening; the port then refuses connections (the "service down" case). */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await closeNow(server);
  }

  private handle(req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    const u = new URL(req.url ?? '/', this.url);
    const recorded: RecordedArtifactRequest = {
      method: req.method ?? '',
      path: u.pathname,
      query: parseQuery(u.search),
      headers: req.headers,
      body,
    };
    this.requests.push(recorded);
    if (req.method === 'POST' && u.pathname.startsWith(TWIRP_PREFIX)) {
      this.twirp(u.pathname.slice(TWIRP_PREFIX.length), recorded, res);
    } else if (req.method === 'PUT' && u.pathname.startsWith('/upload/')) {
      this.blob(u.pathname, recorded, res);
    } else if (req.method === 'GET' && u.pathname.startsWith('/download/')) {
      this.download(u.pathname, recorded, res);
    } else {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'not_found', msg: `no route for ${req.method} ${u.pathname}` }));
    }
  }

  private json(res: ServerResponse, status: number, value: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(value));
  }

  private twirp(method: string, req: RecordedArtifactRequest, res: ServerResponse): void {
    if (this.mode === 'unavailable') {
      this.json(res, 503, { code: 'unavailable', msg: 'the fake artifact service is unavailable' });
      return;
    }
    const raw = JSON.parse(req.body.toString('utf8')) as Record<string, unknown>;
    const runId = String(raw.workflow_run_backend_id ?? '');
    const jobId = String(raw.workflow_job_run_backend_id ?? '');
    const name = String(raw.name ?? '');
    if (method === 'CreateArtifact') {
      this.creates.push({
        name,
        version: Number(raw.version),
        workflowRunBackendId: runId,
        workflowJobRunBackendId: jobId,
        mimeType: typeof raw.mime_type === 'string' ? raw.mime_type : null,
        expiresAt: typeof raw.expires_at === 'string' ? raw.expires_at : null,
        authorization: typeof req.headers.authorization === 'string' ? req.headers.authorization : null,
        raw,
      });
      if (this.mode === 'create-not-ok') {
        this.json(res, 200, { ok: false, signed_upload_url: '' });
        return;
      }
      const key = `/upload/${encodeURIComponent(name)}-${this.creates.length}.zip`;
      this.blobs.set(key, {
        artifactName: name,
        blocks: new Map(),
        workflowRunBackendId: runId,
        workflowJobRunBackendId: jobId,
      });
      const sig = createHash('sha256').update(key).digest('hex').slice(0, 16);
      this.json(res, 200, {
        ok: true,
        signed_upload_url: `${this.url}${key}?sv=2023-11-03&sr=b&sp=cw&sig=${sig}`,
      });
      return;
    }
    if (method === 'FinalizeArtifact') {
      this.finalizes.push({
        name,
        size: Number(raw.size ?? 0),
        hash: typeof raw.hash === 'string' ? raw.hash : null,
        workflowRunBackendId: runId,
        workflowJobRunBackendId: jobId,
        raw,
      });
      if (this.mode === 'finalize-not-ok') {
        this.json(res, 200, { ok: false, artifact_id: '0' });
        return;
      }
      const id = this.nextId++;
      this.ids.set(name, id);
      this.store(id, name, runId, jobId);
      this.json(res, 200, { ok: true, artifact_id: String(id) });
      return;
    }
    if (method === 'ListArtifacts') return this.list(raw, res);
    if (method === 'GetSignedArtifactURL') return this.signedUrl(raw, res);
    this.json(res, 404, { code: 'bad_route', msg: `unknown method ${method}` });
  }

  /** Keeps a finalized upload for ListArtifacts and downloads (the newest upload of that name and job). */
  private store(id: number, name: string, runId: string, jobId: string): void {
    const zip = this.uploads.get(name);
    if (!zip) return;
    const createdAt = new Date().toISOString();
    this.stored.push({
      id,
      name,
      workflowRunBackendId: runId,
      workflowJobRunBackendId: jobId,
      zip,
      createdAt,
    });
  }

  private list(raw: Record<string, unknown>, res: ServerResponse): void {
    const runId = String(raw.workflow_run_backend_id ?? '');
    const found = this.stored.filter(
      (a) =>
        a.workflowRunBackendId === runId &&
        (raw.name_filter === undefined || a.name === raw.name_filter) &&
        (raw.id_filter === undefined || String(a.id) === String(raw.id_filter)),
    );
    this.json(res, 200, {
      artifacts: found.map((a) => ({
        workflow_run_backend_id: a.workflowRunBackendId,
        workflow_job_run_backend_id: a.workflowJobRunBackendId,
        database_id: String(a.id),
        name: a.name,
        size: String(a.zip.length),
        created_at: a.createdAt,
      })),
    });
  }

  private signedUrl(raw: Record<string, unknown>, res: ServerResponse): void {
    const found = this.stored
      .filter((a) => a.workflowRunBackendId === raw.workflow_run_backend_id && a.name === raw.name)
      .pop();
    if (!found) {
      this.json(res, 404, { code: 'not_found', msg: 'artifact not found' });
      return;
    }
    this.json(res, 200, { signed_url: `${this.url}/download/${found.id}.zip?sv=2023-11-03&sr=b&sp=r&sig=x` });
  }

  private download(path: string, req: RecordedArtifactRequest, res: ServerResponse): void {
    const id = Number(/^\/download\/(\d+)\.zip$/.exec(path)?.[1]);
    const found = this.stored.find((a) => a.id === id);
    if (!found || !req.query.sig) {
      res.writeHead(404, this.azureHeaders());
      res.end();
      return;
    }
    res.writeHead(200, {
      ...this.azureHeaders({ 'content-length': String(found.zip.length) }),
      'content-type': 'application/zip',
    });
    res.end(found.zip);
  }

  private azureHeaders(extra: Record<string, string> = {}): Record<string, string> {
    return {
      'x-ms-request-id': `req-${this.requests.length}`,
      'x-ms-version': '2025-11-05',
      date: new Date().toUTCString(),
      'x-ms-request-server-encrypted': 'true',
      'content-length': '0',
      ...extra,
    };
  }

  private blob(path: string, req: RecordedArtifactRequest, res: ServerResponse): void {
    const state = this.blobs.get(path);
    if (this.mode === 'blob-forbidden' || !state || !req.query.sig) {
      const xml =
        '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code>' +
        '<Message>Server failed to authenticate the request.</Message></Error>';
      res.writeHead(403, {
        ...this.azureHeaders({ 'content-length': String(Buffer.byteLength(xml)) }),
        'content-type': 'application/xml',
        'x-ms-error-code': 'AuthenticationFailed',
      });
      res.end(xml);
      return;
    }
    if (req.query.comp === 'block') {
      state.blocks.set(req.query.blockid, req.body);
      res.writeHead(201, this.azureHeaders({ 'x-ms-content-crc64': 'AAAAAAAAAAA=' }));
      res.end();
      return;
    }
    if (req.query.comp === 'blocklist') {
      const ids = [...req.body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)</g)].map(
        (m) => m[1],
      );
      const parts = ids.map((id) => {
        const block = state.blocks.get(id);
        if (!block) throw new Error(`block list names an unknown block ${id}`);
        return block;
      });
      this.uploads.set(state.artifactName, Buffer.concat(parts));
      res.writeHead(
        201,
        this.azureHeaders({
          etag: `"0x8DC${this.requests.length.toString(16).toUpperCase()}"`,
          'last-modified': new Date().toUTCString(),
        }),
      );
      res.end();
      return;
    }
    res.writeHead(400, this.azureHeaders());
    res.end();
  }
}

/** base64url without padding. */
function b64url(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

/**
 * An (unsigned) runtime token the client accepts: its `scp` claim carries
 * `Actions.Results:<runBackendId>:<jobBackendId>`, which the client sends as the backend ids.
 */
export function makeRuntimeToken(runBackendId = 'run-backend-1', jobBackendId = 'job-backend-1'): string {
  const header = b64url(JSON.stringify({ alg: 'none', typ: 'JWT' }));
  const payload = b64url(
    JSON.stringify({
      scp: `Actions.ExampleScope Actions.Results:${runBackendId}:${jobBackendId}`,
      exp: Math.floor(Date.now() / 1000) + 3600,
    }),
  );
  return `${header}.${payload}.${b64url('not-a-real-signature')}`;
}

/**
 * Sets environment variables (undefined deletes one) and returns a function that restores the previous
 * values exactly.
 */
export function setEnv(vars: Record<string, string | undefined>): () => void {
  const saved = new Map<string, string | undefined>();
  for (const [k, v] of Object.entries(vars)) {
    saved.set(k, process.env[k]);
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  return () => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

/**
 * The environment the artifact client reads, pointed at `serviceUrl`: ACTIONS_RESULTS_URL (with a trailing
 * slash, as the runner sets it), ACTIONS_RUNTIME_TOKEN, GITHUB_SERVER_URL (github.com: the client refuses
 * GHES hosts), GITHUB_REPOSITORY, GITHUB_RUN_ID; GITHUB_RETENTION_DAYS cleared unless given.
 */
export function artifactEnv(
  serviceUrl: string,
  extra: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return {
    ACTIONS_RESULTS_URL: `${serviceUrl}/`,
    ACTIONS_RUNTIME_TOKEN: makeRuntimeToken(),
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'octo/widgets',
    GITHUB_RUN_ID: '4242',
    GITHUB_RETENTION_DAYS: undefined,
    ...extra,
  };
}
