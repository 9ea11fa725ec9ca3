import type { K6Params, K6Response } from 'k6/http';
import { requestPath } from '../../../http/request-path.js';
import type { Target } from '../../../http/targets.js';
import type { HttpResponse, RequestOptions, StatusRange } from '../../../http/types.js';
import type { ErrorClass } from '../../../metrics/types.js';

/** The session-wide request settings: where relative URLs go, the defaults of every request. */
export interface K6SessionOptions {
  readonly baseUrl: string | undefined;
  readonly timeoutMs: number;
  readonly expectedStatuses: ReadonlyArray<number | StatusRange>;
}

/** One launchday request as k6/http's `request(method, url, body, params)` takes it. */
export interface K6Request {
  readonly method: string;
  readonly url: string;
  readonly body: string | ArrayBuffer | null;
  /** k6's params, without the response callback (the session adds it from `expected`). */
  readonly params: K6Params;
  /** The `name` tag: the journey's, or launchday's default `${METHOD} ${url as written}`. */
  readonly name: string;
  /** The request's own `tags` option (what `res.tags` shows). */
  readonly tags: Readonly<Record<string, string>>;
  /** The statuses counted as expected for this request. */
  readonly expected: ReadonlyArray<number | StatusRange>;
  /** True when the request set `expectedStatus` (k6 then needs its own response callback). */
  readonly ownExpected: boolean;
}

const ABSOLUTE = /^https?:\/\//i;

/**
 * The k6 form of a launchday request (`ctx.http.post(url, payload, options)` and the others):
 * path parameters and query filled in as launchday fills them, relative URLs joined to the base
 * URL, `payload` or `json` sent as JSON with a content-type unless one is given (`body` as is),
 * the `name` tag, the timeout, `discardResponseBody` as `responseType: 'none'`. Throws a
 * TypeError for `maxResponseBodySize`, which k6 has no equivalent for.
 */
export function k6Request(
  method: string,
  url: string,
  payload: unknown,
  options: RequestOptions,
  session: K6SessionOptions,
): K6Request {
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
    timeout: options.timeout ?? session.timeoutMs,
    ...(options.discardResponseBody === true && { responseType: 'none' as const }),
  };
  const expected = [options.expectedStatus ?? session.expectedStatuses].flat();
  return {
    method,
    url: fullUrl(url, options, session.baseUrl),
    body,
    params,
    name,
    tags: options.tags ?? {},
    expected,
    ownExpected: options.expectedStatus !== undefined,
  };
}

/** launchday's response from k6's: lower-case header names, the body as text, `ok`, `error`. */
export function launchdayResponse(res: K6Response, request: K6Request): HttpResponse {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(res.headers)) headers[key.toLowerCase()] = value;
  const text = typeof res.body === 'string' ? res.body : '';
  const expected = res.status !== 0 && isExpected(res.status, request.expected);
  return {
    status: res.status,
    ok: expected,
    headers,
    text,
    json<T>(): T {
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new Error(`${request.method} ${res.url} (${request.name}): the body is not JSON`);
      }
    },
    error: expected
      ? null
      : { class: errorClass(res), code: `K6_${res.error_code}`, message: res.error },
    timings: res.timings,
    url: res.url,
    name: request.name,
    method: request.method,
    tags: request.tags,
  };
}

function fullUrl(url: string, options: RequestOptions, baseUrl: string | undefined): string {
  // requestPath reads only these fields of a target: the URL as written, with its query index.
  const target = { path: url, queryAt: url.indexOf('?'), template: url, parts: undefined };
  const path = requestPath(target as unknown as Target, options);
  if (ABSOLUTE.test(path) || baseUrl === undefined) return path;
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** The body as launchday's `requestBody` sends it: a payload or `json` as JSON, `body` as is. */
function encodeBody(
  payload: unknown,
  options: RequestOptions,
): { body: string | ArrayBuffer | null; json: boolean } {
  if (payload === undefined && options.json === undefined) {
    const raw = options.body;
    if (raw === undefined) return { body: null, json: false };
    return { body: typeof raw === 'string' ? raw : raw.slice().buffer, json: false };
  }
  const value = payload !== undefined ? payload : options.json;
  if (payload !== undefined && typeof value === 'string') return { body: value, json: false };
  if (payload !== undefined && value instanceof Uint8Array) {
    return { body: value.slice().buffer, json: false };
  }
  return { body: JSON.stringify(value), json: true };
}

function isExpected(status: number, expected: ReadonlyArray<number | StatusRange>): boolean {
  return expected.some((e) =>
    typeof e === 'number' ? status === e : status >= e.min && status <= e.max,
  );
}

/** launchday's error class of a failed k6 response (k6's codes: 1050 timeout, 11xx DNS, 12xx TCP). */
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
