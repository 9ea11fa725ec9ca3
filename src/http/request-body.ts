import { LaunchdayError } from '../core/errors.js';
import type { RequestOptions } from './types.js';

/**
 * The body bytes of a request: `payload` when given (a string or bytes as they are, any other
 * value as JSON), else `options.json` as JSON, else `options.body`. Null when there is none.
 * Throws a coded error for a value JSON cannot encode.
 */
export function requestBody(
  payload: unknown,
  options: RequestOptions | undefined,
): Uint8Array | null {
  if (payload !== undefined) {
    if (typeof payload === 'string') return Buffer.from(payload);
    if (payload instanceof Uint8Array) return payload;
    return encodeJson(payload);
  }
  if (options === undefined) return null;
  if (options.json !== undefined) return encodeJson(options.json);
  const body = options.body;
  if (body === undefined) return null;
  return typeof body === 'string' ? Buffer.from(body) : body;
}

/** Whether {@link requestBody} encodes the body of this call as JSON. */
export function isJsonBody(payload: unknown, options: RequestOptions | undefined): boolean {
  if (payload !== undefined) return typeof payload !== 'string' && !(payload instanceof Uint8Array);
  return options?.json !== undefined;
}

function encodeJson(value: unknown): Buffer {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw notSerializable((error as Error).message, error);
  }
  if (text === undefined) throw notSerializable(`a ${typeof value} has no JSON form`);
  return Buffer.from(text);
}

function notSerializable(why: string, cause?: unknown): LaunchdayError {
  return new LaunchdayError(
    'LAUNCHDAY_ERR_INVALID_SCENARIO',
    `the body cannot be sent as JSON: ${why}`,
    {
      hint: 'send plain data (no BigInt, functions or cycles), or pass a string or Uint8Array as the body',
      issues: [{ path: 'json', message: why }],
      cause,
    },
  );
}
