import { formatByteSize, parseByteSize } from '../core/byte-size.js';
import type { ByteSize } from './types.js';

/** The code of a request whose response body passed its `maxResponseBodySize`. */
export const BODY_TOO_LARGE_CODE = 'ERR_RESPONSE_BODY_TOO_LARGE';

/** The code of a request whose response head passed the client's `maxHeaderSize`. */
export const HEADERS_TOO_LARGE_CODE = 'ERR_RESPONSE_HEADERS_TOO_LARGE';

/** undici's code for a response head over its `maxHeaderSize`. */
export const UNDICI_HEADERS_OVERFLOW_CODE = 'UND_ERR_HEADERS_OVERFLOW';

/**
 * The failure of a request whose response body was larger than the bytes kept per request,
 * as announced by its `Content-Length` or as received; classified as `body_too_large`.
 */
export class ResponseBodyTooLargeError extends Error {
  readonly code = BODY_TOO_LARGE_CODE;

  constructor(limit: number, announced?: number) {
    const size = announced === undefined ? 'passed' : `is announced as ${announced} bytes, over`;
    super(
      `the response body ${size} the ${formatByteSize(limit)} kept per request; ` +
        'raise maxResponseBodySize (in the scenario http options or in the request options), ' +
        'or discard the body (discardResponseBody)',
    );
    this.name = 'ResponseBodyTooLargeError';
  }
}

/** The failure of a request whose response head passed `maxHeaderSize`: `headers_too_large`. */
export class ResponseHeadersTooLargeError extends Error {
  readonly code = HEADERS_TOO_LARGE_CODE;

  constructor(limit: number, cause: unknown) {
    super(
      `the response headers passed the ${formatByteSize(limit)} limit; ` +
        'raise maxHeaderSize in the scenario http options',
      { cause },
    );
    this.name = 'ResponseHeadersTooLargeError';
  }
}

/** A request's `maxResponseBodySize` in bytes; throws a coded error when it is not a size. */
export function requestBodyLimit(size: ByteSize): number {
  return parseByteSize(size, 'maxResponseBodySize');
}

/**
 * The `Content-Length` of raw response headers (`[name, value, ...]`), or -1 when there is
 * none or it is not a number. Looks at names of its length only, so most headers cost one
 * comparison.
 */
export function contentLength(raw: readonly Buffer[]): number {
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!;
    if (name.length === 14 && name.toString('latin1').toLowerCase() === 'content-length') {
      const length = Number(raw[i + 1]!.toString('latin1'));
      return Number.isSafeInteger(length) ? length : -1;
    }
  }
  return -1;
}
