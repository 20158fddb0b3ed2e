// The engine against real processes: exit codes, signals, streams, stdin, spawn failures, the child's
// environment, live echo and the on-disk logs. POSIX-only cases are skipped on Windows, which has its own.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildChildEnv, runSmoke, TRACKING_ID_VARIABLE, type StreamName } from '../../src/execute/index.js';
import { isWindows, makeSpec, tempDir } from './support/helpers.js';

const itPosix = isWindows ? it.skip : it;
const itWindows = isWindows ? it : it.skip;

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

describe('exit status', () => {
  itPosix('exit 0 is PASS', async () => {
    const run = await runSmoke(makeSpec(tmp.dir, { command: 'echo hello' }));
    expect(run.status).toBe('PASS');
    expect(run.reason).toBe('exit_zero');
    expect(run.final.exitCode).toBe(0);
    expect(run.final.signal).toBeNull();
    expect(run.final.stdout.text).toBe('hello\n');
    expect(run.flaky).toBe(false);
    expect(run.attempts).toHaveLength(1);
    expect(run.message).toMatch(/^The smoke command exited with code 0 after [\d.]+ m?s\.$/);
  });

  itPosix.each([1, 3])('exit %i is FAIL with that code', async (code) => {
    const run = await runSmoke(makeSpec(tmp.dir, { command: `echo before; exit ${code}` }));
    expect(run.status).toBe('FAIL');
    expect(run.reason).toBe('exit_nonzero');
    expect(run.final.exitCode).toBe(code);
    expect(run.message).toMatch(new RegExp(`^The smoke command exited with code ${code} after .+\\.$`));
  });

  itPosix('bash runs with -e and pipefail', async () => {
    const run = await runSmoke(makeSpec(tmp.dir, { command: 'false | true\necho not reached' }));
    expect(run.status).toBe('FAIL');
    expect(run.final.stdout.text).toBe('');
  });

  itPosix('a command that SIGKILLs itself is FAIL killed_by_signal with 137', async () => {
    const run = await runSmoke(makeSpec(tmp.dir, { command: 'echo dying; kill -KILL $$' }));
    expect(run.status).toBe('FAIL');
    expect(run.reason).toBe('killed_by_signal');
    expect(run.final.signal).toBe('SIGKILL');
    expect(run.final.exitCode).toBe(137);
    expect(run.final.stdout.text).toBe('dying\n');
    expect(run.message).toMatch(/killed by SIGKILL \(exit code 137\)/);
  });

  itPosix('a segfault-style foreign signal is FAIL with 128+n', async () => {
    const run = await runSmoke(makeSpec(tmp.dir, { command: 'kill -SEGV $$' }));
    expect(run.status).toBe('FAIL');
    expect(run.final.signal).toBe('SIGSEGV');
    expect(run.final.exitCode).toBe(139);
  });

  itPosix('sh and custom templates work', async () => {
    const sh = await runSmoke(makeSpec(tmp.dir, { shell: 'sh', command: 'echo "$0"; exit 4' }));
    expect(sh.final.exitCode).toBe(4);
    expect(sh.final.stdout.text.trim()).toMatch(/smoke-command\.sh$/);
    const custom = await runSmoke(
      makeSpec(tmp.dir, { shell: 'bash -c "echo custom; . {0}"', command: 'echo sourced' }),
    );
    expect(custom.status).toBe('PASS');
    expect(custom.final.stdout.text).toBe('custom\nsourced\n');
  });
});

