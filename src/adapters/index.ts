// The effects at the edge, behind small interfaces: git (one bounded transport, a vocabulary of verbs),
// the GitHub REST/GraphQL API (one retry layer, budgets), and the runner through @actions/core.
export * from './git.js';
export * from './github.js';
export {
  GitHubRestApi,
  truncateDescription,
  MAX_STATUS_DESCRIPTION,
  type GitHubRestApiOptions,
} from './github-rest.js';
export { ApiBudget } from './github-http.js';
export { coreRunnerPort, maskSecret, readInput } from './runner.js';
