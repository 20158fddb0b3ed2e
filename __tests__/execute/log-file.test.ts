// The on-disk log follows the capture's head/tail rule at its own budget, and a log that cannot be written
// just reports no path.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HeadTailCapture, HeadTailLogFile } from '../../src/execute/index.js';
import { tempDir } from './support/helpers.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

function writeBoth(data: Buffer, max: number, chunk: number): { file: string; memory: string } {
  const path = join(tmp.dir, `log-${max}-${chunk}.log`);
  const log = new HeadTailLogFile(path, max);
  const cap = new HeadTailCapture(max);
  for (let off = 0; off < data.length; off += chunk) {
    log.write(data.subarray(off, off + chunk));
    cap.write(data.subarray(off, off + chunk));
  }
  expect(log.finish()).toBe(path);
  return { file: readFileSync(path, 'utf8'), memory: cap.result().text };
}

describe('HeadTailLogFile', () => {
  it('writes short output whole', () => {
    const { file } = writeBoth(Buffer.from('line 1\nline 2\n'), 1024, 4);
    expect(file).toBe('line 1\nline 2\n');
  });

  it('keeps head and tail with the marker, byte-for-byte like the in-memory capture', () => {
    const text = Array.from({ length: 500 }, (_, i) => `line ${i} € 😀\n`).join('');
    const data = Buffer.from(text);
    for (const max of [64, 101, 1000, 4096]) {
      for (const chunk of [1, 7, 64, 5000]) {
        const { file, memory } = writeBoth(data, max, chunk);
        expect(file).toBe(memory);
        expect(file.startsWith('line 0 € 😀\n')).toBe(true);
        expect(file.endsWith('line 499 € 😀\n')).toBe(true);
        expect(file).not.toContain('\ufffd');
      }
    }
  });

  it('reports null when the file cannot be opened', () => {
    const log = new HeadTailLogFile(join(tmp.dir, 'no-such-dir', 'x.log'), 100);
    log.write(Buffer.from('data'));
    expect(log.finish()).toBeNull();
    expect(log.error).toMatch(/ENOENT/);
  });
});
