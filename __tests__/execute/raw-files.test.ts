// Security items 1 and 2 in the engine: the head/tail cuts of a real command's output stay out of a known
// secret (SmokeSpec.cutGuard), every attempt log is sealed before the attempt returns (SmokeSpec.sealLog; a
// log that cannot be sealed is deleted) and the script file, which holds the command, does not outlive it.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { runSmoke } from '../../src/execute/index.js';
import { Redactor, redactInPlace } from '../../src/sinks/index.js';
import { isWindows, makeSpec, tempDir } from './support/helpers.js';

const posix = isWindows ? it.skip : it;
const SECRET = 'ghs_' + 'EngineSealSecret0123456789abcdefghijk'.slice(0, 36);
const redactor = new Redactor({ secrets: [SECRET], patterns: [] });

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

/** Prints 500 '~' and the secret (across the 512-byte head cut at max-output-bytes 1024), then more. */
const STRADDLING = `printf '%0500d' 0 | tr 0 '~'; printf '%s' '${SECRET}'; printf '%04000d' 0 | tr 0 '~'`;

describe('raw output on disk', () => {
  posix('every attempt log is replaced by its sealed copy before the attempt returns', async () => {
    const sealed: string[] = [];
    const run = await runSmoke(
      makeSpec(tmp.dir, {
        command: `echo "token ${SECRET}"; echo "err ${SECRET}" >&2; exit 1`,
        retries: 1,
        retryOn: 'fail',
        sealLog: async (path) => {
          sealed.push(path);
          await redactInPlace(path, redactor);
        },
      }),
    );
    expect(run.attempts).toHaveLength(2);
    const paths = run.attempts.flatMap((a) => [a.stdout.logPath, a.stderr.logPath]);
    expect(sealed.sort()).toEqual([...paths].sort());
    for (const path of paths) {
      expect(readFileSync(path!, 'utf8')).toMatch(/^(token|err) \*\*\*\n$/);
      expect(statSync(path!).mode & 0o077).toBe(0);
    }
    // Nothing else is left: no script file (it holds the command), no temp copies.
    expect(readdirSync(`${tmp.dir}/logs`).sort()).toEqual(
      ['attempt-1.stderr.log', 'attempt-1.stdout.log', 'attempt-2.stderr.log', 'attempt-2.stdout.log'].sort(),
    );
  });

  posix(
    "a link planted at the next attempt's log path does not redirect that attempt's raw output",
    async () => {
      const victim = `${tmp.dir}/victim.txt`;
      const run = await runSmoke(
        makeSpec(tmp.dir, {
          command: [
            `printf 'keep me\\n' > victim.txt`,
            `if [ ! -e second ]; then : > second; ln -s '${victim}' logs/attempt-2.stdout.log; exit 1; fi`,
            `echo "raw ${SECRET}"`,
          ].join('\n'),
          retries: 1,
          retryOn: 'fail',
          sealLog: (path) => redactInPlace(path, redactor),
        }),
      );
      expect([run.status, run.attempts.length, readFileSync(victim, 'utf8')]).toEqual([
        'PASS',
        2,
        'keep me\n',
      ]);
      expect(readFileSync(run.attempts[1].stdout.logPath!, 'utf8')).toBe('raw ***\n');
    },
  );

  posix('a log that cannot be sealed is deleted, and its path is null', async () => {
    const run = await runSmoke(
      makeSpec(tmp.dir, {
        command: `echo "${SECRET}"`,
        sealLog: async () => {
          throw new Error('disk full');
        },
      }),
    );
    expect([run.status, run.final.stdout.logPath, run.final.stderr.logPath]).toEqual(['PASS', null, null]);
    expect(readdirSync(`${tmp.dir}/logs`)).toEqual([]);
  });

  posix('an engine failure after the command ran leaves no raw log behind', async () => {
    const run = await runSmoke(
      makeSpec(tmp.dir, {
        command: `printf '%02000d' 0; echo "${SECRET}"`,
        maxOutputBytes: 1024,
        cutGuard: {
          window: 0,
          trimHead: () => {
            throw new Error('guard bug');
          },
          trimTail: () => 0,
        },
        sealLog: (path) => redactInPlace(path, redactor),
      }),
    );
    expect([run.status, run.final.errorMessage]).toEqual(['ERROR', expect.stringMatching(/guard bug/)]);
    expect(readdirSync(`${tmp.dir}/logs`)).toEqual([]);
  });

  posix('the script file is gone after a timeout too', async () => {
    const run = await runSmoke(makeSpec(tmp.dir, { command: `# ${SECRET}\nsleep 30`, timeoutSeconds: 0.5 }));
    expect(run.status).toBe('TIMEOUT');
    expect(readdirSync(`${tmp.dir}/logs`).filter((f) => f.startsWith('smoke-command'))).toEqual([]);
  });

  posix('a secret printed across the head/tail cut is cut out whole, in memory and on disk', async () => {
    const spec = makeSpec(tmp.dir, {
      command: STRADDLING,
      maxOutputBytes: 1024,
      logMaxBytes: 1024,
      cutGuard: redactor.cutGuard(),
    });
    const run = await runSmoke(spec);
    const text = run.final.stdout.text;
    expect(text).toMatch(/^~+…\[\d+ bytes truncated\]…~+$/);
    expect(readFileSync(run.final.stdout.logPath!, 'utf8')).toBe(text);
    // Without the guard, the head would end in the secret's first 12 characters.
    const unguarded = await runSmoke({ ...spec, cutGuard: undefined });
    expect(unguarded.final.stdout.text).toContain(SECRET.slice(0, 12) + '…[');
    expect(existsSync(spec.logDir)).toBe(true);
  });
});
