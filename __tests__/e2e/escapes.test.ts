// Issue 10, tried as an attacker would against the built action: workflow commands smuggled in through
// text we print (item 5), the smoke writing to the runner's file commands (item 6), escapees that clear
// their environment (item 7), the token kept out of .git/config while the action's own fetch still
// authenticates, and the artifact name from the resolved SHA (item 9).
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSmoke } from '../../src/execute/index.js';
import { AuthGitServer } from '../support/git-http-server.js';
import { git } from '../support/git-fixture.js';
import { makeSpec, tempDir } from '../execute/support/helpers.js';
import {
  actionEnv,
  checkedResult,
  commandView,
  createWorld,
  describeRun,
  killAll,
  readPids,
  runAction,
  runnerCommands,
  sq,
  survivors,
  type ActionRun,
  type World,
} from './harness.js';

const posix = process.platform === 'win32' ? it.skip : it;

let world: World | null = null;
let server: AuthGitServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
  await world?.cleanup();
  world = null;
});

const TOKEN = 'ghs_' + 'EscapeE2ETokenValue0123456789abcdefghi'.slice(0, 36);
const CRITICAL_7 = /^::error title=Critical #7 POST_MERGE_SMOKE_FAILED::/;

/**
 * Lines the runner would act on that hostile text started: a command whose data starts with `pwned`, or a
 * `::stop-commands::` with a token that is not one of ours. (Hostile text inside the data of our own, escaped
 * annotation is harmless: it starts no command.)
 */
function injected(stdout: string): string[] {
  return runnerCommands(stdout).filter((line) => {
    const m = /^::([^:]*)::(.*)$/.exec(line.replace(/^[\s\u0085]+/, ''));
    if (!m) return /pwned/.test(line);
    return m[2].startsWith('pwned') || (m[1] === 'stop-commands' && !/^[0-9a-f]{32}$/.test(m[2]));
  });
}

/** No line the runner would act on was started by hostile text; ours still stand; every fence is closed. */
function expectNoInjection(run: ActionRun): void {
  const view = commandView(run.stdout);
  expect(view.balanced).toBe(true);
  expect(injected(run.stdout)).toEqual([]);
  expect(runnerCommands(run.stdout).filter((l) => CRITICAL_7.test(l))).toHaveLength(1);
  for (const token of view.tokens) expect(token).toMatch(/^[0-9a-f]{32}$/);
}

/**
 * Lines that start commands after white space the runner trims (vertical tab, NEL, no-break space) but a
 * check for `^[ \t]*::` misses; and after a plain newline.
 */
const HOSTILE_LINES = '\n\v::stop-commands::pwned-vt\n\u0085::error::pwned-nel\n\u00a0::error::pwned-nbsp';
const PLAIN_HOSTILE_LINE = '\n::error::pwned-nl';
/** The same lines in a YAML double-quoted string. */
const HOSTILE_YAML = '\\n\\v::stop-commands::pwned-vt\\n\\N::error::pwned-nel\\n\\_::error::pwned-nbsp';

describe('workflow commands through text the action prints (item 5)', () => {
  posix('an API error body and a 502 HTML page with hostile lines inject nothing', async () => {
    world = await createWorld({ commitMessage: 'Merge pull request #12 from octo/feature' });
    world.github.on('GET', /\/pulls\/12$/, {
      status: 502,
      headers: { 'content-type': 'text/html' },
      text: `<html>\n<body>\n<h1>502 Bad Gateway</h1>${HOSTILE_LINES}\n</body>\n</html>\n`,
    });
    world.github.on('POST', /\/statuses\//, {
      status: 403,
      body: { message: `Forbidden${PLAIN_HOSTILE_LINE}${HOSTILE_LINES}` },
    });
    const run = await runAction(actionEnv(world, { inputs: { 'smoke-command': 'exit 3' } }));
    expect([run.exitCode, describeRun(run)]).toEqual([1, expect.any(String)]);
    const result = checkedResult(run);
    expect([result.status, result.reporting.commit_status]).toEqual(['FAIL', expect.stringMatching(/403/)]);
    expectNoInjection(run);
    expect(run.stdout).toContain('pwned-nbsp'); // shown, fenced or escaped
  });

  posix('a registry key and a working-directory with escaped newlines inject nothing', async () => {
    for (const [registry, status] of [
      [
        `version: 1\nprofiles:\n  full: { command: "exit 3" }\ndefault: full\n"bad${HOSTILE_YAML}": 1\n`,
        'BLOCKED',
      ],
      [
        `version: 1\nprofiles:\n  full: { command: "exit 3", working-directory: "x${HOSTILE_YAML}" }\ndefault: full\n`,
        'ERROR',
      ],
    ]) {
      world = await createWorld({ files: { '.github/post-merge-smoke.yml': registry } });
      const run = await runAction(actionEnv(world));
      expect([run.exitCode, describeRun(run)]).toEqual([1, expect.any(String)]);
      expect(checkedResult(run).status).toBe(status);
      expectNoInjection(run);
      expect(run.stdout).toContain('pwned-nbsp');
      await world.cleanup();
      world = null;
    }
  });
});

