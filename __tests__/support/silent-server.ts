// A TCP server on 127.0.0.1 that accepts connections and never answers: a remote that hangs.
import { createServer, type Server, type Socket } from 'node:net';

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
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    return `http://127.0.0.1:${address.port}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
