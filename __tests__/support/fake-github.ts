// The loopback GitHub API server lives in src/replay (the CLI's replay ships it); tests use the same one.
export {
  LoopbackGitHub as FakeGitHub,
  pullPayload,
  type FakeResponse,
  type Handler,
  type RecordedRequest,
} from '../../src/replay/loopback-github.js';
export { closedPortUrl } from '../../src/replay/loopback.js';
