// The merge gate's GraphQL query answered the way GitHub would: the asked branch's history from a real bare
// repository (`git log`, newest first — GitHub's `history` order), each commit's newest status of the asked
// context from a StatusBook (statuses a replay declares, or that a run posted to the loopback API), the pull
// request that brought each commit, and the asked pull request with its labels.
import type { CommitState, GitTransport } from '../adapters/index.js';
import type { FakeResponse, LoopbackGitHub } from './loopback-github.js';

export interface BookedStatus {
  state: CommitState;
  context: string;
  targetUrl: string | null;
  createdAt: string;
}

const BOOK_EPOCH = Date.UTC(2026, 4, 9, 2, 0, 0);

/** Commit statuses by commit, in the order they were set; times are fixed, so replays stay deterministic. */
export class StatusBook {
  private readonly bySha = new Map<string, BookedStatus[]>();
  private count = 0;

  add(sha: string, status: Omit<BookedStatus, 'createdAt'> & { createdAt?: string }): void {
    const createdAt = status.createdAt ?? new Date(BOOK_EPOCH + 1000 * this.count).toISOString();
    this.count++;
    const list = this.bySha.get(sha.toLowerCase()) ?? [];
    list.push({ ...status, createdAt });
    this.bySha.set(sha.toLowerCase(), list);
  }

  /** The newest status of `context` on `sha` (what GraphQL's `Status.context(name:)` answers). */
  newest(sha: string, context: string): BookedStatus | null {
    const list = this.bySha.get(sha.toLowerCase()) ?? [];
    return list.filter((s) => s.context === context).at(-1) ?? null;
  }

  /** Records every `POST /repos/{repository}/statuses/{sha}` into this book (answering 201 like GitHub). */
  serve(server: LoopbackGitHub, repository: string): LoopbackGitHub {
    const repo = repository.replace('/', '\\/');
    return server.on('POST', new RegExp(`^/repos/${repo}/statuses/([0-9a-f]{40})$`), (req, m) => {
      const body = (req.json ?? {}) as Record<string, unknown>;
      const status = {
        state: String(body.state) as CommitState,
        context: typeof body.context === 'string' ? body.context : 'default',
        targetUrl: typeof body.target_url === 'string' ? body.target_url : null,
      };
      this.add(m[1]!, status);
      return { status: 201, body: { id: this.count, ...body } };
    });
  }
}

/** What the history answer knows besides git: statuses, the PR of each commit, pull requests by number. */
export interface HistoryWorld {
  statuses: StatusBook;
  pullOf(sha: string): { number: number; title: string } | null;
  pull(number: number): { number: number; title: string; labels: string[] } | null;
}

/** Is this GraphQL query the gate's (the history of a ref with one status context)? */
export function isStatusHistoryQuery(query: unknown): boolean {
  return typeof query === 'string' && query.includes('history(') && query.includes('context(name:');
}

export async function statusHistoryAnswer(
  origin: GitTransport,
  variables: Record<string, unknown>,
  world: HistoryWorld,
): Promise<FakeResponse> {
  const ref = String(variables.ref);
  const limit = Number(variables.limit);
  const log = await origin.run(['log', `-n${limit}`, '--format=%H%x1f%P%x1f%s', ref, '--']);
  const nodes =
    log.exitCode !== 0
      ? null
      : log.stdout
          .split('\n')
          .filter(Boolean)
          .map((line) => {
            const [oid, parents, subject] = line.split('\x1f') as [string, string, string];
            const status = world.statuses.newest(oid, String(variables.context));
            const pr = world.pullOf(oid);
            return {
              oid,
              messageHeadline: subject,
              parents: { nodes: parents ? [{ oid: parents.split(' ')[0] }] : [] },
              status: status && {
                context: {
                  state: status.state.toUpperCase(),
                  targetUrl: status.targetUrl,
                  createdAt: status.createdAt,
                },
              },
              associatedPullRequests: { nodes: pr ? [pr] : [] },
            };
          });
  const repository: Record<string, unknown> = { ref: nodes && { target: { history: { nodes } } } };
  if (!variables.withPull) return { body: { data: { repository } } };
  const pr = world.pull(Number(variables.pull));
  repository.pullRequest = pr && {
    number: pr.number,
    title: pr.title,
    labels: { nodes: pr.labels.map((name) => ({ name })) },
  };
  if (pr) return { body: { data: { repository } } };
  const message = `Could not resolve to a PullRequest with the number of ${String(variables.pull)}.`;
  return {
    body: {
      data: { repository },
      errors: [{ type: 'NOT_FOUND', path: ['repository', 'pullRequest'], message }],
    },
  };
}

/** Answers the gate's query on POST /graphql from `origin` and `world`; other queries go to `otherwise`. */
export function serveStatusHistory(
  server: LoopbackGitHub,
  origin: GitTransport,
  world: HistoryWorld,
  otherwise: (query: string) => FakeResponse = () => ({ status: 400, body: { message: 'unknown query' } }),
): LoopbackGitHub {
  return server.on('POST', /^\/graphql$/, (req) => {
    const body = (req.json ?? {}) as { query?: unknown; variables?: Record<string, unknown> };
    return isStatusHistoryQuery(body.query)
      ? statusHistoryAnswer(origin, body.variables ?? {}, world)
      : otherwise(String(body.query));
  });
}
