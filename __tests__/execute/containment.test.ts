// Containment (SPEC-v2 §6). Discovery and policy are pure and tested on text; then real cgroups: escapees
// that leave the process group, call setsid and clear their environment die at the deadline in a cgroup
// (v2 and v1, each forced) and survive in a process group; max-processes caps a fork loop that is still
// killed at the deadline; no cgroup is left behind. Cases needing a cgroup variant are skipped where the
// engine cannot create one (detected below by asking it); the fallback runs as an unprivileged user.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildInvocation,
  decideContainment,
  joiningInvocation,
  locateOwnCgroups,
  parseMountInfo,
  parseProcCgroup,
  runSmoke,
  type ContainmentUsed,
  type SmokeRun,
} from '../../src/execute/index.js';
import { isGone, killAll, makeSpec, readPids, tempDir } from './support/helpers.js';

const linux = process.platform === 'linux';

/** Whether the engine, forced to one cgroup version, actually gets it here. */
async function engineGets(version: 1 | 2): Promise<boolean> {
  if (!linux) return false;
  const probe = tempDir();
  try {
    const run = await runSmoke(makeSpec(probe.dir, { containment: 'cgroup' }), { cgroupVersions: [version] });
    return run.containment === `cgroup-v${version}`;
  } finally {
    probe.cleanup();
  }
}
const VARIANTS = [
  { version: 2, used: 'cgroup-v2', available: await engineGets(2) },
  { version: 1, used: 'cgroup-v1', available: await engineGets(1) },
] as const;

describe('cgroup discovery (pure)', () => {
  const hybrid = [
    '31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755',
    '32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,relatime - cgroup cgroup rw,cpu,cpuacct',
    '37 31 0:34 / /sys/fs/cgroup/freezer rw,relatime - cgroup cgroup rw,freezer',
    '39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids',
    '40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,xattr,name=systemd',
    '41 31 0:38 / /sys/fs/cgroup/unified rw,relatime shared:5 - cgroup2 cgroup2 rw',
    '50 23 0:40 / /mnt/with\\040space rw - ext4 /dev/sda1 rw',
  ].join('\n');
  const membership = [
    '9:name=systemd:/',
    '8:pids:/ci/job',
    '6:freezer:/ci/job',
    '1:cpu,cpuacct:/',
    '0::/ci/job',
  ];

  it('reads cgroup mounts, versions and v1 controllers; skips other file systems', () => {
    const mounts = parseMountInfo(hybrid);
    expect(mounts.map((m) => [m.version, m.mountPoint])).toEqual([
      [1, '/sys/fs/cgroup/cpu,cpuacct'],
      [1, '/sys/fs/cgroup/freezer'],
      [1, '/sys/fs/cgroup/pids'],
      [1, '/sys/fs/cgroup/systemd'],
      [2, '/sys/fs/cgroup/unified'],
    ]);
    expect(mounts[0].options).toEqual(['rw', 'cpu', 'cpuacct']);
  });

  it('joins our membership with the mounts: our own directory in each hierarchy', () => {
    const own = locateOwnCgroups(parseMountInfo(hybrid), parseProcCgroup(membership.join('\n')));
    expect(own.v2).toBe('/sys/fs/cgroup/unified/ci/job');
    expect(own.v1.get('freezer')).toBe('/sys/fs/cgroup/freezer/ci/job');
    expect(own.v1.get('pids')).toBe('/sys/fs/cgroup/pids/ci/job');
    expect(own.v1.get('cpuacct')).toBe('/sys/fs/cgroup/cpu,cpuacct');
  });

  it('pure v2 (systemd), a bind-mounted sub-tree, and a namespace root outside the mount', () => {
    const v2 = '25 20 0:22 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw,nsdelegate';
    const scope = '0::/system.slice/runner.service';
    expect(locateOwnCgroups(parseMountInfo(v2), parseProcCgroup(scope))).toEqual({
      v2: '/sys/fs/cgroup/system.slice/runner.service',
      v1: new Map(),
    });
    const sub = '25 20 0:22 /system.slice /sys/fs/cgroup rw - cgroup2 cgroup2 rw';
    expect(locateOwnCgroups(parseMountInfo(sub), parseProcCgroup(scope)).v2).toBe(
      '/sys/fs/cgroup/runner.service',
    );
    const outside = '25 20 0:22 /.. /sys/fs/cgroup rw - cgroup2 cgroup2 rw';
    expect(locateOwnCgroups(parseMountInfo(outside), parseProcCgroup(scope)).v2).toBeNull();
  });

  it('no cgroups at all', () => {
    expect(locateOwnCgroups(parseMountInfo(''), parseProcCgroup(''))).toEqual({ v2: null, v1: new Map() });
  });
});

