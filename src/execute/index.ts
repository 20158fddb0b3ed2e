// The smoke-command execution engine: public API.
export type {
  AttemptResult,
  AttemptStatus,
  EngineReason,
  RunOptions,
  SmokeRun,
  SmokeSpec,
  StreamCapture,
  StreamName,
} from './types.js';
export { runSmoke, shouldRetry, describeRun, type EngineOptions } from './run-smoke.js';
export {
  buildChildEnv,
  withTrackingId,
  DROPPED_VARIABLES,
  DROPPED_PREFIXES,
  TRACKING_ID_VARIABLE,
  OUTER_TRACKING_IDS_VARIABLE,
} from './child-env.js';
export {
  BUILTIN_SHELLS,
  buildInvocation,
  parseShellTemplate,
  scriptContents,
  splitArguments,
  writeScript,
  type ShellInvocation,
  type ShellTemplate,
} from './shell.js';
export {
  HeadTailCapture,
  TailRing,
  incompleteUtf8Suffix,
  leadingContinuationBytes,
  splitBudget,
  truncationMarker,
  type CaptureResult,
} from './capture.js';
export { HeadTailLogFile } from './log-file.js';
export { ProcessTree, procStartTime, scanProc, type TreeScan } from './process-tree.js';
