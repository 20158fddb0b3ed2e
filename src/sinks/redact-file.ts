// Copies a log file through the redactor without holding it in memory: line by line, with very long lines
// handled in bounded pieces. Used for the logs that travel in the escalation artifact.
import { createReadStream, createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import type { Redactor } from './redact.js';

/** Longest piece redacted at once; a secret is far shorter, and a piece always ends on a line break if one is near. */
const MAX_PIECE = 256 * 1024;

/**
 * Writes `target` as the redacted copy of `source`, or of `fallbackText` when there is no source file or it
 * cannot be read.
 */
export async function copyRedacted(
  source: string | null,
  fallbackText: string,
  target: string,
  redactor: Redactor,
): Promise<void> {
  if (source) {
    try {
      await streamRedacted(source, target, redactor);
      return;
    } catch {
      // Fall through to the captured text: the artifact still carries the head and tail.
    }
  }
  await writeFile(target, redactor.redact(fallbackText));
}

async function streamRedacted(source: string, target: string, redactor: Redactor): Promise<void> {
  const input = createReadStream(source, { encoding: 'utf8', highWaterMark: 64 * 1024 });
  const output = createWriteStream(target);
  const write = async (text: string) => {
    if (!output.write(redactor.redact(text))) await once(output, 'drain');
  };
  try {
    let pending = '';
    for await (const chunk of input) {
      pending += chunk as string;
      while (pending.length > 0) {
        const nl = pending.lastIndexOf('\n', MAX_PIECE);
        if (nl >= 0) {
          await write(pending.slice(0, nl + 1));
          pending = pending.slice(nl + 1);
        } else if (pending.length > MAX_PIECE) {
          await write(pending.slice(0, MAX_PIECE));
          pending = pending.slice(MAX_PIECE);
        } else break;
      }
    }
    if (pending) await write(pending);
  } finally {
    output.end();
    await once(output, 'close');
  }
}
