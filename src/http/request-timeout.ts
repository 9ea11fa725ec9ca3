/** The code of a request that ran past its total timeout; classified as `timeout`. */
export const REQUEST_TIMEOUT_CODE = 'ERR_REQUEST_TIMEOUT';

/**
 * The failure of a request still not complete `timeoutMs` after it was issued (k6's total
 * request timeout, queue time included). Created by the pool's timeout sweep, at most one per
 * request.
 */
export class RequestTimeoutError extends Error {
  readonly code = REQUEST_TIMEOUT_CODE;

  constructor(timeoutMs: number) {
    super(`request timed out after ${timeoutMs} ms`);
    this.name = 'RequestTimeoutError';
  }
}
