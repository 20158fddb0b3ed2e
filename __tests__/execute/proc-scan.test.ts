// The /proc sweep's reader, against a fake /proc tree: group members and tracking-id carriers are found,
// zombies and older processes' environments are not, and a needle across a read-chunk boundary still matches.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { procStartTime, scanProc } from '../../src/execute/index.js';
import { tempDir } from './support/helpers.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

const needle = Buffer.from('POST_MERGE_SMOKE_TRACKING_ID=id-1\0');

function fakeProcess(
  pid: number,
  opts: { comm?: string; state?: string; pgrp: number; start: number; env?: Buffer },
) {
  const dir = join(tmp.dir, String(pid));
  mkdirSync(dir);
  // fields after "(comm)": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
  // cutime cstime priority nice threads itrealvalue starttime ...
  const rest = [
    opts.state ?? 'S',
    1,
    opts.pgrp,
    opts.pgrp,
    0,
    -1,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    20,
    0,
    1,
    0,
    opts.start,
    0,
  ];
  writeFileSync(join(dir, 'stat'), `${pid} (${opts.comm ?? 'sleep'}) ${rest.join(' ')}\n`);
  writeFileSync(join(dir, 'environ'), opts.env ?? Buffer.from('PATH=/bin\0HOME=/root\0'));
}

function sorted(scan: ReturnType<typeof scanProc>) {
  return scan && { group: [...scan.group].sort(), escaped: [...scan.escaped].sort() };
}

describe('scanProc', () => {
  it('finds group members and tracking-id carriers, skipping zombies and older processes', () => {
    fakeProcess(100, { pgrp: 100, start: 5000 }); // our command (group leader)
    fakeProcess(101, { pgrp: 100, start: 5001, comm: 'odd ) name (' }); // group member, awkward comm
    fakeProcess(102, { pgrp: 100, start: 5002, state: 'Z' }); // zombie: gone
    fakeProcess(103, { pgrp: 103, start: 5003, env: Buffer.from(`A=1\0${needle.toString()}B=2\0`) }); // setsid escapee
    fakeProcess(104, { pgrp: 104, start: 4000, env: needle }); // older than our command: never ours
    fakeProcess(105, { pgrp: 105, start: 6000 }); // unrelated
    // escapee whose environment is larger than the 64 KiB read chunk, with the needle across the boundary
    const big = Buffer.concat([
      Buffer.from('X='),
      Buffer.alloc(65536 - 2 - 10, 'x'),
      Buffer.from('\0'),
      needle,
    ]);
    fakeProcess(106, { pgrp: 106, start: 7000, env: big });
    mkdirSync(join(tmp.dir, 'self')); // non-numeric entries are ignored
    expect(sorted(scanProc(100, needle, 5000, tmp.dir))).toEqual({ group: [100, 101], escaped: [103, 106] });
    expect(sorted(scanProc(100, null, 0, tmp.dir))).toEqual({ group: [100, 101], escaped: [] });
    expect(sorted(scanProc(100, needle, 0, tmp.dir))).toEqual({
      group: [100, 101],
      escaped: [103, 104, 106],
    });
  });

  it('reports a missing /proc as null', () => {
    expect(scanProc(1, needle, 0, join(tmp.dir, 'nope'))).toBeNull();
  });

  it('reads a start time', () => {
    fakeProcess(200, { pgrp: 200, start: 123456 });
    expect(procStartTime(200, tmp.dir)).toBe(123456);
    expect(procStartTime(201, tmp.dir)).toBe(0);
  });
});
