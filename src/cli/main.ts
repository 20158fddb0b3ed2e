// The command-line tool: the action's modes with local adapters (SPEC §9). Returns the exit code:
// 0 ok (valid, PASS, SKIPPED, STALE on-stale skip, a plan that would run, a matching replay), 1 a failure
// (problems found, a failure status, a replay mismatch), 2 a usage error or a local refusal.
import { resolve } from 'node:path';
import { FixtureError, loadFixture, platformSkip, replayFixture } from '../replay/index.js';
import { Redactor, terminalSafe, terminalSinks } from '../sinks/index.js';
import { parseArgs, type ReplayArgs } from './args.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliIo } from './io.js';
import { renderResultText } from './report-text.js';
import { runCommand } from './run.js';
import { validateCommand } from './validate.js';
import { VERSION } from './version.js';

export { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliIo } from './io.js';

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  switch (args.command) {
    case 'help':
      io.stdout(args.text);
      return EXIT_OK;
    case 'version':
      io.stdout(`post-merge-smoke ${VERSION}\n`);
      return EXIT_OK;
    case 'usage-error':
      // The usage line first: the message (with its "did you mean") is the last line, where the eye lands.
      io.stderr(`${args.usage}\n${args.who}: ${args.message}\n`);
      return EXIT_USAGE;
    case 'run':
      return runCommand(args, io);
    case 'validate':
      return validateCommand(args, io);
    case 'replay':
      return replayCommand(args, io);
  }
}

async function replayCommand(args: ReplayArgs, io: CliIo): Promise<number> {
  let loaded;
  try {
    loaded = loadFixture(resolve(io.cwd, args.fixtureDir));
  } catch (e) {
    if (!(e instanceof FixtureError)) throw e;
    io.stderr(`post-merge-smoke replay: ${e.message}\n`);
    return EXIT_USAGE;
  }
  const skip = platformSkip(loaded);
  if (skip) {
    io.stderr(`skipped: ${skip}\n`);
    return EXIT_OK;
  }
  const { fixture } = loaded;
  const say = args.json ? io.stderr : io.stdout;
  say(`replay ${fixture.name}${fixture.seed ? ` — ${fixture.seed}` : ''}\n  ${fixture.description}\n\n`);
  const redactor = Redactor.fromEnv(io.env);
  const terminal = { stdout: io.stdout, stderr: io.stderr, debug: Boolean(io.env.POST_MERGE_SMOKE_DEBUG) };
  const outcome = await replayFixture(loaded.dir, {
    writeLive: args.json ? io.stderr : io.stdout,
    log: terminalSinks(redactor, terminal, io.stderr).log,
    keep: args.keep,
  });
  if (args.json) io.stdout(JSON.stringify(outcome.result ?? outcome.gate, null, 2) + '\n');
  else if (outcome.result)
    say('\n' + renderResultText(outcome.result, { resultPath: null, packetPath: outcome.packetPath }));
  else say(`\ngate: ${outcome.gate?.status} (${outcome.gate?.reason}): ${outcome.gate?.message}\n`);
  if (args.keep) say(`kept: ${outcome.root}\n`);
  if (outcome.differences.length === 0) {
    const checked = Object.keys(fixture.expected).length;
    say(`\n✔ ${fixture.name}: the result matches the fixture's expected result (${checked} checks)\n`);
    return EXIT_OK;
  }
  say(`\n✘ ${fixture.name}: the result differs from the fixture's expected result:\n`);
  for (const d of outcome.differences) say(`    ${terminalSafe(d)}\n`);
  return EXIT_FAILED;
}
