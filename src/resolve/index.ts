// Command resolution (SPEC §6), PR discovery and the §2 policy: what the other folders use of src/resolve.
export {
  TreeReadError,
  type CommandOptions,
  type ResolveContext,
  type ResolveInput,
  type ResolveOutcome,
  type TreeReader,
} from './types.js';
export { ConfigError, type ConfigProblem } from './config-error.js';
export { resolveCommand } from './resolve-command.js';
export { ResolveInfraError } from './resolve-error.js';
export { applyPolicy, type PolicyDecision } from './policy.js';
export { GitTreeReader, type GitTreeReaderOptions } from './tree-reader.js';
export {
  validateConfig,
  type ConfigValidation,
  type ValidateConfigInput,
  type ValidationChecked,
} from './validate-config.js';
export { discoverPullRequest, type PrDiscovery } from './pr-discovery.js';
export {
  checkRegistry,
  emptyRegistry,
  type CheckedRegistry,
  type Registry,
  type RegistryProfile,
} from './registry.js';
export { prNumberFromCommitMessage, type PrReference, type PrReferenceVia } from './pr-message.js';

// Internals, exported for their tests in __tests__/resolve only.
export { parseYamlSafe, DEFAULT_YAML_LIMITS, type YMap, type YValue } from './yaml-safe.js';
export { fencedBlocks, frontMatter } from './markdown-blocks.js';
export { knownProfiles, parseRegistry } from './registry.js';
export { checkTaskFile, parseTaskFile } from './task-file.js';
export { nearMiss } from './did-you-mean.js';
export { findSelectors, findTaskIdInText, prBodyProfiles, type SelectorInput } from './selectors.js';
export { parseTrailers } from './trailers.js';
export { buildTaskPath } from './task-path.js';
export { judgeBodyEdits, judgePrBodyTrust } from './trust.js';
