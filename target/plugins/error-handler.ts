import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError, type ApiErrorCode } from '../errors.js';

/** Options of {@link errorHandlerPlugin}. */
export interface ErrorHandlerOptions {
  /** The Retry-After of a 503 `overloaded` raised by a route (s). */
  readonly retryAfterSeconds: number;
  /** Told about every error that became a 500 `internal`: a bug or a failing dependency. */
  readonly onUnexpected: (error: unknown, request: FastifyRequest) => void;
}

// Fastify's own errors that a client causes, by their code.
const FASTIFY_CODES: Readonly<Record<string, ApiErrorCode>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_VALIDATION: 'validation_failed',
};

// The rest, by status; any other 4xx is a plain `bad_request`.
const BY_STATUS: Readonly<Record<number, ApiErrorCode>> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

/**
 * The one mapping from anything thrown to the API's errors: an {@link ApiError} as it is,
 * Fastify's client errors to their code (invalid JSON 400, body too large 413, media type
 * 415, other 4xx), everything else to 500 `internal` with a message that reveals nothing.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const { code, statusCode, message } = (error ?? {}) as {
    code?: unknown;
    statusCode?: unknown;
    message?: unknown;
  };
  const text = typeof message === 'string' ? message : 'bad request';
  const known = typeof code === 'string' ? FASTIFY_CODES[code] : undefined;
  if (known !== undefined) return new ApiError(known, text);
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return new ApiError(BY_STATUS[statusCode] ?? 'bad_request', text);
  }
  return new ApiError('internal', 'internal error');
}

/**
 * Fastify's `frameworkErrors` option: errors raised before routing (a URL that does not
 * decode, a path parameter too long) get the API's JSON 400 instead of Fastify's own body.
 */
export const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = (
  error,
  _request,
  reply,
) => {
  void sendError(reply as FastifyReply, new ApiError('bad_request', error.message));
};

/**
 * The app's error handler and not-found handler, app-wide: every error answer is a JSON
 * `{ error: { code, message, issues? } }` with the status of its code.
 */
export const errorHandlerPlugin = fp<ErrorHandlerOptions>(
  async (app, options) => {
    app.setErrorHandler((error, request, reply) => {
      const apiError = toApiError(error);
      if (apiError.code === 'internal') options.onUnexpected(error, request);
      if (apiError.code === 'overloaded' && !reply.hasHeader('retry-after')) {
        reply.header('retry-after', String(options.retryAfterSeconds));
      }
      return sendError(reply, apiError);
    });
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.length > 200 ? `${request.url.slice(0, 200)}…` : request.url;
      return sendError(reply, new ApiError('not_found', `no route ${request.method} ${path}`));
    });
  },
  { name: 'launchday-error-handler' },
);

function sendError(reply: FastifyReply, error: ApiError): FastifyReply {
  return reply.code(error.statusCode).type('application/json; charset=utf-8').send(error.toBody());
}

/** Writes one JSON line about an unexpected error to stderr (the app's logger is off). */
export function logUnexpected(error: unknown, context: string): void {
  const detail =
    error instanceof Error
      ? { name: error.name, message: error.message, stack: error.stack }
      : { value: String(error) };
  process.stderr.write(
    `${JSON.stringify({ level: 'error', msg: `unexpected error in ${context}`, err: detail })}\n`,
  );
}
