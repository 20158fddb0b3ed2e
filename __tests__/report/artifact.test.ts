// The escalation artifact goes through the REAL @actions/artifact client to a loopback fake of the
// artifact backend (Twirp + Azure block blob), and the uploaded zip is opened and checked.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { artifactUrl, createArtifactUploader, uploadEscalationArtifact } from '../../src/report/artifact.js';
import type { ArtifactUpload } from '../../src/report/types.js';
import { closedPortUrl } from '../../src/replay/index.js';
import { artifactEnv, FakeArtifactService, setEnv } from '../support/fake-artifact-service.js';
import { readZip } from '../support/zip.js';

const RUN_CTX = { serverUrl: 'https://github.com', repository: 'octo/widgets', runId: '4242' };

describe('uploadEscalationArtifact (real client, fake service)', () => {
  let service: FakeArtifactService;
  let dir: string;
  let restoreEnv: () => void;
  let upload: ArtifactUpload;

  beforeEach(async () => {
    service = await new FakeArtifactService().start();
    restoreEnv = setEnv(artifactEnv(service.url));
    dir = await mkdtemp(join(tmpdir(), 'pms-artifact-'));
    const files = {
      'escalation-packet.json': JSON.stringify({ critical_no: 7 }),
      'smoke-result.json': JSON.stringify({ status: 'FAIL' }),
      'stdout.log': 'line 1\nline 2 ✓\n'.repeat(1000),
      'stderr.log': '',
    };
    for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
    upload = {
      name: 'post-merge-smoke-critical-7-0123456-attempt-1',
      files: Object.keys(files).map((f) => join(dir, f)),
      rootDirectory: dir,
      retentionDays: null,
    };
  });

  afterEach(async () => {
    restoreEnv();
    await service.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('uploads a zip holding every file with its content, and finalizes it', async () => {
    const uploaded = await uploadEscalationArtifact(upload, RUN_CTX);

    expect(uploaded.id).toBe(1000);
    expect(uploaded.url).toBe('https://github.com/octo/widgets/actions/runs/4242/artifacts/1000');
    const zip = service.uploads.get(upload.name);
    expect(zip).toBeDefined();
    expect(uploaded.size).toBe(zip!.length);

    const entries = readZip(zip!);
    expect([...entries.keys()].sort()).toEqual([
      'escalation-packet.json',
      'smoke-result.json',
      'stderr.log',
      'stdout.log',
    ]);
    expect(entries.get('escalation-packet.json')!.toString()).toBe('{"critical_no":7}');
    expect(entries.get('stdout.log')!.toString()).toBe('line 1\nline 2 ✓\n'.repeat(1000));
    expect(entries.get('stderr.log')!.length).toBe(0);

    // CreateArtifact: name, version 7, backend ids from the runtime token's scp claim, bearer auth, zip mime.
    expect(service.creates).toHaveLength(1);
    const create = service.creates[0];
    expect(create).toMatchObject({
      name: upload.name,
      version: 7,
      workflowRunBackendId: 'run-backend-1',
      workflowJobRunBackendId: 'job-backend-1',
      mimeType: 'application/zip',
      expiresAt: null,
    });
    expect(create.authorization).toBe(`Bearer ${process.env.ACTIONS_RUNTIME_TOKEN}`);

    // FinalizeArtifact: size and sha256 of exactly the bytes uploaded.
    expect(service.finalizes).toHaveLength(1);
    const fin = service.finalizes[0];
    expect(fin.size).toBe(zip!.length);
    expect(fin.hash).toBe(`sha256:${createHash('sha256').update(zip!).digest('hex')}`);
    expect(fin.workflowRunBackendId).toBe('run-backend-1');

    // Azure block blob protocol: blocks, then one block list.
    const puts = service.requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.query.comp)).toEqual([...puts.slice(0, -1).map(() => 'block'), 'blocklist']);
    expect(puts[0].headers['x-ms-version']).toBeDefined();
  });

  it('sends the retention period as expires_at', async () => {
    const before = Date.now();
    await uploadEscalationArtifact({ ...upload, retentionDays: 5 }, RUN_CTX);
    const expiresAt = service.creates[0].expiresAt;
    expect(expiresAt).not.toBeNull();
    const days = (Date.parse(expiresAt!) - before) / 86_400_000;
    expect(days).toBeGreaterThan(4.9);
    expect(days).toBeLessThan(5.1);
  });

  it('without the run context there is no URL, but the upload works', async () => {
    const uploaded = await createArtifactUploader({})(upload);
    expect(uploaded.id).toBe(1000);
    expect(uploaded.url).toBeNull();
  });

  it('CreateArtifact answering ok:false is a clear error', async () => {
    service.mode = 'create-not-ok';
    await expect(uploadEscalationArtifact(upload, RUN_CTX)).rejects.toThrow(
      /^artifact upload failed: CreateArtifact: response from backend was not ok$/,
    );
    expect(service.uploads.size).toBe(0);
  });

  it('FinalizeArtifact answering ok:false is a clear error', async () => {
    service.mode = 'finalize-not-ok';
    await expect(uploadEscalationArtifact(upload, RUN_CTX)).rejects.toThrow(
      /^artifact upload failed: FinalizeArtifact: response from backend was not ok$/,
    );
  });

  it('a blob store refusing the upload (403) fails fast with the storage error', async () => {
    service.mode = 'blob-forbidden';
    const started = Date.now();
    await expect(uploadEscalationArtifact(upload, RUN_CTX)).rejects.toThrow(
      /^artifact upload failed: .*(authenticate|AuthenticationFailed)/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(service.finalizes).toHaveLength(0);
  });

  it('a service that refuses connections fails at once (no retries)', async () => {
    restoreEnv();
    restoreEnv = setEnv(artifactEnv(await closedPortUrl()));
    const started = Date.now();
    await expect(uploadEscalationArtifact(upload, RUN_CTX)).rejects.toThrow(
      /^artifact upload failed: Failed to CreateArtifact: Unable to make request: ECONNREFUSED/,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a missing runtime token is a clear error', async () => {
    restoreEnv();
    restoreEnv = setEnv({ ...artifactEnv(service.url), ACTIONS_RUNTIME_TOKEN: undefined });
    await expect(uploadEscalationArtifact(upload, RUN_CTX)).rejects.toThrow(
      /^artifact upload failed: .*ACTIONS_RUNTIME_TOKEN/,
    );
  });

  it('timeoutMs bounds the wait on a slow (503-ing) service', async () => {
    service.mode = 'unavailable';
    const started = Date.now();
    await expect(uploadEscalationArtifact(upload, { ...RUN_CTX, timeoutMs: 1_000 })).rejects.toThrow(
      /^artifact upload failed: no answer within 1000 ms$/,
    );
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  // The client's Twirp retry settings are constants (5 attempts; 3 s, then ×1.5 with jitter), so a 503-ing
  // service takes ~25–35 s to give up. Measured here once, with a long timeout.
  it('a service answering 503 is retried 5 times, then a clear error (~25–35 s)', async () => {
    service.mode = 'unavailable';
    const started = Date.now();
    await expect(uploadEscalationArtifact(upload, RUN_CTX)).rejects.toThrow(
      /^artifact upload failed: Failed to CreateArtifact: Failed to make request after 5 attempts: Failed request: \(503\) Service Unavailable: the fake artifact service is unavailable$/,
    );
    const elapsed = Date.now() - started;
    expect(service.twirpCalls('CreateArtifact')).toHaveLength(5);
    expect(elapsed).toBeGreaterThan(24_000);
    expect(elapsed).toBeLessThan(40_000);
  }, 60_000);

  it('artifactUrl needs server, repository and run', () => {
    expect(artifactUrl({ serverUrl: 'https://github.com/', repository: 'o/r', runId: '1' }, 7)).toBe(
      'https://github.com/o/r/actions/runs/1/artifacts/7',
    );
    expect(artifactUrl({ serverUrl: 'https://github.com', repository: null, runId: '1' }, 7)).toBeNull();
  });
});
