// The test helpers other suites rely on: the sample result factory and the zip reader.
import { describe, expect, it } from '@jest/globals';
import { deflateRawSync } from 'node:zlib';
import { SMOKE_STATUSES, SmokeResult } from '../../src/contracts.js';
import { makeRuntimeToken } from '../support/fake-artifact-service.js';
import { sampleResult } from '../support/sample-result.js';
import { crc32, readZip } from '../support/zip.js';

describe('sampleResult', () => {
  it.each(SMOKE_STATUSES)('gives a schema-valid %s result', (status) => {
    const r = sampleResult({ status });
    expect(SmokeResult.safeParse(r).success).toBe(true);
    expect(r.status).toBe(status);
  });

  it('applies overrides and rejects invalid ones', () => {
    expect(sampleResult({ task_id: null }).task_id).toBeNull();
    expect(() => sampleResult({ status: 'FAIL', reason: 'exit_zero' })).toThrow();
  });
});

/** A minimal zip writer: one stored and one deflated entry, the latter with a data descriptor. */
function makeZip(files: { name: string; data: Buffer; deflate: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const body = f.deflate ? deflateRawSync(f.data) : f.data;
    const name = Buffer.from(f.name);
    const flags = f.deflate ? 0x0808 : 0x0800; // UTF-8 names; data descriptor for the deflated one
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(f.deflate ? 8 : 0, 8);
    if (!f.deflate) {
      local.writeUInt32LE(crc32(f.data), 14);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(f.data.length, 22);
    }
    local.writeUInt16LE(name.length, 26);
    const descriptor = Buffer.alloc(f.deflate ? 16 : 0);
    if (f.deflate) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc32(f.data), 4);
      descriptor.writeUInt32LE(body.length, 8);
      descriptor.writeUInt32LE(f.data.length, 12);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(f.deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc32(f.data), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(f.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body, descriptor);
    centrals.push(central, name);
    offset += local.length + name.length + body.length + descriptor.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(files.length, 8);
  eocd.writeUInt16LE(files.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

describe('readZip', () => {
  it('reads stored and deflated entries (with a data descriptor)', () => {
    const zip = makeZip([
      { name: 'stored.txt', data: Buffer.from('plain ✓'), deflate: false },
      { name: 'dir/deflated.log', data: Buffer.from('abc\n'.repeat(1000)), deflate: true },
    ]);
    const entries = readZip(zip);
    expect([...entries.keys()]).toEqual(['stored.txt', 'dir/deflated.log']);
    expect(entries.get('stored.txt')!.toString()).toBe('plain ✓');
    expect(entries.get('dir/deflated.log')!.toString()).toBe('abc\n'.repeat(1000));
  });

  it('rejects what is not a zip, and a corrupted entry', () => {
    expect(() => readZip(Buffer.from('not a zip at all, definitely not'))).toThrow(/not a zip/);
    const zip = makeZip([{ name: 'a', data: Buffer.from('hello'), deflate: false }]);
    zip[30 + 1] ^= 0xff; // flip a data byte
    expect(() => readZip(zip)).toThrow(/CRC mismatch/);
  });

  it('crc32 matches the standard check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});

describe('makeRuntimeToken', () => {
  it('carries the backend ids in the scp claim of a decodable JWT', () => {
    const [header, payload, signature] = makeRuntimeToken('run-1', 'job-2').split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toMatchObject({ typ: 'JWT' });
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString()).scp).toContain(
      'Actions.Results:run-1:job-2',
    );
    expect(signature.length).toBeGreaterThan(0);
  });
});
