// Command resolution (SPEC §6) and the §2 policy: the public API of src/resolve.
export * from './types.js';
export { ConfigError, configLocation } from './config-error.js';
export {
  DEFAULT_YAML_LIMITS,
  describeYaml,
  parseYamlSafe,
  type YamlLimits,
  type YamlOrigin,
  type YValue,
  type YMap,
  type YSeq,
  type YScalar,
  type YEntry,
} from './yaml-safe.js';
export {
  emptyRegistry,
  knownProfiles,
  parseRegistry,
  PROFILE_NAME,
  REGISTRY_VERSION,
  type Registry,
  type RegistryCommand,
  type TaskMapping,
} from './registry.js';
export { parseTaskFile, TASK_FILE_KEYS, type TaskFileSpec } from './task-file.js';
export { frontMatter, fencedBlocks, type MarkdownBlock } from './markdown-blocks.js';
export { parsePrBodyCommand, prBodyBlocks, PR_BODY_LANGUAGE, type PrBodyCommand } from './pr-body-command.js';
export {
  findSelectors,
  findTaskIdInText,
  parseTrailers,
  prBodyProfiles,
  trailerValues,
  type Selected,
  type SelectorInput,
  type SelectorResult,
  type Trailer,
} from './selectors.js';
export { judgePrBodyTrust, type TrustVerdict } from './trust.js';
export {
  buildTaskPath,
  normaliseRepoPath,
  SAFE_TASK_ID,
  taskIdProblem,
  type TaskPathResult,
} from './task-path.js';
export { GitTreeReader, type GitTreeReaderOptions } from './tree-reader.js';
export { mergeOptions, MAX_TIMEOUT_SECONDS, NO_OPTIONS } from './run-options.js';
export { ResolveInfraError } from './resolve-error.js';
export { resolveCommand } from './resolve-command.js';
export { applyPolicy, type PolicyDecision } from './policy.js';
