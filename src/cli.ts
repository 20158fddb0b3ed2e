// Command-line entry (bin: post-merge-smoke). Thin: wires the process to runCli.
//
// The CLI never leaves a smoke behind. A signal that ends a terminal session or a job (SIGINT, SIGTERM,
// SIGHUP, SIGQUIT) and a reader that went away (EPIPE on stdout or stderr: `… --apply | head -1`) cancel
// the run: the engine kills the smoke's process tree, the CLI reports what it still can, and exits.
import { runCli } from './cli/index.js';

const controller = new AbortController();
const cancel = (why: string) => {
  if (!controller.signal.aborted) controller.abort(new Error(why));
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const) {
  process.on(signal, () => cancel(signal));
}

/** A stream whose reader may go away: the first error stops the run, and nothing more is written to it. */
function guardedWriter(stream: NodeJS.WriteStream): { write: (text: string) => void; broken: () => boolean } {
  let broken = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    broken = true;
    cancel(`${e.code ?? 'error'} on ${stream === process.stdout ? 'stdout' : 'stderr'}`);
  });
  return {
    write: (text) => {
      if (!broken && !stream.destroyed) stream.write(text);
    },
    broken: () => broken || stream.destroyed,
  };
}

const stdout = guardedWriter(process.stdout);
const stderr = guardedWriter(process.stderr);

runCli(process.argv.slice(2), {
  stdout: stdout.write,
  stderr: stderr.write,
  cwd: process.cwd(),
  env: process.env,
  signal: controller.signal,
})
  .catch((e: unknown) => {
    stderr.write(
      `post-merge-smoke: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    return 1;
  })
  .then((code) => {
    process.exitCode = code;
    // Let stdout drain (it may be a pipe), then leave even if a keep-alive socket lingers.
    if (stdout.broken()) process.exit(code);
    process.stdout.write('', () => process.exit(code));
  });
