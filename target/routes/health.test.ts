import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type TestApp } from '../test-support.js';

let testApp: TestApp | undefined;

afterEach(async () => {
  await testApp?.close();
  testApp = undefined;
});

describe('GET /healthz and /readyz', () => {
  it('are 200 while the store answers', async () => {
    testApp = await buildTestApp();
    expect((await testApp.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await testApp.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });

  it('with a failed store: /readyz 503 not_ready, /healthz 200, reads 500 internal, logged', async () => {
    const { app, deps } = await buildTestApp();
    await app.ready();
    await deps.store.close();
    const ready = await app.inject({ url: '/readyz' });
    expect([ready.statusCode, ready.json().error.code]).toEqual([503, 'not_ready']);
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
    const logged: string[] = [];
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((line) => {
      logged.push(String(line));
      return true;
    });
    const read = await app.inject({ url: '/v1/users/1' }).finally(() => stderr.mockRestore());
    expect(read.json()).toEqual({ error: { code: 'internal', message: 'internal error' } });
    expect(read.statusCode).toBe(500);
    expect(JSON.parse(logged[0]!)).toMatchObject({
      level: 'error',
      msg: 'unexpected error in GET /v1/users/1',
    });
    await app.close();
    deps.faults.close();
  });
});
