// Every stand-in server of the replay and the tests listens the same way: on 127.0.0.1, on a port the
// kernel picks, and stops at once (open keep-alive connections would otherwise hold `close` open).
import { createServer, type Server } from 'node:http';
import type { Server as NetServer } from 'node:net';

/** Starts `server` on 127.0.0.1 on a free port and returns that port. */
export async function listenOnLoopback(server: Server | NetServer): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the loopback server has no port');
  return address.port;
}

/** Closes `server`, dropping the connections still open so that nothing waits for a client to leave. */
export async function closeNow(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A URL on 127.0.0.1 where nothing listens (a port bound and released again): connection refused. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  const port = await listenOnLoopback(server);
  await closeNow(server);
  return `http://127.0.0.1:${port}`;
}
