import type { Dispatcher } from 'undici';
import type { RequestSample } from '../metrics/types.js';
import {
  classifyErrorCode,
  classifyStatus,
  errorCode,
  isUsageErrorCode,
  usageError,
} from './classify.js';
import type { Connection, ConnectionPool, PooledRequest } from './connection-pool.js';
import type { ConnectStamp } from './connector.js';
import { ReceivedResponse } from './received-response.js';
import { RequestTimeoutError } from './request-timeout.js';
import { responseHeadBytes, timingsOf } from './response-data.js';
import {
  contentLength,
  ResponseBodyTooLargeError,
  ResponseHeadersTooLargeError,
  requestBodyLimit,
  UNDICI_HEADERS_OVERFLOW_CODE,
} from './response-limits.js';
import type { Route } from './routes.js';
import type { Expiring } from './timeout-sweep.js';
import type { HttpResponse, IterationTiming, RequestOptions, ResponseTimings } from './types.js';

/** What every exchange of one HTTP client shares. */
export interface ExchangeContext {
  readonly stamp: ConnectStamp;
  /** `expected[status] === 1` for the client's expected statuses. */
  readonly expected: Uint8Array;
  readonly discardBodies: boolean;
  /** The client's `maxResponseBodySize`, bytes. */
  readonly maxBodyBytes: number;
  /** The client's `maxHeaderSize`, bytes, for the error that names it. */
  readonly maxHeaderSize: number;
}

const TIME_ORIGIN = performance.timeOrigin;
const EMPTY_TAGS: Readonly<Record<string, string>> = Object.freeze({});

let capturedResolve: (response: HttpResponse) => void;
let capturedReject: (error: unknown) => void;
// One shared executor instead of a closure per request.
function capture(resolve: (response: HttpResponse) => void, reject: (error: unknown) => void) {
  capturedResolve = resolve;
  capturedReject = reject;
}

/**
 * One request in flight and, once done, its response and its metrics sample: the undici
 * dispatch handler, the {@link RequestSample} given to the recorder and the {@link HttpResponse}
 * the journey gets are this one object, so a request allocates nothing else of ours.
 * Timestamps are `performance.now()` ms; durations µs.
 */
export class Exchange extends ReceivedResponse implements RequestSample, PooledRequest {
  durationUs = 0;
  uncorrectedUs = 0;
  blockedUs = 0;
  connectingUs = 0;
  tlsHandshakingUs = 0;
  readonly sendingUs = 0;
  waitingUs = 0;
  receivingUs = 0;
  bytesReceived = 0;
  connection: Connection | null = null;
  request!: Dispatcher.DispatchOptions;
  timeoutMs = 0;
  deadline = Number.POSITIVE_INFINITY;
  sweepPrev: Expiring | null = null;
  sweepNext: Expiring | null = null;
  finished = false;

  private readonly startedAt = performance.now();
  private readonly intendedAt: number;
  private readonly keepBody: boolean;
  private readonly bodyLimit: number;
  private connectedAt = 0;
  private headersAt = 0;
  private pool!: ConnectionPool;
  private abort: ((error: Error) => void) | null = null;
  private resolve!: (response: HttpResponse) => void;
  private reject!: (error: unknown) => void;

  constructor(
    private readonly context: ExchangeContext,
    private readonly route: Route,
    private readonly timing: IterationTiming,
    private readonly options: RequestOptions | undefined,
    private readonly origin: string,
    private readonly path: string,
    readonly bytesSent: number,
  ) {
    super();
    const intendedAt = timing.intendedAt;
    // Never later than the actual start: a plan a hair in the future (clock reads on another
    // thread) must not make the corrected latency shorter than the uncorrected one.
    this.intendedAt =
      intendedAt === undefined
        ? this.startedAt
        : Math.min(intendedAt - TIME_ORIGIN, this.startedAt);
    this.keepBody = !(options?.discardResponseBody ?? context.discardBodies);
    const limit = options?.maxResponseBodySize;
    this.bodyLimit = limit === undefined ? context.maxBodyBytes : requestBodyLimit(limit);
  }

  /**
   * Sends `request` through `pool`; the promise resolves with this exchange once it is done, or
   * once `timeoutMs` (0: none) has passed since the exchange was created — queue time included.
   */
  start(
    pool: ConnectionPool,
    request: Dispatcher.DispatchOptions,
    timeoutMs: number,
  ): Promise<HttpResponse> {
    const promise = new Promise<HttpResponse>(capture);
    this.resolve = capturedResolve;
    this.reject = capturedReject;
    this.request = request;
    this.pool = pool;
    this.timeoutMs = timeoutMs;
    this.deadline = this.startedAt + timeoutMs;
    pool.dispatch(this);
    return promise;
  }

  /**
   * The pool's sweep: the deadline has passed. A request undici is sending is aborted (undici
   * fails it at once and destroys its socket); one still queued, or waiting for undici to write
   * it, fails now — the latter is aborted when undici gets to it.
   */
  expire(): void {
    if (!this.finished) this.abortWith(new RequestTimeoutError(this.timeoutMs));
  }