describe("the runner's file commands (item 6)", () => {
  posix(
    'the smoke cannot set outputs, break them with an open heredoc, or set env, PATH or state',
    async () => {
      world = await createWorld();
      const command = [
        'echo "status=PASS" >> "$GITHUB_OUTPUT"',
        'echo "continuation-ready=true" >> "$GITHUB_OUTPUT"',
        'echo "INJECTED=1" >> "$GITHUB_ENV"',
        'echo "/tmp/evil-bin" >> "$GITHUB_PATH"',
        'echo "isPost=true" >> "$GITHUB_STATE"',
        // Left open at the deadline: the runner would fail to parse every output of the step.
        'echo "result<<EOF_NEVER_CLOSED" >> "$GITHUB_OUTPUT"',
        'echo "{}" >> "$GITHUB_OUTPUT"',
        'sleep 30',
      ].join('\n');
      const env = actionEnv(world, { inputs: { 'smoke-command': command, 'timeout-seconds': '1' } });
      const run = await runAction(env);
      expect([run.exitCode, describeRun(run)]).toEqual([1, expect.any(String)]);
      expect(checkedResult(run)).toMatchObject({ status: 'TIMEOUT' });
      expect([run.outputs.status, run.outputs['continuation-ready']]).toEqual(['TIMEOUT', 'false']);
      for (const name of ['GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STATE']) {
        expect([name, readFileSync(env[name], 'utf8')]).toEqual([name, '']);
      }
    },
  );

  posix(
    'a smoke that finds the real files in /proc/$PPID/environ keeps nothing it wrote and cannot hide the summary',
    async () => {
      world = await createWorld();
      const command = [
        // The action's own environment holds the real paths; the smoke's has the null device.
        `real() { tr '\\0' '\\n' < /proc/$PPID/environ | sed -n "s|^$1=||p"; }`,
        'echo "status=PASS" >> "$(real GITHUB_OUTPUT)"',
        'echo "INJECTED=1" >> "$(real GITHUB_ENV)"',
        'echo "/tmp/evil-bin" >> "$(real GITHUB_PATH)"',
        'echo "isPost=true" >> "$(real GITHUB_STATE)"',
        // An HTML comment left open would hide every section written after it.
        `printf '## post-merge-smoke: PASS (forged)\\n\\n<!--\\n' >> "$(real GITHUB_STEP_SUMMARY)"`,
        'exit 1',
      ].join('\n');
      const env = actionEnv(world, { inputs: { 'smoke-command': command } });
      const run = await runAction(env);
      expect([run.exitCode, run.outputs.status, checkedResult(run).status]).toEqual([1, 'FAIL', 'FAIL']);
      for (const name of ['GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STATE']) {
        expect([name, readFileSync(env[name], 'utf8')]).toEqual([name, '']);
      }
      const warned = runnerCommands(run.stdout).filter((l) =>
        /^::warning::The smoke command wrote to/.test(l),
      );
      expect(warned.map((l) => /\$(\w+)/.exec(l)?.[1]).sort()).toEqual([
        'GITHUB_ENV',
        'GITHUB_OUTPUT',
        'GITHUB_PATH',
        'GITHUB_STATE',
      ]);
      // The action's section first; the smoke's text after it, under a heading of its own.
      const ours = run.summary.indexOf('FAIL');
      const theirs = run.summary.indexOf('Written to the job summary by the smoke command');
      // (The command's text, with the forged heading in it, is quoted in the action's section too.)
      const forged = run.summary.lastIndexOf('## post-merge-smoke: PASS (forged)');
      expect([ours >= 0, ours < theirs, theirs < forged, run.summary]).toEqual([
        true,
        true,
        true,
        run.summary,
      ]);
    },
  );
});

