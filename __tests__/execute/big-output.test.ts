// A gigabyte of output: exact byte totals, the exact head and tail, and memory that stays bounded. The engine
// runs in a child node process so its peak RSS (VmHWM) is its own, not the test runner's.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SmokeRun } from '../../src/execute/index.js';
import { tempDir } from './support/helpers.js';

const itLinux = process.platform === 'linux' ? it : it.skip;

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

const GiB = 1024 ** 3;

describe('1 GiB of stdout', () => {
  itLinux(
    'keeps exact totals, exact head and tail, and bounded memory',
    () => {
      const ending = '\nEND€\n'; // 8 bytes, a multibyte character near the very end
      const command = `printf 'BEGIN\\n'; head -c ${GiB} /dev/zero; printf '${ending.replace(/\n/g, '\\n')}'; echo err >&2`;
      const max = 65536;
      const logMax = 10 * 1024 * 1024;
      const child = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          join(process.cwd(), '__tests__/execute/support/engine-child.ts'),
          command,
          tmp.dir,
          String(max),
          String(logMax),
        ],
        { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      );
      if (child.status !== 0) throw new Error(`engine child failed (${child.status}): ${child.stderr}`);
      const { run, hwmKiB } = JSON.parse(child.stdout) as { run: SmokeRun; hwmKiB: number };
      expect(run.status).toBe('PASS');

      const total = 6 + GiB + Buffer.byteLength(ending);
      const out = run.final.stdout;
      expect(out.totalBytes).toBe(total);
      expect(out.truncated).toBe(true);
      const tailText = '\0'.repeat(max / 2 - Buffer.byteLength(ending)) + ending;
      expect(out.text).toBe(
        'BEGIN\n' + '\0'.repeat(max / 2 - 6) + `…[${total - max} bytes truncated]…` + tailText,
      );
      expect(run.final.stderr.text).toBe('err\n');

      // the disk log: the same rule at logMaxBytes
      const marker = Buffer.from(`…[${total - logMax} bytes truncated]…`);
      expect(statSync(out.logPath!).size).toBe(logMax + marker.length);
      const log = readFileSync(out.logPath!);
      expect(log.subarray(0, 6).toString()).toBe('BEGIN\n');
      expect(log.subarray(logMax / 2, logMax / 2 + marker.length)).toEqual(marker);
      expect(log.subarray(log.length - 8).toString()).toBe(ending);
      expect(log.subarray(6, logMax / 2).every((b) => b === 0)).toBe(true);

      // memory: far below the output size (the ring buffers are 32 KiB + 5 MiB per stream)
      expect(hwmKiB).toBeLessThan(200 * 1024);
    },
    180_000,
  );
});
