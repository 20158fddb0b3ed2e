// Publication of a local run (one profile, or a fold of --all-profiles): the report's steps as the action
// runs them, with what a terminal has instead of a runner.
import type { SmokeResult } from '../contracts.js';
import type { ModeContext } from '../modes/index.js';
import { publishResult } from '../report/index.js';

/**
 * A local run's publication: no artifact service; a cancelled run gets the seconds REPORTING_MS.cancelled
 * allows, because the user is waiting at the terminal for it to stop.
 */
export function publishLocally(
  result: SmokeResult,
  smoke: Parameters<typeof publishResult>[1],
  c: ModeContext,
): ReturnType<typeof publishResult> {
  return publishResult(result, smoke, {
    settings: c.settings,
    runner: c.runner,
    outDir: c.outDir,
    sinks: c.sinks,
    api: c.api,
    uploadArtifact: null,
    now: c.now,
    signal: null,
  });
}
