// Reporting (SPEC §8): the SmokeResult's publication — commit status, packet + artifact, summary, result
// file, outputs — and the pieces other folders use.
export * from './types.js';
export {
  publishResult,
  artifactName,
  type Publication,
  type PublishContext,
  type ReceivedResults,
  type LogPaths,
} from './publish.js';
export {
  buildOutputs,
  emptyOutputs,
  resultOutputs,
  setEachOutput,
  shrinkResult,
  MAX_RESULT_OUTPUT_BYTES,
  type OutputInput,
} from './outputs.js';
export { RESULT_FILE_NAME } from './result-file.js';
export {
  renderSummary,
  escapeHtml,
  escapeInline,
  inlineCode,
  safeLink,
  STATUS_EMOJI,
  type SummaryContext,
} from './summary.js';
export { commitStatusFor, pendingStatus, postCommitStatus, describeApiError } from './commit-status.js';
export { buildPacket, idempotencyKey, PACKET_FILE_NAME, PACKET_TAIL_BYTES } from './packet.js';
export { uploadEscalationArtifact, artifactUrl, createArtifactStore } from './artifact.js';
export {
  resultArtifactName,
  parseResultArtifactName,
  pickResultArtifacts,
  RESULT_ARTIFACT_PREFIX,
  type ArtifactStore,
  type StoredArtifact,
  type PickedArtifact,
} from './result-artifact.js';
export { CancelWindow, isolated, REPORTING_MS, type StepLimits } from './deadlines.js';
export { emergencyPublish } from './emergency.js';
export { preloadValidators, validators } from './schema-check.js';
export { utf8Tail, utf8Head, clip, oneLine, formatDuration } from './text.js';
