/** The error codes of the feed service's JSON error bodies, with their HTTP status. */
export const API_ERRORS = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  username_taken: 409,
  idempotency_key_reused: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  fault_injected: 500,
  internal: 500,
  overloaded: 503,
  not_ready: 503,
} as const;

/** A code of {@link API_ERRORS}. */
export type ApiErrorCode = keyof typeof API_ERRORS;

/** The body of every error answer: `{ "error": { "code", "message", "issues"? } }`. */
export interface ApiErrorBody {
  readonly error: {
    readonly code: ApiErrorCode;
    readonly message: string;
    /** For `validation_failed`: each problem with its path (`body.username`). */
    readonly issues?: readonly { readonly path: string; readonly message: string }[];
  };
}

/**
 * An error a route throws to answer with its status and a JSON {@link ApiErrorBody}; the app's
 * error handler turns it into the response.
 */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly statusCode: number;
  readonly issues: ApiErrorBody['error']['issues'];

  constructor(code: ApiErrorCode, message: string, issues?: ApiErrorBody['error']['issues']) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.statusCode = API_ERRORS[code];
    this.issues = issues;
  }

  /** The response body. */
  toBody(): ApiErrorBody {
    const error = { code: this.code, message: this.message };
    return { error: this.issues === undefined ? error : { ...error, issues: this.issues } };
  }
}
