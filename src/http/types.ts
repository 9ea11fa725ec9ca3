/**
 * The contracts of the HTTP layer: the client options a scenario sets, what one call takes, what
 * it answers, and the per-iteration timing state the engine shares with it.
 */
import type { ErrorClass } from '../metrics/types.js';

/** A status range, both ends inclusive, as k6's `http.expectedStatuses({ min, max })`. */
export interface StatusRange {
  readonly min: number;
  readonly max: number;
}

/**
 * Options of one HTTP client (one per worker thread), applied to every origin it talks
 * to. Plain serializable data: it travels to worker threads.
 */
export interface HttpOptions {
  /** Most connections per origin; requests beyond them wait for a free one (`http_req_blocked`). */
  readonly connections: number;
  /** Requests in flight per connection; 1 disables HTTP pipelining. */
  readonly pipelining: number;
  /** How long an idle keep-alive connection is kept open, in ms. */
  readonly keepAliveTimeoutMs: number;
  /** Most time to establish a TCP (and TLS) connection, in ms. */
  readonly connectTimeoutMs: number;
  /**
   * Most time, in ms, a request may take from the call to the end of the response, time queued
   * for a connection included — k6's total request timeout. A request past it resolves with
   * status 0 and error class `timeout`. Checked by one sweep per origin every quarter of the
   * timeout (10–250 ms), so it fires up to that period late. 60 s, as k6.
   */
  readonly timeoutMs: number;
  /**
   * When true, response bodies are counted but not kept: `text` is empty; a request's
   * `discardResponseBody` overrides it. A discarded body is read to its end, however long
   * (the timeout bounds it), as k6's `discardResponseBodies`.
   */
  readonly discardResponseBodies: boolean;
  /**
   * The most bytes of response body kept per request; a request's `maxResponseBodySize`
   * overrides it. A body announced larger (`Content-Length`) or growing larger is not kept: the
   * request is aborted at once and fails with error class `body_too_large`, its status kept.
   * 10 MB by default. Discarded bodies are not bounded by it.
   */
  readonly maxResponseBodySize: number;
  /**
   * The most bytes of header names and values in a response head (undici's `maxHeaderSize`);
   * a larger head fails the request with error class `headers_too_large` and closes its
   * connection. 64 KiB by default.
   */
  readonly maxHeaderSize: number;
  /** The `user-agent` header of every request unless the request sets its own; `''` for none. */
  readonly userAgent: string;
  /** The statuses counted as expected (k6's `expected_response`); 200–399 by default. */
  readonly expectedStatuses: ReadonlyArray<number | StatusRange>;
}

/** A size in bytes, or a size string such as `'10MB'` or `'64KiB'` (see `parseByteSize`). */
export type ByteSize = number | string;

/**
 * The `http` options a scenario sets: any of {@link HttpOptions}, with the sizes also as size
 * strings. The run's configuration resolves them to bytes.
 */
export type ScenarioHttpOptions = Partial<
  Omit<HttpOptions, 'maxResponseBodySize' | 'maxHeaderSize'>
> & {
  readonly maxResponseBodySize?: ByteSize;
  readonly maxHeaderSize?: ByteSize;
};

/**
 * What the HTTP client is built with: scenario-level {@link HttpOptions} (defaults for those not
 * given) and the run-level host allow-list, which scenarios cannot set.
 */
export interface HttpClientOptions extends Partial<HttpOptions> {
  /**
   * Non-loopback host names requests may go to (`--allow-host`); loopback hosts always may.
   * Empty by default: a journey's absolute URL cannot reach another machine by accident.
   */
  readonly allowedHosts?: readonly string[];
}

/** A query string value; numbers and booleans are written with `String()`. */
export type QueryValue = string | number | boolean;

