// A real HTTP server on 127.0.0.1 standing in for the GitHub REST and GraphQL APIs: `replay` serves a
// fixture's pull request from it, and the tests use it too. Routes (method + path regex) answer with the
// shapes the real API uses; every request is recorded.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { closeNow, listenOnLoopback } from './loopback.js';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
  json: unknown;
}

export interface FakeResponse {
  status?: number;
  body?: unknown;
  /** A body sent as it is (an HTML error page) instead of `body` as JSON; set the content-type in `headers`. */
  text?: string;
  headers?: Record<string, string>;
}

/** null: not this route's request after all (e.g. another GraphQL query); the next matching route answers. */
export type Handler = (
  req: RecordedRequest,
  match: RegExpMatchArray,
  callIndex: number,
) => FakeResponse | null | Promise<FakeResponse | null>;

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
  calls: number;
}

export class LoopbackGitHub {
  readonly requests: RecordedRequest[] = [];
  private routes: Route[] = [];
  private server: Server | null = null;
  private port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get graphqlUrl(): string {
    return `${this.url}/graphql`;
  }

  /** Later routes win, so a test can override a default set up earlier. */
  on(method: string, pattern: RegExp, handler: Handler | FakeResponse): this {
    const h: Handler = typeof handler === 'function' ? handler : () => handler;
    this.routes.unshift({ method: method.toUpperCase(), pattern, handler: h, calls: 0 });
    return this;
  }

  /** Answers the given responses in order, repeating the last one. */
  sequence(method: string, pattern: RegExp, responses: FakeResponse[]): this {
    return this.on(method, pattern, (_req, _m, i) => responses[Math.min(i, responses.length - 1)]);
  }

  requestsTo(method: string, pattern: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method.toUpperCase() && pattern.test(r.path));
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.port = await listenOnLoopback(this.server);
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    await closeNow(this.server);
    this.server = null;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let json: unknown = null;
    try {
      json = body ? JSON.parse(body) : null;
    } catch {
      json = null;
    }
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      headers: req.headers,
      body,
      json,
    };
    this.requests.push(recorded);
    const answer = (await this.answer(recorded)) ?? {
      status: 404,
      body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
    };
    const status = answer.status ?? 200;
    const payload = answer.text ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
    res.end(payload);
  }

  /** The first matching route's answer (later routes first); null when none answers. */
  private async answer(recorded: RecordedRequest): Promise<FakeResponse | null> {
    for (const route of this.routes) {
      if (route.method !== recorded.method || !route.pattern.test(recorded.path)) continue;
      const match = recorded.path.match(route.pattern)!;
      try {
        const answer = await route.handler(recorded, match, route.calls++);
        if (answer !== null) return answer;
      } catch (e) {
        return { status: 500, body: { message: `fake handler threw: ${(e as Error).message}` } };
      }
    }
    return null;
  }
}

/** A pull request as `GET /repos/{o}/{r}/pulls/{n}` and `commits/{sha}/pulls` return it (the fields we read and a few more). */
export function pullPayload(p: {
  number: number;
  title?: string;
  body?: string | null;
  headRef?: string;
  baseRef?: string;
  mergedAt?: string | null;
  mergeCommitSha?: string | null;
  state?: 'open' | 'closed';
  repository?: string;
}): Record<string, unknown> {
  const repo = p.repository ?? 'octo/repo';
  return {
    url: `https://api.github.com/repos/${repo}/pulls/${p.number}`,
    id: 1000 + p.number,
    node_id: `PR_kw${p.number}`,
    html_url: `https://github.com/${repo}/pull/${p.number}`,
    number: p.number,
    state: p.state ?? (p.mergedAt ? 'closed' : 'open'),
    locked: false,
    title: p.title ?? `PR ${p.number}`,
    user: { login: 'octocat', id: 1, type: 'User' },
    body: p.body ?? null,
    created_at: '2026-05-09T01:00:00Z',
    updated_at: p.mergedAt ?? '2026-05-09T01:00:00Z',
    closed_at: p.mergedAt ?? null,
    merged_at: p.mergedAt ?? null,
    merge_commit_sha: p.mergeCommitSha ?? null,
    draft: false,
    head: { label: `octo:${p.headRef ?? 'feature'}`, ref: p.headRef ?? 'feature', sha: 'f'.repeat(40) },
    base: { label: `octo:${p.baseRef ?? 'main'}`, ref: p.baseRef ?? 'main', sha: 'b'.repeat(40) },
    author_association: 'MEMBER',
  };
}
