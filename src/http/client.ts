import { type Dispatcher, errors } from 'undici';
import { parseDuration } from '../core/duration.js';
import { isLaunchdayError, LaunchdayError } from '../core/errors.js';
import type { RequestRecorderFactory } from '../metrics/types.js';
import { usageError } from './classify.js';
import { ConnectionPool } from './connection-pool.js';
import { createConnectStamp, timedConnector } from './connector.js';
import { Exchange, type ExchangeContext } from './exchange.js';
import { expectedStatusTable, resolveHttpOptions } from './options.js';
import { isJsonBody, requestBody } from './request-body.js';
import { RequestHeaders } from './request-headers.js';
import { requestPath } from './request-path.js';
import { WorkloadRoutes } from './routes.js';
import { defaultRequestName, TargetCache } from './targets.js';
import type {
  HttpClientOptions,
  HttpOptions,
  HttpResponse,
  IterationTiming,
  RequestOptions,
} from './types.js';

const METHODS = new Map(
  ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].flatMap((m) => [
    [m, m],
    [m.toLowerCase(), m],
  ]),
);
// `content-length: ` and its CRLF, added by undici to requests with a body.
const CONTENT_LENGTH_BYTES = 18;

/**
 * The HTTP layer of one worker thread: a pool of keep-alive undici connections per origin
 * (created on first use), requests dispatched with a handler that measures k6's timings, and
 * every outcome — network errors, timeouts, error statuses included — returned as data and
 * recorded once.
 */
export class HttpClient {
  /** The options in force, defaults filled in. */
  readonly options: HttpOptions;
  private readonly pools = new Map<string, ConnectionPool>();
  private readonly workloads = new Map<string, WorkloadRoutes>();
  private readonly targets: TargetCache;
  private readonly headers: RequestHeaders;
  private readonly context: ExchangeContext;
  private closed = false;

  /** `recorders` hands out the recorder of each workload, request name and method. */
  constructor(
    options: HttpClientOptions,
    private readonly recorders: RequestRecorderFactory,
  ) {
    const { allowedHosts = [], ...httpOptions } = options;
    this.options = resolveHttpOptions(httpOptions);
    this.targets = new TargetCache((origin) => this.pool(origin), allowedHosts);
    this.headers = new RequestHeaders(this.options.userAgent);
    this.context = {
      stamp: createConnectStamp(),
      expected: expectedStatusTable(this.options.expectedStatuses),
      discardBodies: this.options.discardResponseBodies,
      maxBodyBytes: this.options.maxResponseBodySize,
      maxHeaderSize: this.options.maxHeaderSize,
    };
  }

  /**
   * Sends one request of `workload` and resolves with its response once it is complete or has
   * failed; its sample goes to the recorder of (workload, name, method) first. `url` is absolute
   * or a path under `baseUrl`. `payload`, when given, is the body (a string or bytes as they are,
   * anything else as JSON) and wins over `options.json`/`options.body`. `timing.intendedAt` is
   * read at the start and cleared at the end (see {@link IterationTiming}).
   *
   * Never rejects for network errors, timeouts or error statuses; rejects with a coded error
   * only for a bug in the request (invalid URL or header, unserializable body, missing path
   * parameter), a host not allowed, or after {@link HttpClient.close}.
   */
  request(
    workload: string,
    method: string,
    url: string,
    options: RequestOptions | undefined,
    timing: IterationTiming,
    baseUrl?: string,
    payload?: unknown,
  ): Promise<HttpResponse> {
    try {
      if (this.closed) throw closedError();
      const verb = METHODS.get(method) ?? method.toUpperCase();
      const target = this.targets.resolve(url, baseUrl);
      const route = this.routes(workload).route(
        verb,
        options?.name ?? defaultRequestName(target, verb),
      );
      const path = options === undefined ? target.path : requestPath(target, options);
      const request = this.dispatchOptions(verb, path, options, payload);
      const timeout =
        options?.timeout === undefined ? this.options.timeoutMs : timeoutMs(options.timeout);
      const bytesSent = target.overheadBytes + this.requestBytes(request);
      const exchange = new Exchange(
        this.context,
        route,
        timing,
        options,
        target.origin,
        path,
        bytesSent,
      );
      return exchange.start(target.pool, request, timeout);
    } catch (error) {
      return Promise.reject(requestError(error, method, url));
    }
  }

