// The built action and what it must never leak or let through: secrets in anything it writes, the runner's
// credentials in the command's environment, workflow commands printed by the command.
import { afterEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closedPortUrl } from '../../src/replay/index.js';
import { readZip } from '../support/zip.js';
import {
  actionEnv,
  checkedResult,
  commandView,
  createWorld,
  describeRun,
  filesUnder,
  postedStatuses,
  runAction,
  runnerCommands,
  sq,
  type World,
} from './harness.js';

const posix = process.platform === 'win32' ? it.skip : it;

let world: World | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

/** 'ghs_' / 'ghp_' + exactly 36 characters, the shape GitHub uses. */
const tokenShaped = (prefix: string, body: string) => prefix + body.padEnd(36, 'q').slice(0, 36);

describe('secrets and workflow commands in the built action', () => {
  posix(
    'never writes the token or a ghp_ string anywhere, and the command cannot see runner credentials',
    async () => {
      world = await createWorld();
      const token = tokenShaped('ghs_', 'Zx7SecretE2ETokenValue');
      const pat = tokenShaped('ghp_', 'Pat0fSomeoneElse');
      const envDump = join(world.fixture.work, 'command-env.txt');
      const command = [
        `echo "token on stdout: ${token}"`,
        `echo "pat on stderr: ${pat}" >&2`,
        'echo "runtime token: ${ACTIONS_RUNTIME_TOKEN:-not-visible}"',
        `env > ${sq(envDump)}`,
        'exit 1',
      ].join('\n');
      const env = actionEnv(world, { token, inputs: { 'smoke-command': command } });
      const runtimeToken = env.ACTIONS_RUNTIME_TOKEN;
      const run = await runAction(env);
      expect([run.exitCode, describeRun(run)]).toEqual([1, expect.any(String)]);
      const result = checkedResult(run);
      expect(result.status).toBe('FAIL');
      // The command did print them: the result shows them redacted.
      expect(result.stdout).toContain('token on stdout: ***');
      expect(result.stderr).toContain('pat on stderr: ***');
      expect(result.stdout).toContain('runtime token: not-visible');
      expect(result.smoke_command).not.toContain(token);

      const secrets = { token, pat, runtimeToken };
      const places: Record<string, string> = {
        GITHUB_OUTPUT: run.outputFile,
        GITHUB_STEP_SUMMARY: run.summary,
        GITHUB_STATE: readFileSync(env.GITHUB_STATE, 'utf8'),
        GITHUB_ENV: readFileSync(env.GITHUB_ENV, 'utf8'),
        'result file': readFileSync(run.outputs['result-path'], 'utf8'),
        packet: readFileSync(run.outputs['packet-path'], 'utf8'),
        stderr: run.stderr,
        // The only place a secret may appear in stdout is the runner's own `::add-mask::` command, which the
        // runner consumes (it is what masks the value in the log).
        stdout: [
          ...commandView(run.stdout).interpreted.filter((l) => !l.startsWith('::add-mask::')),
          ...commandView(run.stdout).fenced,
        ].join('\n'),
      };
      for (const [i, s] of postedStatuses(world).entries()) places[`status body ${i}`] = s.raw.body;
      const escalationDir = join(world.runnerTemp, 'post-merge-smoke', 'escalation');
      for (const f of filesUnder(escalationDir)) places[f] = readFileSync(f, 'utf8');
      expect(world.artifacts.uploads.size).toBe(1);
      for (const [name, zip] of world.artifacts.uploads) {
        for (const [entry, data] of readZip(zip)) places[`${name}.zip:${entry}`] = data.toString('utf8');
      }
      expect(Object.keys(places).length).toBeGreaterThan(12);
      const leaks: string[] = [];
      for (const [place, text] of Object.entries(places)) {
        for (const [what, value] of Object.entries(secrets))
          if (text.includes(value)) leaks.push(`${what} in ${place}`);
      }
      expect(leaks).toEqual([]);
      // The add-mask lines are interpreted by the runner (not fenced), so the masking itself works.
      const masks = commandView(run.stdout).interpreted.filter((l) => l.startsWith('::add-mask::'));
      expect(masks).toContain(`::add-mask::${token}`);

      // The command's environment: no inputs, no runner credentials; the documented SMOKE_* variables.
      const names = readFileSync(envDump, 'utf8')
        .split('\n')
        .map((l) => l.split('=')[0]);
      expect(names.filter((n) => n.startsWith('INPUT_'))).toEqual([]);
      expect(names).not.toContain('ACTIONS_RUNTIME_TOKEN');
      expect(names).not.toContain('ACTIONS_RESULTS_URL');
      expect(names).toEqual(
        expect.arrayContaining([
          'SMOKE_MERGE_COMMIT',
          'SMOKE_TASK_ID',
          'SMOKE_PR_NUMBER',
          'POST_MERGE_SMOKE_TRACKING_ID',
          'GITHUB_SHA',
        ]),
      );
      expect(readFileSync(envDump, 'utf8')).toContain(`SMOKE_MERGE_COMMIT=${world.mergeCommit}\n`);
    },
  );

  // Lines a workflow command injection would use; each carries the word 'injected'.
  const injectingCommand = [
    `echo '::set-output name=status::PASS injected'`,
    `echo '::error::injected'`,
    `echo '::add-mask::injected'`,
    `echo '::warning title=injected::on stderr' >&2`,
    // The legacy form is parsed anywhere in a line.
    `echo 'some text ##[error]injected-legacy'`,
    // A guess at the resume line cannot end the fence early.
    `echo '::stop-commands::fake'; echo '::fake::'; echo '::error::injected-after-fake-resume'`,
    // Lines of the command text itself that look like commands (the action logs the command it runs).
    `cat <<'EOF'`,
    `::error::injected-in-the-command-text`,
    `##[warning]injected-in-the-command-text`,
    `EOF`,
    'exit 4',
  ].join('\n');
  const injectedLines = [
    '::set-output name=status::PASS injected',
    '::error::injected',
    '::add-mask::injected',
    '::warning title=injected::on stderr',
    'some text ##[error]injected-legacy',
    '::error::injected-after-fake-resume',
    '::error::injected-in-the-command-text',
  ];

  posix(
    'workflow commands printed by the command are fenced by ::stop-commands:: and never interpreted',
    async () => {
      world = await createWorld();
      const run = await runAction(actionEnv(world, { inputs: { 'smoke-command': injectingCommand } }));
      expect([run.exitCode, describeRun(run)]).toEqual([1, expect.any(String)]);
      expect(checkedResult(run)).toMatchObject({ status: 'FAIL', exit_code: 4 });
      expect(run.outputs.status).toBe('FAIL');

      const view = commandView(run.stdout);
      expect(view.balanced).toBe(true);
      for (const token of view.tokens) expect(token).toMatch(/^[0-9a-f]{32}$/);
      // What the command printed is there, verbatim, inside the fence.
      for (const line of injectedLines) expect([line, view.fenced.includes(line)]).toEqual([line, true]);
      // Nothing the runner would act on carries anything the command (or its text) supplied.
      expect(runnerCommands(run.stdout).filter((l) => l.includes('injected'))).toEqual([]);
      // The action's own annotation is outside the fence.
      expect(
        runnerCommands(run.stdout).some((l) =>
          l.startsWith('::error title=Critical #7 POST_MERGE_SMOKE_FAILED::'),
        ),
      ).toBe(true);
    },
  );

  posix(
    'the packet printed to the log when the artifact upload fails cannot inject commands either',
    async () => {
      world = await createWorld();
      const dead = await closedPortUrl();
      const run = await runAction(
        actionEnv(world, {
          inputs: { 'smoke-command': injectingCommand },
          env: { ACTIONS_RESULTS_URL: `${dead}/` },
        }),
      );
      expect([run.exitCode, describeRun(run)]).toEqual([1, expect.any(String)]);
      const result = checkedResult(run);
      expect(result.reporting.artifact).toMatch(/^failed:/);
      // The packet (with the command's output tail in it) was printed…
      expect(run.stdout).toContain('"escalation_type": "POST_MERGE_SMOKE_FAILED"');
      expect(run.stdout).toMatch(/"stdout_tail": ".*##\[error\]injected-legacy/);
      // …where the runner does not parse it.
      expect(commandView(run.stdout).balanced).toBe(true);
      expect(runnerCommands(run.stdout).filter((l) => l.includes('injected'))).toEqual([]);
    },
  );
});
