// What the sinks write to disk: pretty JSON, atomically, redacted.
import { describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordingSinks, Redactor, REDACTED } from '../../src/sinks/index.js';
import { sampleResult } from '../support/sample-result.js';
import { silentLog } from '../support/logs.js';

const SECRET = 'ghs_fileSinkSecretValue0123456789abcdef';
const sinks = () =>
  recordingSinks(new Redactor({ secrets: [SECRET], patterns: [] }), silentLog(), () => undefined).sinks;

describe('writeJson', () => {
  it('writes pretty JSON atomically, creating the directory, redacted', async () => {
    const root = await mkdtemp(join(tmpdir(), 'pms-json-'));
    try {
      const dir = join(root, 'a', 'b');
      const path = join(dir, 'smoke-result.json');
      const result = sampleResult({ status: 'FAIL', stdout: `leaked ${SECRET}\n` });
      await sinks().writeJson(path, result);
      const text = await readFile(path, 'utf8');
      expect(text).toBe(JSON.stringify({ ...result, stdout: `leaked ${REDACTED}\n` }, null, 2) + '\n');
      // Overwrites in place, leaving no temp files behind.
      await sinks().writeJson(path, sampleResult());
      expect(await readdir(dir)).toEqual(['smoke-result.json']);
      expect(JSON.parse(await readFile(path, 'utf8')).status).toBe('PASS');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