/** Options of one request. Everything is optional; `undefined` options cost nothing. */
export interface RequestOptions {
  /** The request name tag; by default `${METHOD} ${urlTemplate}`, e.g. `GET /v1/users/:id`. */
  readonly name?: string;
  /** Extra request headers; a `user-agent` here replaces the client's. */
  readonly headers?: Readonly<Record<string, string>>;
  /** A value sent as JSON, with `content-type: application/json` unless `headers` set one. */
  readonly json?: unknown;
  /** The raw request body; ignored when `json` is given. */
  readonly body?: string | Uint8Array;
  /** Query parameters appended to the URL (after any query the URL already has). */
  readonly query?: Readonly<Record<string, QueryValue>>;
  /** Values of the `:param` placeholders in the URL's path, URI-encoded when filled in. */
  readonly pathParams?: Readonly<Record<string, QueryValue>>;
  /**
   * This request's total timeout instead of the client's `timeoutMs`: milliseconds, or a
   * duration string such as `'2s'`; 0 for none.
   */
  readonly timeout?: number | string;
  /** The statuses expected for this request, instead of the client's `expectedStatuses`. */
  readonly expectedStatus?: number | readonly number[];
  /**
   * This request's body bound instead of the client's `maxResponseBodySize`: bytes, or a size
   * string such as `'50MB'`.
   */
  readonly maxResponseBodySize?: ByteSize;
  /**
   * Whether this request's body is counted but not kept (`text` empty), instead of the client's
   * `discardResponseBodies`: k6's per-request `responseType: 'none'` (true) or `'text'` (false).
   */
  readonly discardResponseBody?: boolean;
  /** Extra tags, kept on the response. */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Why a request failed: the class metrics count, a stable code and a readable message. */
export interface HttpError {
  readonly class: ErrorClass;
  /**
   * E.g. `ECONNREFUSED`, `ERR_REQUEST_TIMEOUT`, `ERR_RESPONSE_BODY_TOO_LARGE`,
   * `ERR_RESPONSE_HEADERS_TOO_LARGE`, or `HTTP_503` for an unexpected status.
   */
  readonly code: string;
  readonly message: string;
}

/** k6's `res.timings`, in milliseconds. */
export interface ResponseTimings {
  /** Waiting for a connection, including establishing it. */
  readonly blocked: number;
  /** Establishing the TCP connection the request waited for, 0 on a reused one. */
  readonly connecting: number;
  /** The TLS handshake of the connection the request waited for, 0 on a reused one. */
  readonly tls_handshaking: number;
  /** Writing the request: always 0, `waiting` includes it (undici cannot time it apart). */
  readonly sending: number;
  /** From the request handed to its connection to the response headers. */
  readonly waiting: number;
  /** From the response headers to the last body byte. */
  readonly receiving: number;
  /**
   * From the time the request was meant to be sent (the iteration's planned start for its first
   * requests) to the end of the response: `http_req_duration`, free of coordinated omission.
   * Unlike k6's, it includes `blocked`.
   */
  readonly duration: number;
}

/**
 * The outcome of one request. Network failures, timeouts and unexpected statuses are data here,
 * never exceptions: check `ok`, `status` and `error`.
 */
export interface HttpResponse {
  /**
   * The response status; 0 when no (complete) response arrived, except for a body over
   * `maxResponseBodySize`, which keeps the status received.
   */
  readonly status: number;
  /** The status is expected and nothing failed. */
  readonly ok: boolean;
  /** Response headers with lower-case names; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body decoded as UTF-8; empty when it is discarded, too large, or none arrived. */
  readonly text: string;
  /** The body parsed as JSON; throws an error naming the request when it is not JSON. */
  json<T = unknown>(): T;
  /** Why the request failed, or null. */
  readonly error: HttpError | null;
  readonly timings: ResponseTimings;
  /** The URL requested, with path parameters and query filled in. */
  readonly url: string;
  /** The request name tag. */
  readonly name: string;
  /** The method, upper case. */
  readonly method: string;
  /** The request's `tags` option, or an empty object. */
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * The small mutable state the engine keeps per VU and resets per iteration. `intendedAt` is when
 * the iteration was planned to start, in epoch ms (`epochNow()`): the first requests of the
 * iteration are measured from it. The HTTP layer sets it back to `undefined` as soon as one of
 * them completes, so later requests of the journey are measured from their own issue time.
 */
export interface IterationTiming {
  intendedAt: number | undefined;
}
