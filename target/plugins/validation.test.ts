import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IdParamSchema, UsernameSchema } from '../feed/schemas.js';
import { errorHandlerPlugin, frameworkErrors } from './error-handler.js';
import { type ZodPlugin, zodValidatorCompiler } from './validation.js';

const unexpected: unknown[] = [];
let app: FastifyInstance;

const routes: ZodPlugin<Record<string, unknown>> = async (instance) => {
  instance.post(
    '/things/:id',
    {
      schema: {
        params: z.strictObject({ id: IdParamSchema }),
        querystring: z.strictObject({ tag: z.string().default('none') }),
        headers: z.looseObject({ 'x-mode': z.enum(['a', 'b']).optional() }),
        body: z.strictObject({ name: UsernameSchema, count: z.int().min(1).default(1) }),
      },
    },
    async (request) => ({
      id: request.params.id,
      tag: request.query.tag,
      mode: request.headers['x-mode'] ?? null,
      body: request.body,
    }),
  );
  instance.get('/boom', async () => {
    throw new Error('a bug');
  });
};

async function build(): Promise<FastifyInstance> {
  const instance = Fastify({ logger: false, bodyLimit: 1024, frameworkErrors });
  instance.setValidatorCompiler(zodValidatorCompiler);
  await instance.register(errorHandlerPlugin, {
    retryAfterSeconds: 1,
    onUnexpected: (error) => unexpected.push(error),
  });
  await instance.register(routes);
  return instance;
}

afterEach(async () => {
  await app?.close();
  unexpected.length = 0;
});

describe('zodValidatorCompiler with the error handler', () => {
  it('hands routes the parsed values, defaults and transforms applied', async () => {
    app = await build();
    const response = await app.inject({
      method: 'POST',
      url: '/things/42',
      headers: { 'x-mode': 'b' },
      payload: { name: 'alice' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      id: 42,
      tag: 'none',
      mode: 'b',
      body: { name: 'alice', count: 1 },
    });
  });

  it('answers 400 validation_failed with every issue and its path, unknown keys included', async () => {
    app = await build();
    const response = await app.inject({
      method: 'POST',
      url: '/things/1',
      payload: { name: 'x', count: 0, extra: true, more: 1 },
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('validation_failed');
    expect(error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual([
      'body.count',
      'body.extra',
      'body.more',
      'body.name',
    ]);
  });

  it('refuses ids beyond 2^53, zero, signs and decimals in paths with 400', async () => {
    app = await build();
    for (const id of ['9007199254740992', '99999999999999999999', '0', '-1', '1.5', '1e3', '01']) {
      const response = await app.inject({
        method: 'POST',
        url: `/things/${id}`,
        payload: { name: 'abc' },
      });
      expect(response.statusCode, id).toBe(400);
      expect(response.json().error.issues[0].path).toBe('params.id');
    }
  });

  it('validates query strings and headers with their part as the path', async () => {
    app = await build();
    const query = await app.inject({
      method: 'POST',
      url: '/things/1?tag=a&tag=b',
      payload: { name: 'abc' },
    });
    expect(query.json().error.issues[0].path).toBe('querystring.tag');
    const unknown = await app.inject({
      method: 'POST',
      url: '/things/1?nope=1',
      payload: { name: 'abc' },
    });
    expect(unknown.json().error.issues[0].path).toBe('querystring.nope');
    const header = await app.inject({
      method: 'POST',
      url: '/things/1',
      headers: { 'x-mode': 'c' },
      payload: { name: 'abc' },
    });
    expect(header.statusCode).toBe(400);
    expect(header.json().error.issues[0].path).toBe('headers.x-mode');
  });

  it('maps Fastify client errors to the API codes', async () => {
    app = await build();
    const send = (payload: string, contentType = 'application/json') =>
      app.inject({
        method: 'POST',
        url: '/things/1',
        headers: { 'content-type': contentType },
        payload,
      });
    expect((await send('{"name":')).json().error.code).toBe('invalid_json');
    expect((await send('')).json().error.code).toBe('invalid_json');
    const tooLarge = await send(JSON.stringify({ name: 'a'.repeat(2000) }));
    expect([tooLarge.statusCode, tooLarge.json().error.code]).toEqual([413, 'payload_too_large']);
    const media = await send('<x/>', 'application/xml');
    expect([media.statusCode, media.json().error.code]).toEqual([415, 'unsupported_media_type']);
    const missing = await app.inject({ method: 'POST', url: '/things/1' });
    expect([missing.statusCode, missing.json().error.code]).toEqual([400, 'validation_failed']);
  });

  it('answers unknown routes 404, undecodable URLs 400, and a bug 500 without detail', async () => {
    app = await build();
    const notFound = await app.inject({ method: 'GET', url: '/nowhere' });
    expect([notFound.statusCode, notFound.json().error.code]).toEqual([404, 'not_found']);
    const badUrl = await app.inject({ method: 'GET', url: '/things/%zz' });
    expect([badUrl.statusCode, badUrl.json().error.code]).toEqual([400, 'bad_request']);
    const bug = await app.inject({ method: 'GET', url: '/boom' });
    expect(bug.statusCode).toBe(500);
    expect(bug.json()).toEqual({ error: { code: 'internal', message: 'internal error' } });
    expect(unexpected).toHaveLength(1);
  });
});
