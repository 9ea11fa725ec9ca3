import { afterEach, describe, expect, it } from 'vitest';
import {
  bearer,
  buildTestApp,
  signUpUser,
  TEST_ADMIN_TOKEN,
  type TestApp,
} from '../test-support.js';

let testApp: TestApp | undefined;

async function start(...args: Parameters<typeof buildTestApp>): Promise<TestApp> {
  testApp = await buildTestApp(...args);
  return testApp;
}

afterEach(async () => {
  await testApp?.close();
  testApp = undefined;
});

const body = (extra: Record<string, unknown> = {}) => ({
  username: 'alice',
  displayName: 'Alice 🐙',
  bio: 'hi',
  password: 'correct horse',
  ...extra,
});

async function userCount(app: TestApp['app']): Promise<number> {
  const response = await app.inject({ url: '/admin/stats', headers: bearer(TEST_ADMIN_TOKEN) });
  return response.json().users;
}

describe('POST /v1/signup', () => {
  it('creates the account and answers 201 with the user, a token and the import', async () => {
    const { app } = await start();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/signup',
      payload: body({ follows: ['bob', 'carol'] }),
    });
    expect(response.statusCode).toBe(201);
    const answer = response.json();
    expect(answer.user).toMatchObject({
      username: 'alice',
      displayName: 'Alice 🐙',
      bio: 'hi',
      followers: 0,
    });
    expect(answer.user).not.toHaveProperty('passwordHash');
    expect(answer.followImport).toEqual({ requested: 2, pending: 2 });
    const me = await app.inject({ url: '/v1/me', headers: bearer(answer.token) });
    expect(me.json()).toEqual(answer.user);
  });

  it('refuses invalid fields, each with its path', async () => {
    const { app } = await start({ importCap: 2 });
    const response = await app.inject({
      method: 'POST',
      url: '/v1/signup',
      payload: {
        username: 'a b',
        displayName: '',
        bio: 'x'.repeat(161),
        password: 'short',
        follows: ['ok_1', 'x'],
        admin: true,
      },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.username',
        'body.displayName',
        'body.bio',
        'body.password',
        'body.follows.1',
        'body.admin',
      ]),
    );
    const overCap = await app.inject({
      method: 'POST',
      url: '/v1/signup',
      payload: body({ follows: ['one', 'two', 'three'] }),
    });
    expect(overCap.json().error.issues[0].path).toBe('body.follows');
    expect(await userCount(app)).toBe(0);
  });

  it('counts characters as code points: 50 emoji make a valid display name, 51 do not', async () => {
    const { app } = await start();
    const ok = await app.inject({
      method: 'POST',
      url: '/v1/signup',
      payload: body({ displayName: '🙂'.repeat(50) }),
    });
    expect(ok.statusCode).toBe(201);
    const tooLong = await app.inject({
      method: 'POST',
      url: '/v1/signup',
      payload: body({ username: 'bob', displayName: '🙂'.repeat(51) }),
    });
    expect(tooLong.statusCode).toBe(400);
  });

  it('answers 409 username_taken for a taken username', async () => {
    const { app } = await start();
    await signUpUser(app, 'ALICE');
    const response = await app.inject({ method: 'POST', url: '/v1/signup', payload: body() });
    expect([response.statusCode, response.json().error.code]).toEqual([409, 'username_taken']);
  });

  it('replays a retried sign-up with the same Idempotency-Key, even when the two race', async () => {
    const { app } = await start();
    const send = () =>
      app.inject({
        method: 'POST',
        url: '/v1/signup',
        headers: { 'idempotency-key': 'k-1' },
        payload: body({ follows: ['bob'] }),
      });
    const [first, second] = await Promise.all([send(), send()]);
    const third = await send();
    for (const response of [first, second, third]) expect(response.statusCode).toBe(201);
    const ids = [first, second, third].map((response) => response.json().user.id);
    expect(new Set(ids).size).toBe(1);
    const replayed = [first, second, third].map(
      (response) => response.headers['idempotent-replayed'],
    );
    expect(replayed.filter((value) => value === 'true')).toHaveLength(2);
    expect(third.json().followImport).toEqual({ requested: 1, pending: 1 });
    expect(await userCount(app)).toBe(1);
  });

  it('answers 422 when the key comes back with another body or password', async () => {
    const { app } = await start();
    const send = (payload: object) =>
      app.inject({
        method: 'POST',
        url: '/v1/signup',
        headers: { 'idempotency-key': 'k-2' },
        payload,
      });
    expect((await send(body())).statusCode).toBe(201);
    for (const other of [body({ bio: 'changed' }), body({ password: 'another password' })]) {
      const response = await send(other);
      expect([response.statusCode, response.json().error.code]).toEqual([
        422,
        'idempotency_key_reused',
      ]);
    }
  });

  it('refuses a malformed Idempotency-Key', async () => {
    const { app } = await start();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/signup',
      headers: { 'idempotency-key': 'x'.repeat(256) },
      payload: body(),
    });
    expect(response.json().error.issues[0].path).toBe('headers.idempotency-key');
  });

  it('answers 503 overloaded with Retry-After, writing nothing, when the job queue is full', async () => {
    const { app } = await start({ jobQueueCapacity: 1, retryAfterSeconds: 3 });
    const response = await app.inject({
      method: 'POST',
      url: '/v1/signup',
      payload: body({ follows: ['bob'] }),
    });
    expect([response.statusCode, response.json().error.code]).toEqual([503, 'overloaded']);
    expect(response.headers['retry-after']).toBe('3');
    expect(await userCount(app)).toBe(0);
  });
});

describe('POST /v1/login', () => {
  it('answers a token for the right password', async () => {
    const { app } = await start();
    const { user } = await signUpUser(app, 'alice');
    const response = await app.inject({
      method: 'POST',
      url: '/v1/login',
      payload: { username: 'alice', password: 'password123' },
    });
    expect(response.statusCode).toBe(200);
    const me = await app.inject({ url: '/v1/me', headers: bearer(response.json().token) });
    expect(me.json().id).toBe(user.id);
  });

  it('answers 401 with one message for an unknown user and a wrong password', async () => {
    const { app } = await start();
    await signUpUser(app, 'alice');
    const wrong = await app.inject({
      method: 'POST',
      url: '/v1/login',
      payload: { username: 'alice', password: 'nope-nope' },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/v1/login',
      payload: { username: 'nobody', password: 'password123' },
    });
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json()).toEqual(unknown.json());
  });
});

describe('GET /v1/me', () => {
  it('answers 401 without a token, with a tampered one and with an expired one', async () => {
    let now = Date.parse('2024-01-01T00:00:00Z');
    const { app } = await start({ tokenTtlSeconds: 60 }, { now: () => now });
    const { token } = await signUpUser(app, 'alice');
    expect((await app.inject({ url: '/v1/me', headers: bearer(token) })).statusCode).toBe(200);
    const tampered = token.replace(/\.(\d+)\./, (_, id) => `.${Number(id) + 1}.`);
    for (const headers of [
      {},
      bearer(tampered),
      { authorization: `Basic ${token}` },
      bearer('garbage'),
    ]) {
      const response = await app.inject({ url: '/v1/me', headers });
      expect([response.statusCode, response.json().error.code]).toEqual([401, 'unauthorized']);
    }
    now += 61_000;
    expect((await app.inject({ url: '/v1/me', headers: bearer(token) })).statusCode).toBe(401);
  });
});