  /** undici: the request goes on a connection now (maybe one just opened for it). */
  onConnect(abort: (error: Error) => void): void {
    if (this.finished) {
      abort(this.failure as Error);
      return;
    }
    this.abort = abort;
    this.connectedAt = performance.now();
    const stamp = this.context.stamp;
    if (stamp.active) {
      this.connectingUs = stamp.connectingUs;
      this.tlsHandshakingUs = stamp.tlsHandshakingUs;
    }
  }

  /** undici: the response head arrived. */
  onHeaders(
    status: number,
    rawHeaders: Buffer[],
    _resume: () => void,
    statusText: string,
  ): boolean {
    // 1xx informational heads come before the real one.
    if (status < 200) return true;
    this.headersAt = performance.now();
    this.status = status;
    this.statusText = statusText;
    this.rawHeaders = rawHeaders;
    if (this.keepBody) this.refuseAnnouncedBody(status, rawHeaders);
    return true;
  }

  /**
   * undici: a chunk of the response body. A kept body that grows past its limit is dropped and
   * the request aborted; `bytesReceived` counts every chunk, kept or not.
   */
  onData(chunk: Buffer): boolean {
    this.bytesReceived += chunk.length;
    if (!this.keepBody) return true;
    if (this.bytesReceived > this.bodyLimit) {
      this.dropBody();
      this.abortWith(new ResponseBodyTooLargeError(this.bodyLimit));
      return false;
    }
    this.keepChunk(chunk);
    return true;
  }

  /** undici: the response is complete. */
  onComplete(): void {
    if (this.finished) return;
    this.bytesReceived += responseHeadBytes(this.rawHeaders, this.statusText);
    this.expected = this.isExpected(this.status);
    this.errorClass = this.expected ? null : classifyStatus(this.status);
    this.finish();
  }

  /** undici: the request failed, before or during the response. */
  onError(error: Error): void {
    if (this.finished) return;
    const failure =
      errorCode(error) === UNDICI_HEADERS_OVERFLOW_CODE
        ? new ResponseHeadersTooLargeError(this.context.maxHeaderSize, error)
        : error;
    const code = errorCode(failure);
    if (isUsageErrorCode(code)) {
      this.finished = true;
      this.pool.settle(this);
      this.reject(usageError(`${this.method} ${this.url}`, error));
      return;
    }
    if (this.rawHeaders !== null) {
      this.bytesReceived += responseHeadBytes(this.rawHeaders, this.statusText);
    }
    this.failure = failure;
    this.failureCode = code;
    this.expected = false;
    this.errorClass = classifyErrorCode(code);
    if (this.errorClass !== 'body_too_large') this.status = 0;
    this.finish();
  }

  get method(): string {
    return this.route.method;
  }

  get name(): string {
    return this.route.name;
  }

  get url(): string {
    return this.origin + this.path;
  }

  get tags(): Readonly<Record<string, string>> {
    return this.options?.tags ?? EMPTY_TAGS;
  }

  get timings(): ResponseTimings {
    return timingsOf(this);
  }

  /** Fails the request at once when its head announces a body over the limit. */
  private refuseAnnouncedBody(status: number, rawHeaders: Buffer[]): void {
    // These have no body whatever their Content-Length says.
    if (status === 204 || status === 304 || this.route.method === 'HEAD') return;
    const announced = contentLength(rawHeaders);
    if (announced > this.bodyLimit) {
      this.abortWith(new ResponseBodyTooLargeError(this.bodyLimit, announced));
    }
  }

  /** Aborts the request with `error` (undici fails it at once), or fails it if not yet sent. */
  private abortWith(error: Error): void {
    this.abort?.(error);
    if (!this.finished) this.onError(error);
  }

  private isExpected(status: number): boolean {
    const expected = this.options?.expectedStatus;
    if (expected === undefined) return this.context.expected[status] === 1;
    return typeof expected === 'number' ? status === expected : expected.includes(status);
  }

  // Each phase ends where the next begins; a phase never reached ends when the request did.
  // `sendingUs` stays 0 and `waitingUs` includes it: undici's `onRequestSent` fires as soon as
  // the non-blocking `socket.write` returns, so it would time a syscall, not the network, at
  // the price of one more clock read (0.1–0.3 µs) per request.
  private finish(): void {
    this.finished = true;
    const end = performance.now();
    const connected = this.connectedAt || end;
    const headers = this.headersAt || end;
    this.durationUs = (end - this.intendedAt) * 1000;
    this.uncorrectedUs = (end - connected) * 1000;
    this.blockedUs = (connected - this.startedAt) * 1000;
    this.waitingUs = (headers - connected) * 1000;
    this.receivingUs = (end - headers) * 1000;
    this.timing.intendedAt = undefined;
    this.pool.settle(this);
    this.resolve(this);
    this.route.recorder.record(this);
  }
}