describe('streams', () => {
  itPosix('keeps stderr apart from stdout', async () => {
    const run = await runSmoke(
      makeSpec(tmp.dir, { command: 'echo out1; echo err1 >&2; echo out2; echo err2 >&2' }),
    );
    expect(run.final.stdout.text).toBe('out1\nout2\n');
    expect(run.final.stderr.text).toBe('err1\nerr2\n');
    expect(run.final.stdout.totalBytes).toBe(10);
    expect(run.final.stderr.totalBytes).toBe(10);
  });

  itPosix('stdin is closed: a command reading it gets EOF', async () => {
    const run = await runSmoke(
      makeSpec(tmp.dir, { command: 'cat; read -r line || echo eof', timeoutSeconds: 10 }),
    );
    expect(run.status).toBe('PASS');
    expect(run.final.stdout.text).toBe('eof\n');
  });

  itPosix('cuts head and tail on character boundaries through the whole engine', async () => {
    // 16-byte budget: head 8, tail 8. "abcdefg" + "€" puts the euro across the head cut; "😀" + "1234567"
    // puts the emoji across the tail cut. Both are dropped whole and counted.
    const command = `printf 'abcdefg€%s😀1234567' "$(printf '%0100d' 0)"`;
    const run = await runSmoke(makeSpec(tmp.dir, { command, maxOutputBytes: 16 }));
    const total = 7 + 3 + 100 + 4 + 7;
    expect(run.final.stdout.totalBytes).toBe(total);
    expect(run.final.stdout.truncated).toBe(true);
    expect(run.final.stdout.text).toBe(`abcdefg…[${total - 14} bytes truncated]…1234567`);
  });

  itPosix('echoes every chunk live, in order per stream', async () => {
    const seen: Record<StreamName, Buffer[]> = { stdout: [], stderr: [] };
    const run = await runSmoke(
      makeSpec(tmp.dir, {
        command: 'for i in $(seq 1 200); do echo "line $i"; echo "err $i" >&2; done',
        maxOutputBytes: 64,
        echo: (stream, chunk) => seen[stream].push(Buffer.from(chunk)),
      }),
    );
    const out = Buffer.concat(seen.stdout).toString();
    expect(out.split('\n')[0]).toBe('line 1');
    expect(out.endsWith('line 200\n')).toBe(true);
    expect(Buffer.byteLength(out)).toBe(run.final.stdout.totalBytes);
    expect(Buffer.concat(seen.stderr).toString().endsWith('err 200\n')).toBe(true);
  });

  itPosix('a throwing echo does not lose the capture', async () => {
    const run = await runSmoke(
      makeSpec(tmp.dir, {
        command: 'echo still captured',
        echo: () => {
          throw new Error('echo broke');
        },
      }),
    );
    expect(run.status).toBe('PASS');
    expect(run.final.stdout.text).toBe('still captured\n');
  });

  itPosix('the disk log keeps head and tail at logMaxBytes', async () => {
    const run = await runSmoke(
      makeSpec(tmp.dir, {
        command: 'for i in $(seq 1 5000); do echo "line $i"; done; echo oops >&2',
        maxOutputBytes: 100,
        logMaxBytes: 2000,
      }),
    );
    const path = run.final.stdout.logPath!;
    expect(path).toBe(join(tmp.dir, 'logs', 'attempt-1.stdout.log'));
    const log = readFileSync(path, 'utf8');
    const total = run.final.stdout.totalBytes;
    expect(log.startsWith('line 1\nline 2\n')).toBe(true);
    expect(log.endsWith('line 4999\nline 5000\n')).toBe(true);
    expect(log).toContain(`…[${total - 2000} bytes truncated]…`);
    expect(Buffer.byteLength(log)).toBe(2000 + Buffer.byteLength(`…[${total - 2000} bytes truncated]…`));
    expect(readFileSync(run.final.stderr.logPath!, 'utf8')).toBe('oops\n');
    // the in-memory capture uses its own, smaller budget
    expect(run.final.stdout.text).toContain(`…[${total - 100} bytes truncated]…`);
  });

  it('capture still works when the log cannot be written', async () => {
    // A directory where the stdout log should go: opening it for writing fails (EISDIR), even as root.
    mkdirSync(join(tmp.dir, 'logs', 'attempt-1.stdout.log'), { recursive: true });
    const run = await runSmoke(
      makeSpec(tmp.dir, { command: isWindows ? 'echo fine' : 'echo fine; echo bad >&2' }),
    );
    expect(run.status).toBe('PASS');
    expect(run.final.stdout.text.trim()).toBe('fine');
    expect(run.final.stdout.logPath).toBeNull();
    expect(run.final.stderr.logPath).toBe(join(tmp.dir, 'logs', 'attempt-1.stderr.log'));
  });
});

