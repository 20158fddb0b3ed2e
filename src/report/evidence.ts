// The evidence that travels with a result: the redacted full logs of the smoke (this run's, or the run job's
// that a report job received).
import { join } from 'node:path';
import type { Draft, PublishContext } from './publish.js';

/** `stdout.log` and `stderr.log` in `dir`: the redacted full logs of this run (or of the run job). */
export async function writeLogs(dir: string, draft: Draft, c: PublishContext): Promise<string[]> {
  const final = draft.smokeRun?.final ?? null;
  const files: string[] = [];
  for (const stream of ['stdout', 'stderr'] as const) {
    const target = join(dir, `${stream}.log`);
    const source = final?.[stream].logPath ?? c.received?.logs?.[stream] ?? null;
    // Without an on-disk log (the command never ran, or the log could not be written) the captured text stands in.
    await c.sinks.copyRedacted(source, draft.result[stream] ?? '', target);
    files.push(target);
  }
  return files;
}
