// The git-backed loopback routes live in src/replay; the freshness tests bind them to a bare origin path.
import { GitCli } from '../../src/adapters/git.js';
import * as routes from '../../src/replay/git-backed-routes.js';
import type { FakeGitHub, FakeResponse } from '../support/fake-github.js';

export const refPayload = routes.refPayload;

export function refAnswer(origin: string, repository: string, branch: string): Promise<FakeResponse> {
  return routes.refAnswer(new GitCli(origin), repository, branch);
}

export function compareAnswer(origin: string, base: string, head: string): Promise<FakeResponse> {
  return routes.compareAnswer(new GitCli(origin), base, head);
}

export function serveFromGit(fake: FakeGitHub, origin: string, repository = 'octo/repo'): FakeGitHub {
  return routes.serveFromGit(fake, new GitCli(origin), repository);
}
