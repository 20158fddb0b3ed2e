// Stages that return, the runner that owns early exit and cancellation, the facts of a run and the SPEC §2
// policy table.
export * from './stage.js';
export { runScript, cancelled, InternalFailure, type ScriptEnd, type RunnerOptions } from './runner.js';
export {
  buildResult,
  emptyFacts,
  executionFacts,
  mergeFacts,
  PENDING_REPORTING,
  type ExecutionFacts,
  type FactsPatch,
  type RunFacts,
} from './facts.js';
export { continuationFor, jobFails, packetDue, STATUS_POLICY } from './policy.js';