describe('containment policy (pure)', () => {
  const v2 = { version: 2, pidsLimited: true, pidsProblem: null } as const;
  const v1NoPids = {
    version: 1,
    pidsLimited: false,
    pidsProblem: 'no pids controller is available',
  } as const;
  const none = { version: null, problem: 'cgroup v2: cannot create /x (EACCES)' } as const;

  it.each([
    ['process-group never tries', 'process-group', null, null, 'process-group', null],
    ['auto with a cgroup', 'auto', null, v2, 'cgroup-v2', null],
    ['auto with a pids limit', 'auto', 5, v2, 'cgroup-v2', null],
    ['auto falls back silently', 'auto', null, none, 'process-group', null],
    ['cgroup with a cgroup', 'cgroup', 5, v2, 'cgroup-v2', null],
    [
      'auto without pids: a note',
      'auto',
      5,
      v1NoPids,
      'cgroup-v1',
      /^max-processes \(5\) is not enforced: no pids/,
    ],
    [
      'auto fallback with a limit: a note',
      'auto',
      5,
      none,
      'process-group',
      /not enforced: no cgroup could be/,
    ],
    [
      'process-group with a limit: a note',
      'process-group',
      5,
      null,
      'process-group',
      /containment is process-group/,
    ],
  ] as const)('%s', (_name, setting, max, offer, used, note) => {
    const decision = decideContainment(setting, max, offer);
    expect(decision).toEqual({ used, note: note === null ? null : expect.stringMatching(note) });
  });

  it('cgroup without a cgroup is a problem naming the setting, the reason and the alternatives', () => {
    expect(decideContainment('cgroup', null, none)).toEqual({
      problem:
        'containment is cgroup, but no cgroup could be created for the smoke command (cgroup v2: cannot create /x (EACCES)). Set containment to auto (the process group when no cgroup can be created) or to process-group.',
    });
  });

  it('cgroup with max-processes but no pids controller is a problem', () => {
    expect(decideContainment('cgroup', 5, v1NoPids)).toEqual({
      problem: expect.stringMatching(
        /^max-processes \(5\) needs a pids controller .* set containment to auto/,
      ),
    });
  });
});

// ----------------------------------------------------------------------------- real processes, real cgroups

describe('the join script (before the command starts)', () => {
  const itPosix = process.platform === 'win32' ? it.skip : it;

  function runJoined(joinFiles: string[], dir: string) {
    const script = join(dir, 'script.sh');
    writeFileSync(script, 'echo "ran as $$"');
    const inv = joiningInvocation(buildInvocation('sh', script), joinFiles);
    const r = spawnSync(inv.file, inv.args, { stdio: ['ignore', 'pipe', 'pipe', 'pipe'], encoding: 'utf8' });
    return { status: r.status, stdout: String(r.output[1]), fd3: String(r.output[3]) };
  }

  itPosix('writes its pid into every file, says ok on fd 3, then execs the command (same pid)', () => {
    const dir = tempDir();
    try {
      const files = [join(dir.dir, 'a.procs'), join(dir.dir, 'b.procs')];
      const r = runJoined(files, dir.dir);
      const pid = /^ran as (\d+)\n$/.exec(r.stdout)?.[1];
      expect([r.status, r.fd3, pid === undefined]).toEqual([0, 'ok\n', false]);
      expect(files.map((f) => readFileSync(f, 'utf8'))).toEqual([`${pid}\n`, `${pid}\n`]);
    } finally {
      dir.cleanup();
    }
  });

  itPosix('stops before the command when a file cannot be written, and says why on fd 3', () => {
    const dir = tempDir();
    try {
      const r = runJoined([join(dir.dir, 'missing', 'cgroup.procs')], dir.dir);
      expect([r.status, r.stdout]).toEqual([125, '']);
      expect(r.fd3).toMatch(/post-merge-smoke-join: .*missing\/cgroup\.procs/);
      expect(r.fd3).not.toMatch(/^ok$/m);
    } finally {
      dir.cleanup();
    }
  });
});

let tmp: ReturnType<typeof tempDir>;
let pidFile: string;
beforeEach(() => {
  tmp = tempDir();
  pidFile = join(tmp.dir, 'pids');
});
afterEach(() => {
  killAll(readPids(pidFile));
  tmp.cleanup();
});

