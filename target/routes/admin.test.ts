import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_FAULTS } from '../config.js';
import {
  bearer,
  buildTestApp,
  settleJobs,
  signUpUser,
  TEST_ADMIN_TOKEN,
  type TestApp,
} from '../test-support.js';

let testApp: TestApp;

beforeEach(async () => {
  testApp = await buildTestApp();
});

afterEach(async () => {
  await testApp.close();
});

describe('GET /admin/stats', () => {
  it('needs the admin token: 401 without or with a bad one, 403 with a user’s', async () => {
    const { token } = await signUpUser(testApp.app, 'alice');
    for (const [headers, status] of [
      [{}, 401],
      [bearer('not-a-token'), 401],
      [bearer(token), 403],
    ] as const) {
      const response = await testApp.app.inject({ url: '/admin/stats', headers });
      expect(response.statusCode).toBe(status);
    }
  });

  it('counts users, posts, follows, likes, pending follows and jobs', async () => {
    const alice = await signUpUser(testApp.app, 'alice', { follows: ['nobody_yet'] });
    const bob = await signUpUser(testApp.app, 'bob');
    await testApp.app.inject({
      method: 'POST',
      url: `/v1/follows/${bob.user.id}`,
      headers: bearer(alice.token),
    });
    const post = await testApp.app.inject({
      method: 'POST',
      url: '/v1/posts',
      headers: bearer(bob.token),
      payload: { text: 'hi' },
    });
    await testApp.app.inject({
      method: 'POST',
      url: `/v1/posts/${post.json().id}/like`,
      headers: bearer(alice.token),
    });
    const response = await testApp.app.inject({
      url: '/admin/stats',
      headers: bearer(TEST_ADMIN_TOKEN),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      users: 2,
      posts: 1,
      follows: 1,
      likes: 1,
      pendingFollows: 1,
      resolvablePendingFollows: 0,
    });
    expect(response.json().jobs).toEqual({
      queued: expect.any(Number),
      running: expect.any(Number),
    });
  });

  it('counts a pending follow whose followee joined without its fan-in job', async () => {
    await signUpUser(testApp.app, 'fan', { follows: ['star', 'ghost'] });
    await settleJobs(testApp.app);
    // Written to the store directly, as a worker that died before queueing the job would.
    await testApp.deps.store.createUser({
      username: 'Star',
      displayName: 'Star',
      bio: '',
      passwordHash: 'scrypt$1$c2FsdA$a2V5',
      follows: [],
      createdAt: 0,
    });
    const response = await testApp.app.inject({
      url: '/admin/stats',
      headers: bearer(TEST_ADMIN_TOKEN),
    });
    expect(response.json()).toMatchObject({ pendingFollows: 2, resolvablePendingFollows: 1 });
  });
});

describe('POST /admin/verify', () => {
  async function verify(
    payload: unknown,
    headers: Record<string, string> = bearer(TEST_ADMIN_TOKEN),
  ) {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/admin/verify',
      headers,
      payload: payload as object,
    });
    return { status: response.statusCode, body: response.json() };
  }

  it('answers, for each kind given, the acknowledged ids the store does not have', async () => {
    const alice = await signUpUser(testApp.app, 'alice');
    const bob = await signUpUser(testApp.app, 'bob');
    const [a, b] = [alice.user.id, bob.user.id];
    await testApp.app.inject({
      method: 'POST',
      url: `/v1/follows/${b}`,
      headers: bearer(alice.token),
    });
    const posted = await testApp.app.inject({
      method: 'POST',
      url: '/v1/posts',
      headers: bearer(bob.token),
      payload: { text: 'hi' },
    });
    const p = posted.json().id;
    await testApp.app.inject({
      method: 'POST',
      url: `/v1/posts/${p}/like`,
      headers: bearer(alice.token),
    });
    const answer = await verify({
      users: [`${a}`, '999', `${b}`, '999'],
      posts: [`${p}`, '456'],
      follows: [`${a}:${b}`, `${b}:${a}`],
      likes: [`${a}:${p}`, `${b}:${p}`],
    });
    expect(answer).toEqual({
      status: 200,
      body: {
        missing: { users: ['999'], posts: ['456'], follows: [`${b}:${a}`], likes: [`${b}:${p}`] },
      },
    });
    expect(await verify({ follows: [] })).toEqual({
      status: 200,
      body: { missing: { follows: [] } },
    });
    expect(await verify({})).toEqual({ status: 200, body: { missing: {} } });
  });

  it('refuses unknown kinds and malformed ids, naming the kind and the id', async () => {
    const refusals: [unknown, string][] = [
      [{ comments: ['1'] }, 'body.comments: unknown key'],
      [
        { follows: ['1:2', '12-34'] },
        'body.follows.1: follows ids are follower:followee, e.g. 12:34; got "12-34"',
      ],
      [{ likes: ['7'] }, 'body.likes.0: likes ids are user:post, e.g. 12:456; got "7"'],
      [{ users: ['012'] }, 'body.users.0: users ids are positive integers, e.g. 123; got "012"'],
      [
        { posts: ['9007199254740993'] },
        'body.posts.0: posts ids are positive integers, e.g. 456; got "9007199254740993"',
      ],
      [{ users: [1] }, 'body.users.0: '],
      [
        { users: Array.from({ length: 10_001 }, () => '1') },
        'body.users: at most 10000 ids a request',
      ],
      [['1'], 'body: '],
    ];
    for (const [payload, message] of refusals) {
      const { status, body } = await verify(payload);
      expect([status, body.error.code], message).toEqual([400, 'validation_failed']);
      expect(body.error.message).toContain(message);
    }
  });

  it('reports at most ten malformed ids of a kind', async () => {
    const { body } = await verify({ users: Array.from({ length: 100 }, (_, i) => `x${i}`) });
    expect(body.error.issues).toHaveLength(10);
    expect(body.error.issues[9]).toEqual({
      path: 'body.users.9',
      message: 'users ids are positive integers, e.g. 123; got "x9"',
    });
  });

  it('needs the admin token: 401 without or with a bad one, 403 with a user’s', async () => {
    const { token } = await signUpUser(testApp.app, 'alice');
    expect((await verify({ users: ['1'] }, {})).status).toBe(401);
    expect((await verify({ users: ['1'] }, bearer('not-a-token'))).status).toBe(401);
    expect((await verify({ users: ['1'] }, bearer(token))).status).toBe(403);
  });

  it('takes ten thousand ids of every kind in one request', async () => {
    const pairs = Array.from({ length: 10_000 }, (_, i) => `${9_007_199_254_740_000 - i}:${i + 1}`);
    const ids = pairs.map((pair) => pair.split(':')[0]!);
    const { status, body } = await verify({ users: ids, posts: ids, follows: pairs, likes: pairs });
    expect(status).toBe(200);
    expect(body.missing.users).toEqual(ids);
    expect(body.missing.likes).toEqual(pairs);
  });
});