  /** Waits for requests in flight, then closes every connection. Later requests reject. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.pools.values()].map((pool) => pool.close()));
  }

  /** Aborts every request in flight (they resolve as failed) and every connection, at once. */
  async destroy(): Promise<void> {
    this.closed = true;
    const error = new errors.ClientDestroyedError();
    await Promise.all([...this.pools.values()].map((pool) => pool.destroy(error)));
  }

  private dispatchOptions(
    method: string,
    path: string,
    options: RequestOptions | undefined,
    payload: unknown,
  ): Dispatcher.DispatchOptions {
    const body = requestBody(payload, options);
    const headers = this.headers.for(options, body !== null && isJsonBody(payload, options));
    return {
      path,
      method,
      headers: headers as string[],
      body,
      // Pipelined requests must not wait for each other's headers (undici's `blocking`).
      blocking: false,
    };
  }

  /** Bytes of the request line's method and path, the headers and the body. */
  private requestBytes(request: Dispatcher.DispatchOptions): number {
    const { method, path, headers, body } = request;
    const bytes = method.length + path.length + this.headers.bytes(headers as string[]);
    if (!(body instanceof Uint8Array)) return bytes;
    return bytes + body.byteLength + CONTENT_LENGTH_BYTES + digits(body.byteLength);
  }

  private routes(workload: string): WorkloadRoutes {
    let routes = this.workloads.get(workload);
    if (routes === undefined) {
      routes = new WorkloadRoutes(workload, this.recorders);
      this.workloads.set(workload, routes);
    }
    return routes;
  }

  private pool(origin: string): ConnectionPool {
    let pool = this.pools.get(origin);
    if (pool === undefined) {
      const { connections, pipelining, keepAliveTimeoutMs, maxHeaderSize } = this.options;
      pool = new ConnectionPool(origin, {
        connections,
        pipelining,
        client: {
          pipelining,
          keepAliveTimeout: keepAliveTimeoutMs,
          keepAliveMaxTimeout: keepAliveTimeoutMs,
          // The pool's sweep enforces the total timeout instead: no timer per request.
          headersTimeout: 0,
          bodyTimeout: 0,
          maxHeaderSize,
          connect: timedConnector(this.context.stamp, { timeout: this.options.connectTimeoutMs }),
        },
      });
      this.pools.set(origin, pool);
    }
    return pool;
  }
}

function timeoutMs(timeout: number | string): number {
  if (typeof timeout === 'string') return parseDuration(timeout, 'timeout');
  if (Number.isFinite(timeout) && timeout >= 0) return timeout;
  throw new LaunchdayError(
    'LAUNCHDAY_ERR_INVALID_SCENARIO',
    `timeout: ${timeout} is not a duration`,
    {
      hint: "give the timeout in ms (e.g. 2000) or as a duration string (e.g. '2s')",
      issues: [{ path: 'timeout', message: `${timeout} is not a duration` }],
    },
  );
}

function digits(n: number): number {
  return n < 10 ? 1 : Math.floor(Math.log10(n)) + 1;
}

function closedError(): LaunchdayError {
  return new LaunchdayError('LAUNCHDAY_ERR_INTERNAL', 'request after the HTTP client was closed', {
    hint: 'this is a bug in launchday: the engine must stop iterations before closing the client',
  });
}

function requestError(error: unknown, method: string, url: string): LaunchdayError {
  const where = `${method} ${url}`;
  if (!isLaunchdayError(error)) {
    return usageError(where, error instanceof Error ? error : new Error(String(error)));
  }
  const { code, message, hint, issues } = error;
  return new LaunchdayError(code, `${where}: ${message}`, { hint, issues, cause: error });
}
