// Loopback GitHub routes that answer `git/ref/heads/<branch>` and `compare/<base>...<head>` from a real bare
// repository's current state, computed with real git on every request — the way GitHub would.
import type { GitTransport } from '../adapters/index.js';
import type { FakeResponse, LoopbackGitHub } from './loopback-github.js';

/** What `GET /repos/{o}/{r}/git/ref/heads/<branch>` answers for the bare repository behind `origin`. */
export async function refAnswer(
  origin: GitTransport,
  repository: string,
  branch: string,
): Promise<FakeResponse> {
  const r = await origin.run(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`]);
  if (r.exitCode !== 0) return { status: 404, body: { message: 'Not Found' } };
  return refPayload(repository, branch, r.stdout.trim());
}

export function refPayload(repository: string, branch: string, sha: string): FakeResponse {
  return {
    body: {
      ref: `refs/heads/${branch}`,
      node_id: 'REF_x',
      url: `https://api.github.com/repos/${repository}/git/refs/heads/${branch}`,
      object: { sha, type: 'commit', url: `https://api.github.com/repos/${repository}/git/commits/${sha}` },
    },
  };
}

/** What `GET /repos/{o}/{r}/compare/<base>...<head>` answers for the bare repository behind `origin`. */
export async function compareAnswer(origin: GitTransport, base: string, head: string): Promise<FakeResponse> {
  for (const sha of [base, head]) {
    if ((await origin.run(['cat-file', '-e', `${sha}^{commit}`])).exitCode !== 0) {
      return { status: 404, body: { message: 'Not Found' } };
    }
  }
  if ((await origin.run(['merge-base', base, head])).exitCode !== 0) {
    return { status: 404, body: { message: `No common ancestor between ${base} and ${head}.` } };
  }
  const count = async (range: string) =>
    Number((await origin.run(['rev-list', '--count', range])).stdout.trim());
  const aheadBy = await count(`${base}..${head}`);
  const behindBy = await count(`${head}..${base}`);
  const status =
    aheadBy === 0 && behindBy === 0
      ? 'identical'
      : behindBy === 0
        ? 'ahead'
        : aheadBy === 0
          ? 'behind'
          : 'diverged';
  return { body: { status, ahead_by: aheadBy, behind_by: behindBy, total_commits: aheadBy, commits: [] } };
}

/** Routes both endpoints of `repository` to the bare repository behind `origin`. */
export function serveFromGit(
  server: LoopbackGitHub,
  origin: GitTransport,
  repository = 'octo/repo',
): LoopbackGitHub {
  const repo = repository.replace('/', '\\/');
  return server
    .on('GET', new RegExp(`^/repos/${repo}/git/ref/heads/(.+)$`), (_req, m) =>
      refAnswer(origin, repository, m[1]!),
    )
    .on('GET', new RegExp(`^/repos/${repo}/compare/([0-9a-f]+)\\.\\.\\.([0-9a-f]+)$`), (_req, m) =>
      compareAnswer(origin, m[1]!, m[2]!),
    );
}