describe('spawn failures', () => {
  it('a missing working directory is ERROR naming the directory', async () => {
    const missing = join(tmp.dir, 'does-not-exist');
    const run = await runSmoke(makeSpec(tmp.dir, { workingDirectory: missing }));
    expect(run.status).toBe('ERROR');
    expect(run.reason).toBe('spawn_failed');
    expect(run.message).toBe(`The working directory '${missing}' does not exist.`);
    expect(run.final.exitCode).toBeNull();
    expect(run.attempts).toHaveLength(1);
  });

  it('a missing shell is ERROR naming the shell', async () => {
    const shell = isWindows ? 'C:\\nonexistent\\shell.exe {0}' : '/nonexistent/shell {0}';
    const program = shell.slice(0, -4);
    const run = await runSmoke(makeSpec(tmp.dir, { shell }));
    expect(run.status).toBe('ERROR');
    expect(run.reason).toBe('spawn_failed');
    expect(run.message).toBe(
      `Could not start the smoke command: the shell '${program}' was not found (ENOENT).`,
    );
  });

  itPosix('errors are never retried', async () => {
    const attempts: number[] = [];
    const run = await runSmoke(
      makeSpec(tmp.dir, {
        shell: '/nonexistent/shell {0}',
        retries: 3,
        retryOn: 'any',
        onAttempt: (n) => attempts.push(n),
      }),
    );
    expect(run.status).toBe('ERROR');
    expect(run.attempts).toHaveLength(1);
    expect(attempts).toEqual([1]);
  });
});

describe('child environment', () => {
  itPosix('is scrubbed and carries a fresh tracking id per attempt', async () => {
    const env = buildChildEnv(
      { ...process.env, INPUT_X: 'input', ACTIONS_RUNTIME_TOKEN: 'token', KEEP_ME: 'kept' },
      { SMOKE_MERGE_COMMIT: 'deadbeef', SMOKE_TASK_ID: 'task-1', SMOKE_PR_NUMBER: '' },
    );
    const spec = makeSpec(tmp.dir, { env, command: 'env; exit 1', retries: 1, retryOn: 'fail' });
    const run = await runSmoke(spec);
    const ids = run.attempts.map((a) => {
      const lines = a.stdout.text.split('\n');
      expect(lines).not.toContainEqual(expect.stringMatching(/^INPUT_X=/));
      expect(lines).not.toContainEqual(expect.stringMatching(/^ACTIONS_RUNTIME_TOKEN=/));
      expect(lines).toContain('KEEP_ME=kept');
      expect(lines).toContain('SMOKE_MERGE_COMMIT=deadbeef');
      expect(lines).toContain('SMOKE_TASK_ID=task-1');
      expect(lines).toContain('SMOKE_PR_NUMBER=');
      const id = lines.find((l) => l.startsWith(`${TRACKING_ID_VARIABLE}=`));
      expect(id).toMatch(/=[0-9a-f-]{36}$/);
      return id;
    });
    expect(run.attempts).toHaveLength(2);
    expect(ids[0]).not.toBe(ids[1]);
  });
});

describe('Windows', () => {
  itWindows('cmd: exit codes and output', async () => {
    const pass = await runSmoke(makeSpec(tmp.dir, { shell: 'cmd', command: 'echo hello' }));
    expect(pass.status).toBe('PASS');
    expect(pass.final.stdout.text).toContain('hello');
    const fail = await runSmoke(makeSpec(tmp.dir, { shell: 'cmd', command: 'exit /b 3' }));
    expect(fail.status).toBe('FAIL');
    expect(fail.final.exitCode).toBe(3);
  });

  itWindows('a deadline kills the tree with taskkill', async () => {
    const run = await runSmoke(
      makeSpec(tmp.dir, { shell: 'cmd', command: 'ping -n 30 127.0.0.1 >nul', timeoutSeconds: 1 }),
    );
    expect(run.status).toBe('TIMEOUT');
    expect(run.reason).toBe('deadline_exceeded');
  });
});
