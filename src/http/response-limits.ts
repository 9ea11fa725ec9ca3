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

const CONTENT_LENGTH = Buffer.from('content-length');

/**
 * The `Content-Length` of raw response headers (`[name, value, ...]`), or -1 when there is
 * none or it is not a number. Runs per response: names are compared byte by byte (any case) and
 * the value parsed from its digits, so it allocates nothing.
 */
export function contentLength(raw: readonly Buffer[]): number {
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (isContentLength(raw[i]!)) return digitsValue(raw[i + 1]!);
  }
  return -1;
}

function isContentLength(name: Buffer): boolean {
  if (name.length !== CONTENT_LENGTH.length) return false;
  for (let i = 0; i < name.length; i++) {
    // ASCII letters differ from their capitals by bit 0x20; '-' is 0x2d either way.
    if ((name[i]! | 0x20) !== CONTENT_LENGTH[i]) return false;
  }
  return true;
}

/**
 * The decimal number of `value`, spaces around it allowed; -1 when it is not one. Past 2^53 it
 * is approximate, and still larger than any limit.
 */
function digitsValue(value: Buffer): number {
  let start = 0;
  let end = value.length;
  while (start < end && value[start] === 0x20) start++;
  while (end > start && value[end - 1] === 0x20) end--;
  if (start === end) return -1;
  let length = 0;
  for (let i = start; i < end; i++) {
    const digit = value[i]! - 0x30;
    if (digit < 0 || digit > 9) return -1;
    length = length * 10 + digit;
  }
  return length;
}
