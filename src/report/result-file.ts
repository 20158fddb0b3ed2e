// The result file (SPEC §8): `$RUNNER_TEMP/post-merge-smoke/smoke-result.json`.
import { join } from 'node:path';
import type { SmokeResult } from '../contracts.js';
import { writeJsonAtomic } from './atomic-write.js';

export const RESULT_FILE_NAME = 'smoke-result.json';

/**
 * Writes `result` as pretty JSON to `<dir>/smoke-result.json` (atomically: temp file + rename), creating
 * `dir`. Returns the file's path. Expects an already redacted result.
 */
export async function writeResultFile(dir: string, result: SmokeResult): Promise<string> {
  const path = join(dir, RESULT_FILE_NAME);
  await writeJsonAtomic(path, result);
  return path;
}
