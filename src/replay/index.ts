// Replay fixtures (SPEC §9, §10): a fixture is data; a replay builds throwaway repositories, serves the
// fixture's pull request from a loopback GitHub API and runs the whole pipeline.
export {
  replayFixture,
  platformSkip,
  REPLAY_TOKEN,
  type ReplayOptions,
  type ReplayOutcome,
} from './replay.js';
export { loadFixture, FixtureError, Fixture, type LoadedFixture } from './fixture.js';
export {
  compareWithExpected,
  compareGateWithExpected,
  stableView,
  VOLATILE_FIELDS,
  type GateReplayView,
} from './compare.js';
export {
  mergeGroupPayload,
  pullRequestPayload,
  type MergeGroupEvent,
  type PullRequestEvent,
} from './events.js';
export {
  StatusBook,
  serveStatusHistory,
  statusHistoryAnswer,
  isStatusHistoryQuery,
  type BookedStatus,
  type HistoryWorld,
} from './history-routes.js';
export {
  LoopbackGitHub,
  pullPayload,
  type FakeResponse,
  type Handler,
  type RecordedRequest,
} from './loopback-github.js';
export { closedPortUrl, closeNow, listenOnLoopback } from './loopback.js';
export { serveFromGit, refAnswer, refPayload, compareAnswer } from './git-backed-routes.js';
export { buildReplayRepos, type ReplayRepos } from './build-repos.js';
export {
  serveMainHealth,
  latestStatus,
  type MainHealthState,
  type MainHealthOptions,
  type FakeIssue,
  type PostedStatus,
} from './health-routes.js';
