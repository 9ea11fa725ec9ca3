import type { ErrorClass } from '../metrics/types.js';

const CLASS_BY_CODE: Readonly<Record<string, ErrorClass>> = {
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
 * The class of a failure without a response, from the error's code (see {@link errorCode}):
 * timeouts, refused connections, resets, DNS failures, anything else `other`.
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
