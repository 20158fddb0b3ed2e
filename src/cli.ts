// Command-line entry (bin: post-merge-smoke). Thin: wires the process to runCli.
import { runCli } from './cli/index.js';

const controller = new AbortController();
process.on('SIGINT', () => controller.abort());
process.on('SIGTERM', () => controller.abort());

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  signal: controller.signal,
})
  .catch((e: unknown) => {
    process.stderr.write(
      `post-merge-smoke: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    return 1;
  })
  .then((code) => {
    process.exitCode = code;
    // Let stdout drain (it may be a pipe), then leave even if a keep-alive socket lingers.
    process.stdout.write('', () => process.exit(code));
  });
