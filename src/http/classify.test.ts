import { describe, expect, it } from 'vitest';
import { classifyErrorCode, classifyStatus, errorCode } from './classify.js';

describe('error classification', () => {
  it('maps transport error codes to classes', () => {
    expect(classifyErrorCode('UND_ERR_HEADERS_TIMEOUT')).toBe('timeout');
    expect(classifyErrorCode('UND_ERR_BODY_TIMEOUT')).toBe('timeout');
    expect(classifyErrorCode('UND_ERR_CONNECT_TIMEOUT')).toBe('timeout');
    expect(classifyErrorCode('ECONNREFUSED')).toBe('connect');
    expect(classifyErrorCode('ECONNRESET')).toBe('reset');
    expect(classifyErrorCode('EPIPE')).toBe('reset');
    expect(classifyErrorCode('UND_ERR_SOCKET')).toBe('reset');
    expect(classifyErrorCode('ENOTFOUND')).toBe('dns');
    expect(classifyErrorCode('EAI_AGAIN')).toBe('dns');
    expect(classifyErrorCode('UND_ERR_RES_CONTENT_LENGTH_MISMATCH')).toBe('other');
  });

  it('finds the code of aggregated connect errors', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED ::1:80'), {
      code: 'ECONNREFUSED',
    });
    expect(errorCode(new AggregateError([refused]))).toBe('ECONNREFUSED');
    expect(errorCode(new Error('no code'))).toBe('ERR_UNKNOWN');
  });

  it('classes unexpected statuses', () => {
    expect(classifyStatus(404)).toBe('http_4xx');
    expect(classifyStatus(503)).toBe('http_5xx');
    expect(classifyStatus(302)).toBe('other');
  });
});
