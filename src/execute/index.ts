// The smoke-command execution engine: public API. Exports what other folders use, and what this folder's
// tests need of its internals (marked below).
export type {
  ContainmentSetting,
  ContainmentUsed,
  CutGuard,
  SmokeRun,
  SmokeSpec,
  StreamName,
} from './types.js';
export { runSmoke, shouldRetry } from './run-smoke.js';
export type { EngineOptions } from './attempt.js';
export { buildChildEnv } from './child-env.js';

// For __tests__/execute: the internals tested on their own.
export { classify, type AttemptEnd } from './classify.js';
export { Termination, type TreeKiller } from './terminate.js';
export { decideContainment, joiningInvocation, type Offer } from './containment.js';
export { locateOwnCgroups, parseMountInfo, parseProcCgroup } from './cgroup-discovery.js';
export { withTrackingId, TRACKING_ID_VARIABLE, OUTER_TRACKING_IDS_VARIABLE } from './child-env.js';
export { buildInvocation, parseShellTemplate, splitArguments, writeScript } from './shell.js';
export {
  HeadTailCapture,
  TailRing,
  incompleteUtf8Suffix,
  leadingContinuationBytes,
  splitBudget,
  truncationMarker,
} from './capture.js';
export { HeadTailLogFile } from './log-file.js';
export { procStartTime, scanProc } from './proc-scan.js';
export { ProcessTree } from './process-tree.js';
