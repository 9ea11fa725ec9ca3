import { createServer, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import type { RequestRecorder, RequestRecorderFactory, RequestSample } from '../metrics/types.js';
import { HttpClient } from './client.js';
import type { HttpClientOptions, IterationTiming } from './types.js';

/** A node:http server on 127.0.0.1 started by a test, with the sockets it accepted. */
export interface LocalServer {
  readonly server: Server;
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** How many TCP connections the server accepted. */
  readonly connections: () => number;
}

const started = new Set<Server>();

/** Starts `handler` on an ephemeral port of 127.0.0.1; {@link closeServers} closes it. */
export async function startServer(handler: RequestListener): Promise<LocalServer> {
  const server = createServer({ keepAliveTimeout: 10_000 }, handler);
  let accepted = 0;
  server.on('connection', () => {
    accepted++;
  });
  started.add(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}`, connections: () => accepted };
}

const clients: HttpClient[] = [];

/** A client on fresh recorders and an iteration timing, destroyed by {@link closeServers}. */
export function testClient(options: HttpClientOptions = {}) {
  const recorders = new RecordingRecorders();
  const client = new HttpClient(options, recorders);
  clients.push(client);
  const timing: IterationTiming = { intendedAt: undefined };
  return { client, recorders, timing };
}

/**
 * Destroys every client {@link testClient} made, then closes every server {@link startServer}
 * started, dropping their open connections.
 */
export async function closeServers(): Promise<void> {
  await Promise.all(clients.splice(0).map((client) => client.destroy()));
  const closing = [...started].map(
    (server) =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  started.clear();
  await Promise.all(closing);
}

/** A port on 127.0.0.1 with nothing listening: one a server held and released. */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const BODY_CHUNK = Buffer.alloc(16 * 1024, 'x');

/**
 * Answers 200 with a chunked body that never ends: 16 KiB chunks for as long as the client reads
 * them. Resolves when the response closes (the client went away).
 */
export function endlessBody(res: ServerResponse): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/plain' });
  const write = () => {
    while (!res.destroyed && res.write(BODY_CHUNK));
  };
  res.on('drain', write);
  write();
  return new Promise((resolve) => res.on('close', resolve));
}

/** One recorded sample, copied, with the series it was recorded in. */
export interface RecordedSample extends RequestSample {
  readonly workload: string;
  readonly name: string;
  readonly method: string;
}

/** A recorder factory that keeps a copy of every sample, for tests to inspect. */
export class RecordingRecorders implements RequestRecorderFactory {
  readonly samples: RecordedSample[] = [];
  /** Every (workload, name, method) a recorder was asked for, in order. */
  readonly series: string[] = [];

  requestRecorder(workload: string, name: string, method: string): RequestRecorder {
    this.series.push(`${workload} ${name} ${method}`);
    return {
      record: (sample) => {
        this.samples.push({ ...copySample(sample), workload, name, method });
      },
    };
  }
}

function copySample(sample: RequestSample): RequestSample {
  return {
    status: sample.status,
    errorClass: sample.errorClass,
    expected: sample.expected,
    durationUs: sample.durationUs,
    uncorrectedUs: sample.uncorrectedUs,
    blockedUs: sample.blockedUs,
    connectingUs: sample.connectingUs,
    tlsHandshakingUs: sample.tlsHandshakingUs,
    sendingUs: sample.sendingUs,
    waitingUs: sample.waitingUs,
    receivingUs: sample.receivingUs,
    bytesSent: sample.bytesSent,
    bytesReceived: sample.bytesReceived,
  };
}
