import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_FAULTS } from '../config.js';
import {
  bearer,
  buildTestApp,
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
    });
    expect(response.json().jobs).toEqual({
      queued: expect.any(Number),
      running: expect.any(Number),
    });
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
});
