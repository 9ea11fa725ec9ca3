import type { K6Response } from 'k6/http';
import { describe, expect, it } from 'vitest';
import { k6Request, launchdayResponse } from './k6-request.js';

const session = {
  baseUrl: 'http://127.0.0.1:8080/',
  timeoutMs: 60_000,
  expectedStatuses: [{ min: 200, max: 399 }],
};

function k6Response(overrides: Partial<K6Response> = {}): K6Response {
  return {
    status: 200,
    headers: { 'Content-Type': 'application/json', 'Idempotent-Replayed': 'true' },
    body: '{"id":7}',
    error: '',
    error_code: 0,
    url: 'http://127.0.0.1:8080/v1/posts',
    timings: {
      blocked: 0,
      connecting: 0,
      tls_handshaking: 0,
      sending: 0.1,
      waiting: 2,
      receiving: 0.2,
      duration: 2.3,
    },
    ...overrides,
  };
}

describe('k6Request', () => {
  it('fills path parameters and the query, joins the base URL and tags the default name', () => {
    const request = k6Request(
      'GET',
      '/v1/users/:id/posts',
      undefined,
      { pathParams: { id: 'a b' }, query: { cursor: 'x/y', n: 2 }, tags: { tier: 'gold' } },
      session,
    );
    expect(request.url).toBe('http://127.0.0.1:8080/v1/users/a%20b/posts?cursor=x%2Fy&n=2');
    expect(request.name).toBe('GET /v1/users/:id/posts');
    expect(request.params).toEqual({
      headers: {},
      tags: { tier: 'gold', name: 'GET /v1/users/:id/posts' },
      timeout: 60_000,
    });
    expect(request.body).toBeNull();
  });

  it('sends a payload or json as JSON with a content type, a string payload or body as is', () => {
    const post = k6Request('POST', '/v1/posts', { text: 'hi' }, { name: 'post' }, session);
    expect(post.body).toBe('{"text":"hi"}');
    expect(post.params.headers).toEqual({ 'content-type': 'application/json' });
    expect(post.params.tags).toEqual({ name: 'post' });
    const json = k6Request(
      'PUT',
      '/x',
      undefined,
      { json: 'text', headers: { 'Content-Type': 'text/x' } },
      session,
    );
    expect(json.body).toBe('"text"');
    expect(json.params.headers).toEqual({ 'Content-Type': 'text/x' });
    expect(k6Request('POST', '/x', 'raw', {}, session).body).toBe('raw');
    const body = k6Request('POST', '/x', undefined, { body: new Uint8Array([1, 2]) }, session);
    expect(new Uint8Array(body.body as ArrayBuffer)).toEqual(new Uint8Array([1, 2]));
  });

  it('maps timeout, discardResponseBody and expectedStatus; leaves absolute URLs alone', () => {
    const request = k6Request(
      'DELETE',
      'https://example.com/a',
      undefined,
      { timeout: '2s', discardResponseBody: true, expectedStatus: [204, 404] },
      session,
    );
    expect(request.url).toBe('https://example.com/a');
    expect(request.params).toMatchObject({ timeout: '2s', responseType: 'none' });
    expect(request.expected).toEqual([204, 404]);
    expect(request.ownExpected).toBe(true);
  });

  it('refuses maxResponseBodySize, which k6 has no equivalent for', () => {
    expect(() =>
      k6Request('GET', '/feed', undefined, { maxResponseBodySize: '1MB' }, session),
    ).toThrow(/maxResponseBodySize has no k6 equivalent/);
  });
});

describe('launchdayResponse', () => {
  it('lower-cases the headers and parses the body', () => {
    const request = k6Request('POST', '/v1/posts', {}, { name: 'post' }, session);
    const res = launchdayResponse(k6Response({ status: 201 }), request);
    expect(res).toMatchObject({ status: 201, ok: true, error: null, name: 'post', method: 'POST' });
    expect(res.headers['idempotent-replayed']).toBe('true');
    expect(res.json()).toEqual({ id: 7 });
  });

  it.each([
    [503, 1500, 'http_5xx'],
    [404, 1404, 'http_4xx'],
    [0, 1050, 'timeout'],
    [0, 1212, 'connect'],
    [0, 1220, 'reset'],
    [0, 1101, 'dns'],
  ])('classes status %i with k6 error %i as %s', (status, code, errorClass) => {
    const request = k6Request('GET', '/v1/feed', undefined, {}, session);
    const res = launchdayResponse(
      k6Response({ status, error_code: code, error: 'failed', body: '' }),
      request,
    );
    expect(res.ok).toBe(false);
    expect(res.error).toEqual({ class: errorClass, code: `K6_${code}`, message: 'failed' });
    expect(() => res.json()).toThrow(/GET .* \(GET \/v1\/feed\): the body is not JSON/);
  });
});
