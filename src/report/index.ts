// Reporting (SPEC §8): outputs, result file, summary, commit status, packet + artifact, redaction.
export * from './types.js';
export { REDACTED, MIN_SECRET_LENGTH, RUNNER_SECRET_ENV, Redactor, type RedactorOptions } from './redact.js';
export {
  createLiveEcho,
  stopCommandsToken,
  stopCommandsLine,
  resumeCommandsLine,
  withWorkflowCommandsStopped,
  DEFAULT_MAX_ECHO_BYTES,
  DEFAULT_MAX_LINE_BYTES,
  type EchoStream,
  type EchoStreamStats,
  type LiveEcho,
  type LiveEchoOptions,
} from './live-echo.js';
export {
  buildOutputs,
  shrinkResult,
  shortenedMarker,
  MAX_RESULT_OUTPUT_BYTES,
  type OutputExtras,
} from './outputs.js';
export { validateResult, validatePacket, formatIssues } from './validate.js';
export { writeResultFile, RESULT_FILE_NAME } from './result-file.js';
export { writeFileAtomic, writeJsonAtomic } from './atomic-write.js';
export {
  renderSummary,
  escapeHtml,
  escapeInline,
  MAX_SUMMARY_BYTES,
  SUMMARY_TAIL_BYTES,
  STATUS_EMOJI,
  type SummaryContext,
} from './summary.js';
export {
  commitStatusFor,
  pendingStatus,
  postCommitStatus,
  postFinalStatus,
  describeApiError,
  fitDescription,
  STATUS_STATE,
  MAX_STATUS_DESCRIPTION,
  type CommitStatusContent,
} from './commit-status.js';
export {
  buildPacket,
  writePacket,
  idempotencyKey,
  PACKET_FILE_NAME,
  PACKET_TAIL_BYTES,
  type PacketContext,
} from './packet.js';
export {
  uploadEscalationArtifact,
  createArtifactUploader,
  artifactRunContextFromEnv,
  artifactUrl,
  type ArtifactRunContext,
} from './artifact.js';
export { utf8Tail, utf8Head, clip, oneLine, formatDuration } from './text.js';