describe('escapees that clear their environment (item 7)', () => {
  let cgroups = false;
  beforeAll(async () => {
    const probe = tempDir();
    try {
      cgroups =
        (await runSmoke(makeSpec(probe.dir, { containment: 'cgroup' }))).containment !== 'process-group';
    } finally {
      probe.cleanup();
    }
  });

  posix('die at the deadline, are counted, and the result says what contained them', async () => {
    world = await createWorld();
    const pids = join(world.scratch, 'escapees.pid');
    const command = [
      `env -i "$(command -v setsid)" sh -c 'sleep 300 & echo $! >> ${sq(pids)}'`,
      `(unset POST_MERGE_SMOKE_TRACKING_ID; setsid sh -c 'sleep 300 & echo $! >> ${sq(pids)}')`,
      'sleep 30',
    ].join('\n');
    const run = await runAction(
      actionEnv(world, { inputs: { 'smoke-command': command, 'timeout-seconds': '3' } }),
    );
    const escaped = readPids(pids);
    try {
      const result = checkedResult(run);
      expect([result.status, escaped.length]).toEqual(['TIMEOUT', 2]);
      if (!cgroups) {
        // Without a cgroup the documented fallback applies: the process group cannot hold them.
        expect(result.containment).toBe('process-group');
        return;
      }
      expect(result.containment).toMatch(/^cgroup-v[12]$/);
      expect(await survivors(escaped)).toEqual([]);
      expect(result.orphans_killed).toBeGreaterThanOrEqual(2);
    } finally {
      killAll(escaped);
    }
  });
});

describe('the token and git', () => {
  posix(
    "the action's fetch authenticates through its own environment; the smoke finds no credential in git config",
    async () => {
      world = await createWorld({ pushFromOtherClone: true });
      const credential = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');
      server = await new AuthGitServer(world.fixture.origin, `basic ${credential}`).start();
      // The workspace as actions/checkout leaves it with persist-credentials: false: no extraheader.
      git(world.fixture.work, 'remote', 'set-url', 'origin', server.url);
      const command = [
        'git config --get-regexp extraheader || echo "no extraheader"',
        'echo "GIT_CONFIG variables: $(env | grep -c "^GIT_CONFIG" || true)"',
        'git log -1 --format=%H',
      ].join('\n');
      // The token is for the server the origin is on (GITHUB_SERVER_URL, as on GitHub Enterprise Server).
      const env = { GITHUB_SERVER_URL: new URL(server.url).origin };
      const run = await runAction(
        actionEnv(world, { token: TOKEN, env, inputs: { 'smoke-command': command } }),
      );
      expect([run.exitCode, describeRun(run)]).toEqual([0, expect.any(String)]);
      const result = checkedResult(run);
      expect(result.status).toBe('PASS');
      // The merge commit was fetched over the authenticated remote…
      expect(result.stdout).toBe(`no extraheader\nGIT_CONFIG variables: 0\n${world.mergeCommit}\n`);
      expect(server.authorizations.length).toBeGreaterThan(0);
      expect(server.authorizations.every((a) => a === `basic ${credential}`)).toBe(true);
      // …and nothing of it was written to the repository's configuration.
      expect(git(world.fixture.work, 'config', '--list', '--local')).not.toMatch(/extraheader|basic/i);
    },
  );
});

describe('the token and a remote elsewhere', () => {
  posix('a remote that is not on the GitHub server never receives the token', async () => {
    world = await createWorld({ pushFromOtherClone: true });
    const credential = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');
    server = await new AuthGitServer(world.fixture.origin, `basic ${credential}`).start();
    git(world.fixture.work, 'remote', 'set-url', 'origin', server.url);
    const run = await runAction(actionEnv(world, { token: TOKEN, inputs: { 'smoke-command': 'true' } }));
    // GITHUB_SERVER_URL is https://github.com: the loopback origin is asked without credentials, answers
    // 401 every time, and the commit cannot be fetched.
    expect(server.authorizations.length).toBeGreaterThan(0);
    expect(server.authorizations.filter((a) => a !== undefined)).toEqual([]);
    expect(checkedResult(run).status).not.toBe('PASS');
  });
});

describe('the artifact name (item 9)', () => {
  posix('comes from the resolved SHA, whatever the case or length of merge-commit', async () => {
    world = await createWorld();
    const typed = world.mergeCommit.slice(0, 10).toUpperCase();
    const run = await runAction(
      actionEnv(world, { inputs: { 'smoke-command': 'exit 1', 'merge-commit': typed } }),
    );
    expect([run.exitCode, describeRun(run)]).toEqual([1, expect.any(String)]);
    expect(checkedResult(run).merge_commit).toBe(world.mergeCommit);
    expect([...world.artifacts.uploads.keys()]).toEqual([
      `post-merge-smoke-critical-7-${world.mergeCommit.slice(0, 7)}-attempt-1`,
    ]);
  });
});
