// Sinks: every place a run writes to, each built around the one redactor (and the one workflow-command fence).
export type { AnnotationProps, LiveOutput, Log, Sinks, StepFilesChange, StepFilesGuard } from './types.js';
export {
  runnerSinks,
  terminalSinks,
  recordingSinks,
  terminalSafe,
  type RunnerPort,
  type TerminalIo,
  type Recorded,
} from './sinks.js';
export { Redactor, REDACTED, MIN_SECRET_LENGTH, type RedactorOptions } from './redact.js';
export { secretCutGuard, type SecretCutGuard } from './cut-guard.js';
export { encodedForms, BASIC_AUTH_USER } from './secret-forms.js';
export { createLiveEcho, type LiveEcho, type LiveEchoOptions } from './live-echo.js';
export {
  fencedText,
  looksLikeWorkflowCommand,
  stopCommandsToken,
  stopCommandsLine,
  resumeCommandsLine,
  withWorkflowCommandsStopped,
} from './fence.js';
export { copyRedacted, redactInPlace } from './redact-file.js';
export { writeFileAtomic, writeJsonAtomic } from './atomic-write.js';
