// The merge gate's GraphQL query answered the way GitHub would: the asked branch's history from a real bare
// repository (`git log`, newest first — GitHub's `history` order), each commit's newest status of the asked
// context from a StatusBook (statuses a replay declares, or that a run posted to the loopback API), the pull
// request that brought each commit, and the asked pull request with its labels.
import type { CommitState, GitTransport } from '../adapters/index.js';
import type { FakeResponse, LoopbackGitHub } from './loopback-github.js';

export interface BookedStatus {
  sha: string;
  state: CommitState;
  context: string;
  description: string;
  targetUrl: string | null;
  createdAt: string;
  /** The token that posted it (null: declared by a fixture or a test). */
  token: string | null;
}

const BOOK_EPOCH = Date.UTC(2026, 4, 9, 2, 0, 0);

/**
 * The commit statuses of a loopback repository, in the order they were set: one store that the gate's query,
 * main health's history query and a test all read. Times are fixed, so replays stay deterministic.
 */
export class StatusBook {
  private readonly list: BookedStatus[] = [];

  add(
    sha: string,
    status: Pick<BookedStatus, 'state' | 'context' | 'targetUrl'> & Partial<BookedStatus>,
  ): BookedStatus {
    const booked: BookedStatus = {
      description: '',
      token: null,
      createdAt: new Date(BOOK_EPOCH + 1000 * this.list.length).toISOString(),
      ...status,
      sha: sha.toLowerCase(),
    };
    this.list.push(booked);
    return booked;
  }

  /** Every status set so far, oldest first. */
  get all(): readonly BookedStatus[] {
    return this.list;
  }

  /** The newest status of `context` on `sha` (what GraphQL's `Status.context(name:)` answers). */
  newest(sha: string, context: string): BookedStatus | null {
    const lower = sha.toLowerCase();
    return this.list.filter((s) => s.sha === lower && s.context === context).at(-1) ?? null;
  }

  /** Books a `POST /repos/{repository}/statuses/{sha}` request's status; the answer GitHub gives. */
  post(sha: string, body: Record<string, unknown>, token: string | null): FakeResponse {
    this.add(sha, {
      state: String(body.state) as CommitState,
      context: typeof body.context === 'string' ? body.context : 'default',
      description: typeof body.description === 'string' ? body.description : '',
      targetUrl: typeof body.target_url === 'string' ? body.target_url : null,
      token,
    });
    return { status: 201, body: { id: this.list.length, ...body } };
  }

  /** Records every `POST /repos/{repository}/statuses/{sha}` into this book (answering 201 like GitHub). */
  serve(server: LoopbackGitHub, repository: string): LoopbackGitHub {
    const repo = repository.replace('/', '\\/');
    return server.on('POST', new RegExp(`^/repos/${repo}/statuses/([0-9a-f]{40})$`), (req, m) =>
      this.post(m[1]!, (req.json ?? {}) as Record<string, unknown>, null),
    );
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
  return typeof query === 'string' && query.includes('ref(qualifiedName:') && query.includes('history(');
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

/**
 * Answers the gate's query on POST /graphql from `origin` and `world`; other queries go to `otherwise`, by
 * default to the next route that answers POST /graphql.
 */
export function serveStatusHistory(
  server: LoopbackGitHub,
  origin: GitTransport,
  world: HistoryWorld,
  otherwise: (query: string) => FakeResponse | null = () => null,
): LoopbackGitHub {
  return server.on('POST', /^\/graphql$/, (req) => {
    const body = (req.json ?? {}) as { query?: unknown; variables?: Record<string, unknown> };
    return isStatusHistoryQuery(body.query)
      ? statusHistoryAnswer(origin, body.variables ?? {}, world)
      : otherwise(String(body.query));
  });
}
