// Event payloads as the runner hands them to an action (GITHUB_EVENT_PATH), in the shapes of GitHub's
// webhooks (octokit/webhooks payload examples): `merge_group` (checks_requested) and `pull_request`. Replays
// and the end-to-end tests build their events here, so both read exactly what a real run reads.

const USER = { login: 'octocat', id: 1, node_id: 'MDQ6VXNlcjE=', type: 'User', site_admin: false };

function repositoryPayload(repository: string, defaultBranch: string): Record<string, unknown> {
  const [owner, name] = repository.split('/');
  return {
    id: 17273051,
    node_id: 'MDEwOlJlcG9zaXRvcnkxNzI3MzA1MQ==',
    name,
    full_name: repository,
    private: true,
    owner: { ...USER, login: owner },
    html_url: `https://github.com/${repository}`,
    url: `https://api.github.com/repos/${repository}`,
    default_branch: defaultBranch,
  };
}

export interface MergeGroupEvent {
  headSha: string;
  /** `refs/heads/gh-readonly-queue/<base>/pr-<n>-<base sha>`. */
  headRef: string;
  baseSha: string;
  /** `refs/heads/<base>`. */
  baseRef: string;
  /** The candidate commit's message (`head_commit.message`). */
  message: string;
  treeId?: string;
  repository: string;
  defaultBranch?: string;
}

/** A `merge_group` event, action `checks_requested`. */
export function mergeGroupPayload(e: MergeGroupEvent): Record<string, unknown> {
  const person = { name: 'GitHub', email: 'noreply@github.com' };
  return {
    action: 'checks_requested',
    merge_group: {
      head_sha: e.headSha,
      head_ref: e.headRef,
      base_sha: e.baseSha,
      base_ref: e.baseRef,
      head_commit: {
        id: e.headSha,
        tree_id: e.treeId ?? '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
        message: e.message,
        timestamp: '2026-05-09T01:00:00Z',
        author: person,
        committer: person,
      },
    },
    repository: repositoryPayload(e.repository, e.defaultBranch ?? e.baseRef.replace(/^refs\/heads\//, '')),
    sender: USER,
  };
}

export interface PullRequestEvent {
  action?: string;
  number: number;
  title: string;
  body?: string | null;
  labels: string[];
  headRef: string;
  headSha: string;
  baseRef: string;
  baseSha: string;
  repository: string;
  defaultBranch?: string;
}

/** A `pull_request` event (default action `opened`) of an open pull request. */
export function pullRequestPayload(e: PullRequestEvent): Record<string, unknown> {
  const repo = repositoryPayload(e.repository, e.defaultBranch ?? e.baseRef);
  const owner = e.repository.split('/')[0];
  return {
    action: e.action ?? 'opened',
    number: e.number,
    pull_request: {
      url: `https://api.github.com/repos/${e.repository}/pulls/${e.number}`,
      id: 279147000 + e.number,
      node_id: `PR_kw${e.number}`,
      html_url: `https://github.com/${e.repository}/pull/${e.number}`,
      number: e.number,
      state: 'open',
      locked: false,
      title: e.title,
      user: USER,
      body: e.body ?? null,
      labels: e.labels.map((name, i) => ({
        id: 1362934389 + i,
        node_id: `LA_${i}`,
        url: `https://api.github.com/repos/${e.repository}/labels/${encodeURIComponent(name)}`,
        name,
        color: 'd73a4a',
        default: false,
        description: null,
      })),
      merged_at: null,
      merge_commit_sha: null,
      draft: false,
      head: { label: `${owner}:${e.headRef}`, ref: e.headRef, sha: e.headSha, user: USER, repo },
      base: { label: `${owner}:${e.baseRef}`, ref: e.baseRef, sha: e.baseSha, user: USER, repo },
      author_association: 'MEMBER',
    },
    repository: repo,
    sender: USER,
  };
}
