import type { Socket } from 'node:net';
import { buildConnector } from 'undici';
import { guardHeaderOverflow } from './header-overflow-guard.js';

/**
 * The timings of the connection undici has just established, while it writes the requests that
 * waited for it. undici writes them synchronously inside the connector's callback, so a request
 * whose `onConnect` runs while `active` is true is one that waited for this connection.
 */
export interface ConnectStamp {
  active: boolean;
  /** TCP connect time in µs, from the end of the DNS lookup (if any) to the socket connected. */
  connectingUs: number;
  /** TLS handshake time in µs; 0 on plain HTTP. */
  tlsHandshakingUs: number;
}

/** A fresh, inactive {@link ConnectStamp}; the HTTP client owns one. */
export function createConnectStamp(): ConnectStamp {
  return { active: false, connectingUs: 0, tlsHandshakingUs: 0 };
}

/**
 * undici's default connector (TCP, or TLS for `https:`) wrapped to time each new connection and
 * publish the timings in `stamp` while undici hands the socket over, then to guard the parser
 * undici attached to it ({@link guardHeaderOverflow}). Runs once per connection, never per
 * request.
 */
export function timedConnector(
  stamp: ConnectStamp,
  options: buildConnector.BuildOptions,
): buildConnector.connector {
  const connect = buildConnector(options);
  return (connectOptions, callback) => {
    let startedAt = performance.now();
    let tcpAt = 0;
    const socket = connect(connectOptions, (error, connected) => {
      if (error !== null) {
        callback(error, null);
        return;
      }
      const end = performance.now();
      const tcpEnd = tcpAt === 0 ? end : tcpAt;
      stamp.connectingUs = (tcpEnd - startedAt) * 1000;
      stamp.tlsHandshakingUs = (end - tcpEnd) * 1000;
      stamp.active = true;
      try {
        callback(null, connected);
      } finally {
        stamp.active = false;
      }
      guardHeaderOverflow(connected);
    }) as unknown as Socket | undefined;
    // `lookup` ends DNS resolution (k6 leaves it out of `connecting`); `connect` ends TCP, which
    // for TLS comes before the handshake the callback waits for.
    socket
      ?.once('lookup', () => {
        startedAt = performance.now();
      })
      .once('connect', () => {
        tcpAt = performance.now();
      });
  };
}