/** Two escapees: setsid + an empty environment, and setsid + the tracking id unset. Then the deadline. */
function escapeesCommand(file: string): string {
  return [
    `env -i "$(command -v setsid)" sh -c 'sleep 300 & echo $! >> "${file}"'`,
    `(unset POST_MERGE_SMOKE_TRACKING_ID; setsid sh -c 'sleep 300 & echo $! >> "${file}"')`,
    `while [ "$(wc -l < '${file}')" -lt 2 ]; do sleep 0.02; done`,
    'echo ready',
    'sleep 300',
  ].join('\n');
}

/** Cgroup directories of a running process whose name is ours (post-merge-smoke-…), as they exist now. */
function smokeCgroupDirs(pid: number): string[] {
  const mounts = parseMountInfo(readFileSync('/proc/self/mountinfo', 'utf8'));
  const paths = parseProcCgroup(readFileSync(`/proc/${pid}/cgroup`, 'utf8'))
    .map((m) => m.path)
    .filter((path) => path.includes('/post-merge-smoke-'));
  return mounts
    .flatMap((m) => paths.map((path) => join(m.mountPoint, path)))
    .filter((dir) => existsSync(dir));
}

/** Runs `spec` with the cgroup version forced, recording the smoke's cgroup directories at its spawn. */
async function runRecordingCgroups(
  version: 1 | 2,
  overrides: Parameters<typeof makeSpec>[1],
): Promise<{ run: SmokeRun; dirs: string[] }> {
  const dirs: string[] = [];
  const spec = makeSpec(tmp.dir, { ...overrides, onSpawn: (pid) => dirs.push(...smokeCgroupDirs(pid)) });
  const run = await runSmoke(spec, { cgroupVersions: [version] });
  return { run, dirs };
}

describe.each(VARIANTS)('in a cgroup, $used', ({ version, used, available }) => {
  const itCgroup = available ? it : it.skip;

  itCgroup(
    'escapees that call setsid and clear their environment die at the deadline, and are counted',
    async () => {
      const { run, dirs } = await runRecordingCgroups(version, {
        command: escapeesCommand(pidFile),
        timeoutSeconds: 1,
        containment: 'cgroup',
      });
      const pids = readPids(pidFile);
      expect(run.final.stdout.text).toBe('ready\n');
      expect(pids).toHaveLength(2);
      expect([run.status, run.containment, run.final.containment]).toEqual(['TIMEOUT', used, used]);
      expect(run.final.orphansKilled).toBeGreaterThanOrEqual(2);
      expect(run.message).toMatch(
        /^The smoke command timed out after 1 s; its process tree was killed \(\d+ orphans\)\.$/,
      );
      expect(pids.filter((pid) => !isGone(pid))).toEqual([]);
      expect(run.final.killErrors).toEqual([]);
      expect(dirs.length).toBeGreaterThan(0);
      expect(dirs.filter((dir) => existsSync(dir))).toEqual([]);
    },
  );

  itCgroup('an escapee left after a normal exit is killed and counted', async () => {
    const command = [
      `env -i "$(command -v setsid)" sh -c 'echo $$ > "${pidFile}"; exec sleep 300' &`,
      `while [ "$(cat /proc/$!/comm)" != sleep ]; do sleep 0.02; done`,
      'echo done',
    ].join('\n');
    const { run, dirs } = await runRecordingCgroups(version, { command, containment: 'auto' });
    expect([run.status, run.containment, run.final.stdout.text]).toEqual(['PASS', used, 'done\n']);
    expect(run.final.orphansKilled).toBe(1);
    expect(run.message).toMatch(/; 1 leftover process was killed\.$/);
    expect(run.final.errorMessage).toBeNull(); // the pipe it held closed when it died
    expect(isGone(readPids(pidFile)[0])).toBe(true);
    expect(dirs.filter((dir) => existsSync(dir))).toEqual([]);
  });

  itCgroup('max-processes caps a fork loop, which is still killed at the deadline', async () => {
    // TERM is ignored by the loop and its children: only SIGKILL (the cgroup's kill) ends them.
    const command = `trap "" TERM\nwhile :; do sleep 300 & echo $! >> '${pidFile}'; done`;
    const { run, dirs } = await runRecordingCgroups(version, {
      command,
      timeoutSeconds: 1.5,
      killGraceSeconds: 0.3,
      containment: 'cgroup',
      maxProcesses: 8,
    });
    const pids = readPids(pidFile);
    expect([run.status, run.containment]).toEqual(['TIMEOUT', used]);
    expect(run.final.stderr.text).toMatch(/fork: retry: Resource temporarily unavailable/);
    expect(pids.length).toBeGreaterThan(0);
    expect(pids.length).toBeLessThanOrEqual(7); // 8 tasks: the loop's shell and 7 sleeps
    expect(pids.filter((pid) => !isGone(pid))).toEqual([]);
    expect(run.final.errorMessage).toBeNull();
    expect(dirs.filter((dir) => existsSync(dir))).toEqual([]);
  });
});

