import { type AddressInfo, createServer, type Socket } from 'node:net';
import { endlessBody } from '../../src/http/test-support.js';
import { startTestServer } from './test-server.js';

/** A server written to misbehave, on 127.0.0.1. */
export interface HostileServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Starts a raw TCP server that hands every accepted socket to `onSocket`. */
export async function startRawServer(onSocket: (socket: Socket) => void): Promise<HostileServer> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    onSocket(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const TRICKLED = Buffer.from('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok');

/** Writes `TRICKLED` one byte a second from the first request on, until the socket closes. */
function trickle(socket: Socket): void {
  socket.once('data', () => {
    let sent = 0;
    const timer = setInterval(() => {
      if (sent < TRICKLED.length) socket.write(TRICKLED.subarray(sent, ++sent));
    }, 1000);
    socket.on('close', () => clearInterval(timer));
  });
}

/** `count` headers of about 20 bytes each. */
function manyHeaders(count: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`x-header-${i}`, `v${i}`]));
}

/** The misbehaving services of issue 12, each started fresh by its function. */
export const HOSTILE_SERVERS = {
  'an endless chunked body': () => startTestServer((_req, res) => void endlessBody(res)),
  'a 1 GB Content-Length, sending part of it': () =>
    startTestServer((_req, res) => {
      res.writeHead(200, { 'content-length': String(1e9) });
      res.write(Buffer.alloc(64 * 1024));
    }),
  '10,000 headers': () =>
    startTestServer((_req, res) => res.writeHead(200, manyHeaders(10_000)).end('ok')),
  'accepting and never answering': () => startRawServer(() => {}),
  'headers and never a body': () =>
    startTestServer((_req, res) => {
      res.writeHead(200, { 'content-length': '100' }).flushHeaders();
    }),
  'one byte a second': () => startRawServer(trickle),
  'garbage, not HTTP': () =>
    startRawServer((socket) => socket.on('data', () => socket.write('garbage!\r\n\r\n'))),
  'resetting connections': () =>
    startRawServer((socket) => socket.on('data', () => socket.resetAndDestroy())),
} satisfies Record<string, () => Promise<HostileServer>>;
