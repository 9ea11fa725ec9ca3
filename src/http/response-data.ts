/**
 * What a response shows beyond its sample, built only when a journey reads it: headers and body
 * decoded from what undici handed over, the error and the timings in k6's shape.
 */
import type { ErrorClass, RequestSample } from '../metrics/types.js';
import type { HttpError, ResponseTimings } from './types.js';

/** Raw headers (`[name, value, ...]` buffers) as a record with lower-case names. */
export function parseRawHeaders(raw: readonly Buffer[] | null): Record<string, string> {
  const headers: Record<string, string> = Object.create(null);
  if (raw === null) return headers;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toString('latin1').toLowerCase();
    const value = raw[i + 1]!.toString('latin1');
    const previous = headers[name];
    headers[name] = previous === undefined ? value : `${previous}, ${value}`;
  }
  return headers;
}

/** Bytes of a response head on the wire: status line, `name: value\r\n` lines, blank line. */
export function responseHeadBytes(raw: readonly Buffer[] | null, statusText: string): number {
  // `HTTP/1.1 200 ` + reason + CRLF, then the blank line.
  let bytes = 13 + statusText.length + 2 + 2;
  if (raw === null) return bytes;
  for (let i = 0; i < raw.length; i++) bytes += raw[i]!.length;
  return bytes + raw.length * 2;
}

/** The body kept so far: no chunk, one chunk, or several (concatenated on first read). */
export function bodyText(first: Buffer | null, rest: Buffer[] | null): string {
  if (first === null) return '';
  if (rest === null) return first.toString('utf8');
  return Buffer.concat([first, ...rest]).toString('utf8');
}

/** The error `res.json()` throws for a body that is not JSON: the request and the body's start. */
export function notJsonError(what: string, text: string, cause: unknown): SyntaxError {
  const start = text.length > 80 ? `${text.slice(0, 80)}…` : text;
  const why = text === '' ? 'the body is empty' : `the body starts with ${JSON.stringify(start)}`;
  return new SyntaxError(
    `${what}: the response is not JSON (${(cause as Error).message}); ${why}`,
    {
      cause,
    },
  );
}

/** The error of a response whose status is not expected. */
export function statusError(errorClass: ErrorClass, status: number, statusText: string): HttpError {
  const message = `unexpected status ${status}${statusText ? ` ${statusText}` : ''}`;
  return { class: errorClass, code: `HTTP_${status}`, message };
}

/** The error of a request that failed without a (complete) response. */
export function transportError(errorClass: ErrorClass, failure: unknown, code: string): HttpError {
  const message = (failure as Error).message || code;
  return { class: errorClass, code, message };
}

/** k6's `res.timings` (ms) from a sample's µs figures. */
export function timingsOf(sample: RequestSample): ResponseTimings {
  return {
    blocked: sample.blockedUs / 1000,
    connecting: sample.connectingUs / 1000,
    tls_handshaking: sample.tlsHandshakingUs / 1000,
    sending: sample.sendingUs / 1000,
    waiting: sample.waitingUs / 1000,
    receiving: sample.receivingUs / 1000,
    duration: sample.durationUs / 1000,
  };
}
