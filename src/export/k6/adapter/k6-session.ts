import type { K6Params, K6Response } from 'k6/http';
import http from 'k6/http';
import { requestPath } from '../../../http/request-path.js';
import type { Target } from '../../../http/targets.js';
import type { HttpResponse, RequestOptions, StatusRange } from '../../../http/types.js';
import type { ErrorClass } from '../../../metrics/types.js';

/** What a {@link K6Session} needs besides the request: where relative URLs go, the defaults. */
export interface K6SessionOptions {
  readonly baseUrl: string | undefined;
  readonly timeoutMs: number;
  readonly expectedStatuses: ReadonlyArray<number | StatusRange>;
}

const ABSOLUTE = /^https?:\/\//i;

/**
 * `ctx.http` over k6/http: the same methods and request options as launchday's `HttpSession`,
 * each request tagged `name` (launchday's default name, `${METHOD} ${url as written}`, when the
 * journey gives none) and sent with `http.asyncRequest` where k6 has it (0.43 and later), so
 * journeys awaiting several requests at once overlap them as in launchday. The one request
 * option k6 has no equivalent for, `maxResponseBodySize`, throws a TypeError naming it.
 */
export class K6Session {
  constructor(private readonly options: K6SessionOptions) {}

  /** A request with any method. */
  request(method: string, url: string, options?: RequestOptions): Promise<HttpResponse> {
    return this.send(method, url, undefined, options);
  }

  /** A GET request. */
  get(url: string, options?: RequestOptions): Promise<HttpResponse> {
    return this.send('GET', url, undefined, options);
  }

  /** A DELETE request. */
  delete(url: string, options?: RequestOptions): Promise<HttpResponse> {
    return this.send('DELETE', url, undefined, options);
  }

  /** A POST request; `body` is sent as JSON unless it is a string or a Uint8Array. */
  post(url: string, body?: unknown, options?: RequestOptions): Promise<HttpResponse> {
    return this.send('POST', url, body, options);
  }

  /** A PUT request; `body` is sent as JSON unless it is a string or a Uint8Array. */
  put(url: string, body?: unknown, options?: RequestOptions): Promise<HttpResponse> {
    return this.send('PUT', url, body, options);
  }

  /** A PATCH request; `body` is sent as JSON unless it is a string or a Uint8Array. */
  patch(url: string, body?: unknown, options?: RequestOptions): Promise<HttpResponse> {
    return this.send('PATCH', url, body, options);
  }

  private async send(
    method: string,
    url: string,
    payload: unknown,
    options: RequestOptions = {},
  ): Promise<HttpResponse> {
    if (options.maxResponseBodySize !== undefined) {
      throw new TypeError(
        `${method} ${url}: the request option maxResponseBodySize has no k6 equivalent; remove it to run in k6`,
      );
    }
    const name = options.name ?? `${method} ${url.split('?')[0]}`;
    const { body, json } = encodeBody(payload, options);
    const headers: Record<string, string> = { ...options.headers };
    if (json && !Object.keys(headers).some((key) => key.toLowerCase() === 'content-type')) {
      headers['content-type'] = 'application/json';
    }
    const params: K6Params = {
      headers,
      tags: { ...options.tags, name },
      timeout: options.timeout ?? this.options.timeoutMs,
    };
    if (options.discardResponseBody === true) params.responseType = 'none';
    const expected = options.expectedStatus ?? this.options.expectedStatuses;
    if (options.expectedStatus !== undefined) {
      params.responseCallback = http.expectedStatuses(...[expected].flat());
    }
    const target = this.fullUrl(url, options);
    const res = http.asyncRequest
      ? await http.asyncRequest(method, target, body, params)
      : http.request(method, target, body, params);
    return toResponse(res, { method, name, tags: options.tags ?? {}, expected: [expected].flat() });
  }

  private fullUrl(url: string, options: RequestOptions): string {
    // requestPath reads only these fields of a target: the URL as written, with its query index.
    const target = { path: url, queryAt: url.indexOf('?'), template: url, parts: undefined };
    const path = requestPath(target as unknown as Target, options);
    if (ABSOLUTE.test(path) || this.options.baseUrl === undefined) return path;
    return `${this.options.baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  }
}

function encodeBody(
  payload: unknown,
  options: RequestOptions,
): { body: string | ArrayBuffer | null; json: boolean } {
  const value = payload !== undefined ? payload : (options.json ?? options.body);
  if (value === undefined) return { body: null, json: false };
  if (typeof value === 'string') return { body: value, json: false };
  if (value instanceof Uint8Array) {
    const copy = value.slice();
    return { body: copy.buffer, json: false };
  }
  return { body: JSON.stringify(value), json: true };
}

interface RequestFacts {
  readonly method: string;
  readonly name: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly expected: ReadonlyArray<number | StatusRange>;
}

/** launchday's response shape from k6's: lower-case header names, the body as text. */
function toResponse(res: K6Response, facts: RequestFacts): HttpResponse {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(res.headers)) headers[key.toLowerCase()] = value;
  const text = typeof res.body === 'string' ? res.body : '';
  const expected = res.status !== 0 && isExpected(res.status, facts.expected);
  return {
    status: res.status,
    ok: expected,
    headers,
    text,
    json<T>(): T {
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new Error(`${facts.method} ${res.url} (${facts.name}): the body is not JSON`);
      }
    },
    error: expected
      ? null
      : { class: errorClass(res), code: `K6_${res.error_code}`, message: res.error },
    timings: res.timings,
    url: res.url,
    name: facts.name,
    method: facts.method,
    tags: facts.tags,
  };
}

function isExpected(status: number, expected: ReadonlyArray<number | StatusRange>): boolean {
  return expected.some((e) =>
    typeof e === 'number' ? status === e : status >= e.min && status <= e.max,
  );
}

/** launchday's error class of a failed k6 response (k6 error codes: 1050 timeout, 11xx DNS, 12xx TCP). */
function errorClass(res: K6Response): ErrorClass {
  if (res.status >= 500) return 'http_5xx';
  if (res.status >= 400) return 'http_4xx';
  const code = res.error_code;
  if (code === 1050 || code === 1211) return 'timeout';
  if (code >= 1100 && code < 1200) return 'dns';
  if (code === 1220 || code === 1221) return 'reset';
  if (code >= 1200 && code < 1300) return 'connect';
  return 'other';
}
