// Copies a log file through the redactor without holding it in memory: in pieces that end at a line break
// when there is one, and otherwise are cut outside any known secret (cut-guard.ts), so a secret is always
// whole in one piece. Used for the logs that travel in the escalation artifact, and to replace the engine's
// raw attempt logs with their redacted copies.
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { safeCut, type SecretCutGuard } from './cut-guard.js';
import type { Redactor } from './redact.js';

/** Longest piece redacted at once; a secret is far shorter, and a piece always ends on a line break if one is near. */
export const MAX_PIECE = 256 * 1024;

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
  await writeFile(target, redactor.redact(fallbackText), { mode: 0o600 });
}

/**
 * Replaces the file at `path` with its redacted copy (written next to it, then renamed over it). The copy's
 * name is unpredictable and created exclusively: a link the smoke planted cannot redirect the write.
 */
export async function redactInPlace(path: string, redactor: Redactor): Promise<void> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.redacting`;
  try {
    await streamRedacted(path, tmp, redactor, 'wx');
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

async function streamRedacted(
  source: string,
  target: string,
  redactor: Redactor,
  flags: 'w' | 'wx' = 'w',
): Promise<void> {
  const input = createReadStream(source, { highWaterMark: 64 * 1024 });
  const output = createWriteStream(target, { mode: 0o600, flags });
  const guard = redactor.cutGuard();
  const write = async (piece: Buffer) => {
    if (!output.write(redactor.redact(piece.toString('utf8')))) await once(output, 'drain');
  };
  try {
    let pending: Buffer = Buffer.alloc(0);
    for await (const chunk of input) {
      pending = pending.length === 0 ? (chunk as Buffer) : Buffer.concat([pending, chunk as Buffer]);
      for (let end = pieceEnd(pending, guard); end !== null; end = pieceEnd(pending, guard)) {
        await write(pending.subarray(0, end));
        pending = pending.subarray(end);
      }
    }
    if (pending.length > 0) await write(pending);
  } finally {
    output.end();
    await once(output, 'close');
  }
}

/**
 * Where the next piece of `pending` ends: after its last line break within MAX_PIECE; without one, once
 * enough follows to see a whole secret, at a safe cut near MAX_PIECE. null: wait for more.
 */
function pieceEnd(pending: Buffer, guard: SecretCutGuard): number | null {
  const nl = pending.lastIndexOf(0x0a, MAX_PIECE - 1);
  if (nl >= 0) return nl + 1;
  if (pending.length <= MAX_PIECE + guard.window) return null;
  return safeCut(pending, MAX_PIECE, guard);
}
