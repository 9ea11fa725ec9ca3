import type { Dispatcher } from 'undici';
import type { ErrorClass, RequestSample } from '../metrics/types.js';
import {
  classifyErrorCode,
  classifyStatus,
  errorCode,
  isUsageErrorCode,
  usageError,
} from './classify.js';
import type { Connection, ConnectionPool, PooledRequest } from './connection-pool.js';
import type { ConnectStamp } from './connector.js';
import { RequestTimeoutError } from './request-timeout.js';
import {
  bodyText,
  notJsonError,
  parseRawHeaders,
  responseHeadBytes,
  statusError,
  timingsOf,
  transportError,
} from './response-data.js';
import type { Route } from './routes.js';
import type { Expiring } from './timeout-sweep.js';
import type {
  HttpError,
  HttpResponse,
  IterationTiming,
  RequestOptions,
  ResponseTimings,
} from './types.js';

/** What every exchange of one HTTP client shares. */
export interface ExchangeContext {
  readonly stamp: ConnectStamp;
  /** `expected[status] === 1` for the client's expected statuses. */
  readonly expected: Uint8Array;
  readonly discardBodies: boolean;
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
export class Exchange implements RequestSample, HttpResponse, PooledRequest {
  status = 0;
  errorClass: ErrorClass | null = null;
  expected = false;
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
  private connectedAt = 0;
  private headersAt = 0;
  private statusText = '';
  private rawHeaders: Buffer[] | null = null;
  private firstChunk: Buffer | null = null;
  private moreChunks: Buffer[] | null = null;
  private failure: unknown = null;
  private failureCode = '';
  private pool!: ConnectionPool;
  private abort: ((error: Error) => void) | null = null;
  private parsedHeaders: Record<string, string> | null = null;
  private decodedText: string | null = null;
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
    const intendedAt = timing.intendedAt;
    // Never later than the actual start: a plan a hair in the future (clock reads on another
    // thread) must not make the corrected latency shorter than the uncorrected one.
    this.intendedAt =
      intendedAt === undefined
        ? this.startedAt
        : Math.min(intendedAt - TIME_ORIGIN, this.startedAt);
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
    if (this.finished) return;
    const error = new RequestTimeoutError(this.timeoutMs);
    this.abort?.(error);
    if (!this.finished) this.onError(error);
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
    return true;
  }

  /** undici: a chunk of the response body. */
  onData(chunk: Buffer): boolean {
    this.bytesReceived += chunk.length;
    if (this.context.discardBodies) return true;
    if (this.firstChunk === null) this.firstChunk = chunk;
    else if (this.moreChunks === null) this.moreChunks = [chunk];
    else this.moreChunks.push(chunk);
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
    const code = errorCode(error);
    if (isUsageErrorCode(code)) {
      this.finished = true;
      this.pool.settle(this);
      this.reject(usageError(`${this.method} ${this.url}`, error));
      return;
    }
    if (this.rawHeaders !== null) {
      this.bytesReceived += responseHeadBytes(this.rawHeaders, this.statusText);
    }
    this.failure = error;
    this.failureCode = code;
    this.status = 0;
    this.expected = false;
    this.errorClass = classifyErrorCode(code);
    this.finish();
  }

  get ok(): boolean {
    return this.expected && this.errorClass === null;
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

  get headers(): Readonly<Record<string, string>> {
    this.parsedHeaders ??= parseRawHeaders(this.rawHeaders);
    return this.parsedHeaders;
  }

  get text(): string {
    this.decodedText ??= bodyText(this.firstChunk, this.moreChunks);
    return this.decodedText;
  }

  json<T = unknown>(): T {
    const text = this.text;
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw notJsonError(`${this.method} ${this.url} (status ${this.status})`, text, error);
    }
  }

  get error(): HttpError | null {
    const errorClass = this.errorClass;
    if (errorClass === null) return null;
    if (this.failure !== null) return transportError(errorClass, this.failure, this.failureCode);
    return statusError(errorClass, this.status, this.statusText);
  }

  get timings(): ResponseTimings {
    return timingsOf(this);
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
