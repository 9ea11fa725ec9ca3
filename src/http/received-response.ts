import type { ErrorClass } from '../metrics/types.js';
import {
  bodyText,
  notJsonError,
  parseRawHeaders,
  statusError,
  transportError,
} from './response-data.js';
import type { HttpError, HttpResponse, ResponseTimings } from './types.js';

/**
 * What a journey reads of a request once it is done: the response as received (status, head,
 * the body kept) or why it failed, decoded only when read. The base of the `Exchange`, which
 * fills it in as undici hands the response over.
 */
export abstract class ReceivedResponse implements HttpResponse {
  status = 0;
  errorClass: ErrorClass | null = null;
  expected = false;
  protected statusText = '';
  protected rawHeaders: Buffer[] | null = null;
  protected firstChunk: Buffer | null = null;
  protected moreChunks: Buffer[] | null = null;
  protected failure: unknown = null;
  protected failureCode = '';
  private parsedHeaders: Record<string, string> | null = null;
  private decodedText: string | null = null;

  abstract get method(): string;
  abstract get name(): string;
  abstract get url(): string;
  abstract get tags(): Readonly<Record<string, string>>;
  abstract get timings(): ResponseTimings;

  get ok(): boolean {
    return this.expected && this.errorClass === null;
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

  /** Keeps one more chunk of the body. */
  protected keepChunk(chunk: Buffer): void {
    if (this.firstChunk === null) this.firstChunk = chunk;
    else if (this.moreChunks === null) this.moreChunks = [chunk];
    else this.moreChunks.push(chunk);
  }

  /** Forgets the body kept so far. */
  protected dropBody(): void {
    this.firstChunk = this.moreChunks = null;
  }
}