describe('GET and PUT /admin/faults', () => {
  it('reads and replaces the faults in force, validating the spec', async () => {
    const admin = bearer(TEST_ADMIN_TOKEN);
    const read = await testApp.app.inject({ url: '/admin/faults', headers: admin });
    expect(read.json()).toEqual(NO_FAULTS);
    const spec = { ...NO_FAULTS, latencyMs: 5 };
    const put = await testApp.app.inject({
      method: 'PUT',
      url: '/admin/faults',
      headers: admin,
      payload: spec,
    });
    expect([put.statusCode, put.json()]).toEqual([200, spec]);
    expect(testApp.deps.faults.current()).toEqual(spec);
    for (const bad of [{ ...spec, errorRate: 2 }, { latencyMs: 1 }, { ...spec, extra: 1 }]) {
      const refused = await testApp.app.inject({
        method: 'PUT',
        url: '/admin/faults',
        headers: admin,
        payload: bad,
      });
      expect([refused.statusCode, refused.json().error.code]).toEqual([400, 'validation_failed']);
    }
    const user = await signUpUser(testApp.app, 'alice');
    const forbidden = await testApp.app.inject({
      method: 'PUT',
      url: '/admin/faults',
      headers: bearer(user.token),
      payload: spec,
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it('scopes faults to a real route pattern and method of the service', async () => {
    const admin = bearer(TEST_ADMIN_TOKEN);
    const alice = await signUpUser(testApp.app, 'alice');
    const put = (payload: object) =>
      testApp.app.inject({ method: 'PUT', url: '/admin/faults', headers: admin, payload });
    const scoped = { ...NO_FAULTS, errorRate: 1, route: '/v1/users/:id', method: 'GET' };
    expect((await put(scoped)).statusCode).toBe(200);
    const profile = await testApp.app.inject({ url: `/v1/users/${alice.user.id}` });
    expect([profile.statusCode, profile.json().error.code]).toEqual([500, 'fault_injected']);
    const me = await testApp.app.inject({ url: '/v1/me', headers: bearer(alice.token) });
    expect(me.statusCode).toBe(200);
    for (const bad of [
      { ...scoped, route: '/users/:id' },
      { ...scoped, method: 'get' },
    ]) {
      expect((await put(bad)).statusCode).toBe(400);
    }
    // Well formed, but no request of the service has that route, or that method on it.
    const unknown = await put({ ...scoped, route: '/v1/user/:id' });
    expect([unknown.statusCode, unknown.json().error.issues[0].path]).toEqual([400, 'body.route']);
    expect(unknown.json().error.message).toContain(
      "route '/v1/user/:id' is not a route of this service; its /v1/ routes: ",
    );
    expect(unknown.json().error.message).toContain('/v1/posts/:id/like');
    const method = await put({ ...scoped, method: 'POST' });
    expect(method.json().error).toMatchObject({
      code: 'validation_failed',
      message: '/v1/users/:id does not answer POST; it answers GET, HEAD',
    });
    expect(testApp.deps.faults.current()).toEqual(scoped);
  });
});
