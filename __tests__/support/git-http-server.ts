// A loopback smart-HTTP git server that requires authentication: `git http-backend` as a CGI behind a real
// HTTP server on 127.0.0.1. Requests without the expected Authorization header get 401 (as GitHub answers a
// private repository); every request's Authorization header is recorded.
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { closeNow, listenOnLoopback } from '../../src/replay/index.js';
import { basename, dirname } from 'node:path';

/** Longest a single CGI run may take: nothing in a test waits on a hung backend. */
const BACKEND_DEADLINE_MS = 20_000;

export class AuthGitServer {
  /** The Authorization header of every request, in order (undefined: none sent). */
  readonly authorizations: (string | undefined)[] = [];
  private server: Server | null = null;
  private port = 0;

  /** Serves the bare repository `repoPath`; answers only requests carrying `authorization`. */
  constructor(
    private readonly repoPath: string,
    private readonly authorization: string,
  ) {}

  /** The remote URL of the repository. */
  get url(): string {
    return `http://127.0.0.1:${this.port}/${basename(this.repoPath)}`;
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
    this.authorizations.push(req.headers.authorization);
    if (req.headers.authorization !== this.authorization) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="test"', 'content-type': 'text/plain' });
      res.end('authentication required\n');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const child = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: dirname(this.repoPath),
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: url.pathname,
        QUERY_STRING: url.search.slice(1),
        REQUEST_METHOD: req.method ?? 'GET',
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
        GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
        REMOTE_USER: 'x-access-token',
        REMOTE_ADDR: '127.0.0.1',
      },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), BACKEND_DEADLINE_MS);
    req.pipe(child.stdin);
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    await new Promise<void>((resolve) => child.on('close', () => resolve()));
    clearTimeout(timer);
    writeCgiResponse(Buffer.concat(chunks), res);
  }
}

/** A CGI answer (headers, a blank line, the body) as the HTTP response. */
function writeCgiResponse(out: Buffer, res: ServerResponse): void {
  const split = out.indexOf('\r\n\r\n');
  const headerText = split < 0 ? '' : out.subarray(0, split).toString('latin1');
  const body = split < 0 ? out : out.subarray(split + 4);
  const headers: Record<string, string> = {};
  let status = 200;
  for (const line of headerText.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10) || 500;
    else headers[name] = value;
  }
  res.writeHead(split < 0 ? 500 : status, headers);
  res.end(body);
}
