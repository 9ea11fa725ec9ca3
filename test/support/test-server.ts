import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach } from 'vitest';
import { SCRAPER_USER_AGENT } from '../../src/engine/service-scraper.js';

/** A real HTTP server on 127.0.0.1 for a test, with its URL and a way to close it. */
export interface TestServer {
  readonly url: string;
  readonly server: Server;
  /** Requests the server has received so far, besides launchday's looks for its /metrics. */
  readonly requests: () => number;
  close(): Promise<void>;
}

/**
 * Starts `handler` on an ephemeral port of 127.0.0.1. launchday's readings of /metrics (the
 * service's side, looked for beside the base URL) get a 404 that neither `handler` nor
 * `requests` see, so a test counts only what its scenario sent; anyone else's request for
 * /metrics (a Prometheus scraping the server) reaches `handler`.
 */
export async function startTestServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<TestServer> {
  let requests = 0;
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    if (req.url === '/metrics' && req.headers['user-agent'] === SCRAPER_USER_AGENT) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no metrics here\n');
      return;
    }
    requests++;
    handler(req, res);
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Answers 200 with a small JSON body after `delayMs`. */
export function okAfter(delayMs = 0) {
  return (_req: IncomingMessage, res: ServerResponse) => {
    const reply = () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    };
    if (delayMs > 0) setTimeout(reply, delayMs);
    else reply();
  };
}

/**
 * A server that answers at once but stalls for `stallMs` starting `stallAtMs` after `since`:
 * requests arriving during the stall are answered when it ends, as a frozen server would.
 */
export function stallingHandler(since: () => number, stallAtMs: number, stallMs: number) {
  return (_req: IncomingMessage, res: ServerResponse) => {
    const at = Date.now() - since();
    const wait = at >= stallAtMs && at < stallAtMs + stallMs ? stallAtMs + stallMs - at : 0;
    const reply = () => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    };
    if (wait > 0) setTimeout(reply, wait);
    else reply();
  };
}

/**
 * For a test file whose tests each start one server: returns `start`, and closes the server
 * after each test.
 */
export function serverPerTest(): (
  handler: Parameters<typeof startTestServer>[0],
) => Promise<TestServer> {
  let current: TestServer | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return async (handler) => {
    current = await startTestServer(handler);
    return current;
  };
}
