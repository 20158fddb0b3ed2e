// What a report job received from its run jobs, before the fold (src/fanout/fold.ts) makes it one verdict:
// the results it could use, and those it expected and could not.
import type { SmokeResult } from '../contracts.js';

/** A result as a report job received it. */
export interface Received {
  /** The profile of the run job that produced it (`default` without one). */
  profile: string;
  /** Where it came from, for the record: an artifact name, or "the results input". */
  source: string;
  result: SmokeResult;
}

/** A result the report job expected but could not use. */
export interface Unusable {
  profile: string;
  source: string;
  why: string;
}
