import {
  type AddressInfo,
  createServer as createTcpServer,
  type Server,
  type Socket,
} from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { type ConnectStamp, createConnectStamp, timedConnector } from './connector.js';

// A self-signed certificate for 127.0.0.1, valid until 2126, for this test only.
const KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgFyHfVhiPRzxeSYJ3
FtvezL3HJR/nPi6ZczdXmoZY8kShRANCAAQ6Fjff0387yGE9CI3+s3STR/p/hX+B
FRIQ83CnADe938W9aKnz4Py3BpVVQefUSOiIUWPKGD/SOJcmOKgp7itz
-----END PRIVATE KEY-----`;
const CERT = `-----BEGIN CERTIFICATE-----
MIIBkTCCATagAwIBAgIUYpZtwnTcYcRIEVbcvR/dlMWDgbkwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTEyMjA0MjA0M1oYDzIxMjYxMDI5
MDQyMDQzWjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAAQ6Fjff0387yGE9CI3+s3STR/p/hX+BFRIQ83CnADe938W9aKnz4Py3
BpVVQefUSOiIUWPKGD/SOJcmOKgp7itzo2QwYjAdBgNVHQ4EFgQUm7XhSUFdwnQx
eEDwv8bi21Mk91QwHwYDVR0jBBgwFoAUm7XhSUFdwnQxeEDwv8bi21Mk91QwDwYD
VR0TAQH/BAUwAwEB/zAPBgNVHREECDAGhwR/AAABMAoGCCqGSM49BAMCA0kAMEYC
IQDxDJvptyQ7ratW5IKumIoPt4DgAMVigGngPtpSYIkzbwIhAPDejAU0nfItqR4A
YJ3Nv1ESf0idOLKM+429XgKEuIgg
-----END CERTIFICATE-----`;

const servers: Server[] = [];
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function listen(server: Server): Promise<number> {
  servers.push(server);
  server.on('connection', (socket: Socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Connects with a timed connector; resolves with the stamp as the callback saw it. */
function connect(protocol: 'http:' | 'https:', port: number): Promise<ConnectStamp> {
  const stamp = createConnectStamp();
  const connector = timedConnector(stamp, { ca: CERT });
  const target = { hostname: '127.0.0.1', host: `127.0.0.1:${port}`, protocol, port: String(port) };
  return new Promise((resolve, reject) => {
    connector(target, (error, socket) => {
      if (error) return reject(error);
      sockets.push(socket!);
      resolve({ ...stamp });
    });
  }).then((seen) => {
    expect(stamp.active).toBe(false);
    return seen as ConnectStamp;
  });
}

describe('timedConnector', () => {
  it('publishes the TCP connect time while undici takes the socket', async () => {
    const port = await listen(createTcpServer());
    const seen = await connect('http:', port);
    expect(seen.active).toBe(true);
    expect(seen.connectingUs).toBeGreaterThan(0);
    expect(seen.tlsHandshakingUs).toBe(0);
  });

  it('times the TLS handshake apart from the TCP connect', async () => {
    const port = await listen(createTlsServer({ key: KEY, cert: CERT }));
    const seen = await connect('https:', port);
    expect(seen.active).toBe(true);
    expect(seen.connectingUs).toBeGreaterThan(0);
    expect(seen.tlsHandshakingUs).toBeGreaterThan(0);
  });
});
