// A TCP server on 127.0.0.1 that accepts connections and never answers: a remote that hangs.
import { createServer, type Server, type Socket } from 'node:net';
import { listenOnLoopback } from '../../src/replay/index.js';

export class SilentServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  /** Connections accepted so far. */
  connections = 0;

  constructor() {
    this.server = createServer((socket) => {
      this.connections++;
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => {});
      socket.resume(); // read the request, answer nothing
    });
  }

  async start(): Promise<string> {
    return `http://127.0.0.1:${await listenOnLoopback(this.server)}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
