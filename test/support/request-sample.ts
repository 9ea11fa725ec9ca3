import type { RequestSample } from '../../src/metrics/types.js';

/** A finished request of `durationMs` (timings split from it), failed as 5xx from 500 up. */
export function requestSample(status: number, durationMs: number): RequestSample {
  const durationUs = durationMs * 1000;
  return {
    status,
    errorClass: status >= 500 ? 'http_5xx' : null,
    expected: status < 400,
    durationUs,
    uncorrectedUs: durationUs,
    blockedUs: 0,
    connectingUs: 0,
    tlsHandshakingUs: 0,
    sendingUs: 10,
    waitingUs: durationUs - 20,
    receivingUs: 10,
    bytesSent: 100,
    bytesReceived: 250,
  };
}
