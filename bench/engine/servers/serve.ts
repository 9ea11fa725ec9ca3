import type { Server, ServerResponse } from 'node:http';
import type { ServerMessage } from '../types.js';

/** Listen backlog: room for every connection a freeze makes the client open at once. */
const BACKLOG = 2048;

/** Answers 200 "ok" (the benchmark servers' only response). */
export function replyOk(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' });
  res.end('ok');
}

/** Writes one {@link ServerMessage} as a JSON line on stdout, which the benchmark reads. */
export function announce(message: ServerMessage): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

/**
 * Listens on 127.0.0.1 on a free port and announces it. The server exits when its stdin closes,
 * so it never outlives the benchmark that started it, even one killed without cleaning up.
 */
export function serve(server: Server): void {
  server.listen({ host: '127.0.0.1', port: 0, backlog: BACKLOG }, () => {
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
    announce({ port: address.port });
  });
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
}
