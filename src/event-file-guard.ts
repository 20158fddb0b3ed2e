// @actions/github parses $GITHUB_EVENT_PATH as its module loads, before run() and its guards exist: an empty
// or malformed event file would end the action with a stack trace and no outputs. Imported first by the
// entry (src/index.ts), this module hides such a file from that parse; the entry gives the path back before
// run(), whose own tolerant reader (settings/context.ts) then treats the event as empty.
import { readFileSync } from 'node:fs';

const hiddenPath = hideMalformedEventFile(process.env);

function hideMalformedEventFile(env: NodeJS.ProcessEnv): string | undefined {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return undefined;
  try {
    JSON.parse(readFileSync(path, 'utf8'));
    return undefined;
  } catch {
    delete env.GITHUB_EVENT_PATH;
    return path;
  }
}

/** Puts back the event path hidden while the modules loaded. */
export function restoreEventPath(): void {
  if (hiddenPath !== undefined) process.env.GITHUB_EVENT_PATH = hiddenPath;
}
