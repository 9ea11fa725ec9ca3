import http from 'k6/http';
import type { HttpResponse, RequestOptions } from '../../../http/types.js';
import { type K6SessionOptions, k6Request, launchdayResponse } from './k6-request.js';

/**
 * `ctx.http` over k6/http: the same methods and request options as launchday's `HttpSession`
 * (see {@link k6Request}), each request sent with `http.asyncRequest` where k6 has it (v0.43
 * and later), so journeys awaiting several requests at once overlap them as in launchday.
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
    const request = k6Request(method, url, payload, options, this.options);
    const params = request.ownExpected
      ? { ...request.params, responseCallback: http.expectedStatuses(...request.expected) }
      : request.params;
    const res = http.asyncRequest
      ? await http.asyncRequest(method, request.url, request.body, params)
      : http.request(method, request.url, request.body, params);
    return launchdayResponse(res, request);
  }
}
