import type { Dispatcher } from 'undici';
import { LaunchdayError } from '../core/errors.js';
import type { ErrorClass, RequestSample } from '../metrics/types.js';
import { classifyErrorCode, classifyStatus, errorCode } from './classify.js';
import type { Connection, ConnectionPool, PooledRequest } from './connection-pool.js';
import type { ConnectStamp } from './connector.js';
import { bodyText, notJsonError, parseRawHeaders, responseHeadBytes } from './response-data.js';
import type { Route } from './routes.js';
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

/** undici errors that mean the request itself is malformed: a bug in the journey, not a failure. */
const USAGE_ERRORS = new Set(['UND_ERR_INVALID_ARG', 'UND_ERR_NOT_SUPPORTED']);
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
  sendingUs = 0;
  waitingUs = 0;
  receivingUs = 0;
  bytesReceived = 0;
  connection: Connection | null = null;
  request!: Dispatcher.DispatchOptions;

  private readonly startedAt = performance.now();
  private readonly intendedAt: number;
  private connectedAt = 0;
  private sentAt = 0;
  private headersAt = 0;
  private statusText = '';
  private rawHeaders: Buffer[] | null = null;
  private firstChunk: Buffer | null = null;
  private moreChunks: Buffer[] | null = null;
  private failure: unknown = null;
  private failureCode = '';
  private done = false;
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

  /** Sends `request` through `pool`; the promise resolves with this exchange once it is done. */
  start(pool: ConnectionPool, request: Dispatcher.DispatchOptions): Promise<HttpResponse> {
    const promise = new Promise<HttpResponse>(capture);
    this.resolve = capturedResolve;
    this.reject = capturedReject;
    this.request = request;
    pool.dispatch(this);
    return promise;
  }

  onConnect(): void {
    this.connectedAt = performance.now();
    const stamp = this.context.stamp;
    if (stamp.active) {
      this.connectingUs = stamp.connectingUs;
      this.tlsHandshakingUs = stamp.tlsHandshakingUs;
    }
  }

  onRequestSent(): void {
    this.sentAt = performance.now();
  }

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

  onData(chunk: Buffer): boolean {
    this.bytesReceived += chunk.length;
    if (this.context.discardBodies) return true;
    if (this.firstChunk === null) this.firstChunk = chunk;
    else if (this.moreChunks === null) this.moreChunks = [chunk];
    else this.moreChunks.push(chunk);
    return true;
  }

  onComplete(): void {
    if (this.done) return;
    this.bytesReceived += responseHeadBytes(this.rawHeaders, this.statusText);
    this.expected = this.isExpected(this.status);
    this.errorClass = this.expected ? null : classifyStatus(this.status);
    this.finish();
  }

  onError(error: Error): void {
    if (this.done) return;
    const code = errorCode(error);
    if (USAGE_ERRORS.has(code)) {
      this.done = true;
      this.release();
      this.reject(this.usageError(error));
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
    if (this.failure === null) {
      const status = this.status;
      const message = `unexpected status ${status}${this.statusText ? ` ${this.statusText}` : ''}`;
      return { class: errorClass, code: `HTTP_${status}`, message };
    }
    const message = (this.failure as Error).message || this.failureCode;
    return { class: errorClass, code: this.failureCode, message };
  }

  get timings(): ResponseTimings {
    return {
      blocked: this.blockedUs / 1000,
      connecting: this.connectingUs / 1000,
      tls_handshaking: this.tlsHandshakingUs / 1000,
      sending: this.sendingUs / 1000,
      waiting: this.waitingUs / 1000,
      receiving: this.receivingUs / 1000,
      duration: this.durationUs / 1000,
    };
  }

  private isExpected(status: number): boolean {
    const expected = this.options?.expectedStatus;
    if (expected === undefined) return this.context.expected[status] === 1;
    return typeof expected === 'number' ? status === expected : expected.includes(status);
  }

  // Each phase ends where the next begins; a phase never reached ends when the request did.
  private finish(): void {
    this.done = true;
    const end = performance.now();
    const connected = this.connectedAt || end;
    const headers = this.headersAt || end;
    const sent = this.sentAt || (this.headersAt ? connected : end);
    this.durationUs = (end - this.intendedAt) * 1000;
    this.uncorrectedUs = (end - this.startedAt) * 1000;
    this.blockedUs = (connected - this.startedAt) * 1000;
    this.sendingUs = (sent - connected) * 1000;
    this.waitingUs = (headers - sent) * 1000;
    this.receivingUs = (end - headers) * 1000;
    this.timing.intendedAt = undefined;
    this.release();
    this.resolve(this);
    this.route.recorder.record(this);
  }

  private release(): void {
    const connection = this.connection;
    if (connection !== null) connection.pool.release(connection);
  }

  private usageError(error: Error): LaunchdayError {
    const message = `${this.method} ${this.url}: ${error.message}`;
    return new LaunchdayError('LAUNCHDAY_ERR_INVALID_SCENARIO', message, {
      hint: 'check the method, URL and header names and values of this request',
      issues: [{ path: 'request', message: error.message }],
      cause: error,
    });
  }
}
