import type { HttpClient } from './client.js';
import type { HttpResponse, IterationTiming, RequestOptions } from './types.js';

/**
 * What a journey sees as `ctx.http`: requests of one VU of one workload, relative URLs resolved
 * against the scenario's base URL, measured with the VU's {@link IterationTiming}. Built once per
 * VU and reused across its iterations. Every method resolves with the response, failures
 * included (see {@link HttpClient.request}).
 */
export class HttpSession {
  /**
   * `timing` is the VU's iteration timing, which the engine updates per iteration; `baseUrl`
   * (e.g. `http://127.0.0.1:8080`) is where relative URLs go.
   */
  constructor(
    private readonly client: HttpClient,
    private readonly workload: string,
    private readonly baseUrl: string | undefined,
    private readonly timing: IterationTiming,
  ) {}

  /** A request with any method. */
  request(method: string, url: string, options?: RequestOptions): Promise<HttpResponse> {
    return this.client.request(this.workload, method, url, options, this.timing, this.baseUrl);
  }

  /** A GET request. */
  get(url: string, options?: RequestOptions): Promise<HttpResponse> {
    return this.client.request(this.workload, 'GET', url, options, this.timing, this.baseUrl);
  }

  /** A DELETE request. */
  delete(url: string, options?: RequestOptions): Promise<HttpResponse> {
    return this.client.request(this.workload, 'DELETE', url, options, this.timing, this.baseUrl);
  }

  /** A POST request; `body` is sent as JSON unless it is a string or a Uint8Array. */
  post(url: string, body?: unknown, options?: RequestOptions): Promise<HttpResponse> {
    return this.withBody('POST', url, body, options);
  }

  /** A PUT request; `body` is sent as JSON unless it is a string or a Uint8Array. */
  put(url: string, body?: unknown, options?: RequestOptions): Promise<HttpResponse> {
    return this.withBody('PUT', url, body, options);
  }

  /** A PATCH request; `body` is sent as JSON unless it is a string or a Uint8Array. */
  patch(url: string, body?: unknown, options?: RequestOptions): Promise<HttpResponse> {
    return this.withBody('PATCH', url, body, options);
  }

  private withBody(
    method: string,
    url: string,
    body: unknown,
    options: RequestOptions | undefined,
  ): Promise<HttpResponse> {
    const { client, workload, timing, baseUrl } = this;
    return client.request(workload, method, url, options, timing, baseUrl, body);
  }
}