describe('in a process group', () => {
  const itLinux = linux ? it : it.skip;

  itLinux('the same escapees survive (then this test kills them): the fallback is what it says', async () => {
    const spec = makeSpec(tmp.dir, {
      command: escapeesCommand(pidFile),
      timeoutSeconds: 1,
      containment: 'process-group',
      maxProcesses: 5,
    });
    const run = await runSmoke(spec, { pipeCloseTimeoutMs: 300 });
    const pids = readPids(pidFile);
    expect([run.status, run.containment, run.final.containment]).toEqual([
      'TIMEOUT',
      'process-group',
      'process-group',
    ]);
    expect(pids).toHaveLength(2);
    expect(pids.filter((pid) => isGone(pid))).toEqual([]);
    expect(run.final.errorMessage).toMatch(
      /^max-processes \(5\) is not enforced: containment is process-group\./,
    );
  });

  it('containment cgroup that cannot be had is ERROR spawn_failed, and nothing runs', async () => {
    const marker = join(tmp.dir, 'ran');
    const spec = makeSpec(tmp.dir, {
      command: `touch '${marker}'`,
      containment: 'cgroup',
      retries: 2,
      retryOn: 'any',
    });
    const run = await runSmoke(spec, { cgroupVersions: [] });
    expect([run.status, run.reason, run.containment, run.attempts.length]).toEqual([
      'ERROR',
      'spawn_failed',
      'process-group',
      1,
    ]);
    expect(run.message).toMatch(
      /^containment is cgroup, but no cgroup could be created .* or to process-group\.$/,
    );
    expect(existsSync(marker)).toBe(false);
  });
});

describe('as an unprivileged user (no cgroup can be created)', () => {
  const setpriv = spawnSync('sh', ['-c', 'command -v setpriv'], { encoding: 'utf8' }).stdout.trim();
  const itRoot = linux && process.getuid?.() === 0 && setpriv !== '' ? it : it.skip;

  itRoot(
    'auto falls back to the process group and says so only for max-processes; cgroup is an ERROR',
    () => {
      chmodSync(tmp.dir, 0o777);
      const base = { timeoutSeconds: 1, killGraceSeconds: 0.5 };
      const jobs = [
        {
          spec: makeSpec(tmp.dir, { ...base, command: escapeesCommand(pidFile) }),
          options: { pipeCloseTimeoutMs: 300 },
        },
        { spec: makeSpec(tmp.dir, { ...base, command: 'true', maxProcesses: 5 }) },
        { spec: makeSpec(tmp.dir, { ...base, command: 'true', containment: 'cgroup' }) },
      ];
      const child = spawnSync(
        setpriv,
        [
          '--reuid=65534',
          '--regid=65534',
          '--clear-groups',
          '--',
          process.execPath,
          '--import',
          'tsx',
          join(process.cwd(), '__tests__/execute/support/run-specs.ts'),
          JSON.stringify(jobs),
        ],
        { encoding: 'utf8', timeout: 60_000 },
      );
      if (child.status !== 0) throw new Error(`engine child failed (${child.status}): ${child.stderr}`);
      const [escapees, limited, required] = JSON.parse(child.stdout) as SmokeRun[];

      expect([escapees.status, escapees.containment]).toEqual([
        'TIMEOUT',
        'process-group' satisfies ContainmentUsed,
      ]);
      expect(escapees.final.errorMessage).not.toMatch(/containment|cgroup/);
      expect(readPids(pidFile).filter((pid) => isGone(pid))).toEqual([]); // survivors: killed in afterEach

      expect([limited.status, limited.containment]).toEqual(['PASS', 'process-group']);
      expect(limited.final.errorMessage).toMatch(
        /^max-processes \(5\) is not enforced: no cgroup could be created .*(EACCES|EPERM|EROFS|not mounted)/,
      );

      expect([required.status, required.reason]).toEqual(['ERROR', 'spawn_failed']);
      expect(required.message).toMatch(
        /^containment is cgroup, but no cgroup could be created for the smoke command \(.+\)\. Set containment to auto/,
      );
    },
  );
});
