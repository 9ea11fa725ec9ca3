import { LaunchdayError } from '../core/errors.js';
import type { ErrorClass } from '../metrics/types.js';
import { REQUEST_TIMEOUT_CODE } from './request-timeout.js';
import { BODY_TOO_LARGE_CODE, HEADERS_TOO_LARGE_CODE } from './response-limits.js';

const CLASS_BY_CODE: Readonly<Record<string, ErrorClass>> = {
  [REQUEST_TIMEOUT_CODE]: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  ETIMEDOUT: 'timeout',
  ECONNREFUSED: 'connect',
  EHOSTUNREACH: 'connect',
  ENETUNREACH: 'connect',
  EADDRNOTAVAIL: 'connect',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ECONNABORTED: 'reset',
  UND_ERR_SOCKET: 'reset',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_FAIL: 'dns',
  EAI_NODATA: 'dns',
  [BODY_TOO_LARGE_CODE]: 'body_too_large',
  [HEADERS_TOO_LARGE_CODE]: 'headers_too_large',
};

/**
 * The code of a transport error: its own `code`, else the first coded error it aggregates
 * (Node's happy-eyeballs connect reports an `AggregateError` of one error per address).
 */
export function errorCode(error: unknown): string {
  if (error === null || typeof error !== 'object') return 'ERR_UNKNOWN';
  const { code, errors } = error as { code?: unknown; errors?: unknown };
  if (typeof code === 'string') return code;
  if (Array.isArray(errors) && errors.length > 0) return errorCode(errors[0]);
  return 'ERR_UNKNOWN';
}

/**
 * The class of a failed request, from the error's code (see {@link errorCode}): timeouts,
 * refused connections, resets, DNS failures, responses over the size limits, anything else
 * `other`.
 */
export function classifyErrorCode(code: string): ErrorClass {
  return CLASS_BY_CODE[code] ?? 'other';
}

/** The class of a response whose status is not expected: `http_4xx`, `http_5xx` or `other`. */
export function classifyStatus(status: number): ErrorClass {
  if (status >= 400 && status < 500) return 'http_4xx';
  if (status >= 500 && status < 600) return 'http_5xx';
  return 'other';
}

/** undici error codes that mean the request itself is malformed: a bug, not a failure. */
const USAGE_ERROR_CODES = new Set(['UND_ERR_INVALID_ARG', 'UND_ERR_NOT_SUPPORTED']);

/** Whether an error with `code` is a bug in the request (bad header, method...). */
export function isUsageErrorCode(code: string): boolean {
  return USAGE_ERROR_CODES.has(code);
}

/** The coded error a request that undici refused rejects with; `where` names the request. */
export function usageError(where: string, error: Error): LaunchdayError {
  return new LaunchdayError('LAUNCHDAY_ERR_INVALID_SCENARIO', `${where}: ${error.message}`, {
    hint: 'check the method, URL and header names and values of this request',
    issues: [{ path: 'request', message: error.message }],
    cause: error,
  });
}
