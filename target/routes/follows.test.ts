import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
  testApp = await buildTestApp({ jobBatchSize: 2 });
});

afterEach(async () => {
  await testApp.close();
});

const follow = (method: 'POST' | 'DELETE', token: string, userId: number | string) =>
  testApp.app.inject({ method, url: `/v1/follows/${userId}`, headers: bearer(token) });

async function profile(userId: number) {
  return (await testApp.app.inject({ url: `/v1/users/${userId}` })).json();
}

async function stats() {
  return (
    await testApp.app.inject({ url: '/admin/stats', headers: bearer(TEST_ADMIN_TOKEN) })
  ).json();
}

describe('POST and DELETE /v1/follows/:userId', () => {
  it('follows idempotently (201 then 200) and unfollows (204 twice)', async () => {
    const alice = await signUpUser(testApp.app, 'alice');
    const bob = await signUpUser(testApp.app, 'bob');
    const first = await follow('POST', alice.token, bob.user.id);
    expect([first.statusCode, first.json()]).toEqual([
      201,
      { followeeId: bob.user.id, following: true },
    ]);
    expect((await follow('POST', alice.token, bob.user.id)).statusCode).toBe(200);
    expect((await profile(bob.user.id)).followers).toBe(1);
    expect((await follow('DELETE', alice.token, bob.user.id)).statusCode).toBe(204);
    expect((await follow('DELETE', alice.token, bob.user.id)).statusCode).toBe(204);
    expect((await profile(bob.user.id)).followers).toBe(0);
  });

  it('refuses oneself (400), nobody (404), a bad id (400) and no token (401)', async () => {
    const alice = await signUpUser(testApp.app, 'alice');
    const self = await follow('POST', alice.token, alice.user.id);
    expect([self.statusCode, self.json().error.code]).toEqual([400, 'bad_request']);
    for (const method of ['POST', 'DELETE'] as const) {
      const nobody = await follow(method, alice.token, alice.user.id + 1);
      expect([nobody.statusCode, nobody.json().error.code]).toEqual([404, 'not_found']);
    }
    expect((await follow('POST', alice.token, '1e9')).statusCode).toBe(400);
    expect((await testApp.app.inject({ method: 'POST', url: '/v1/follows/1' })).statusCode).toBe(
      401,
    );
  });
});

describe('follow import and fan-in', () => {
  it('follows the existing accounts of an import at once and the missing ones when they join', async () => {
    const bob = await signUpUser(testApp.app, 'bob');
    const carol = await signUpUser(testApp.app, 'carol');
    const alice = await signUpUser(testApp.app, 'alice', {
      follows: ['bob', 'carol', 'dave', 'erin', 'bob'],
    });
    expect(alice.followImport).toEqual({ requested: 5, pending: 4 });
    await settleJobs(testApp.app);
    expect((await profile(alice.user.id)).following).toBe(2);
    expect([
      (await profile(bob.user.id)).followers,
      (await profile(carol.user.id)).followers,
    ]).toEqual([1, 1]);
    expect((await stats()).pendingFollows).toBe(2);

    const dave = await signUpUser(testApp.app, 'dave');
    await settleJobs(testApp.app);
    expect((await profile(dave.user.id)).followers).toBe(1);
    expect((await profile(alice.user.id)).following).toBe(3);
    expect((await stats()).pendingFollows).toBe(1);
  });

  it('fans in a celebrity with many waiting, in batches', async () => {
    const fans = 9;
    for (let index = 0; index < fans; index++) {
      await signUpUser(testApp.app, `fan_${index}`, { follows: ['celebrity'] });
    }
    await settleJobs(testApp.app);
    expect((await stats()).pendingFollows).toBe(fans);
    const celebrity = await signUpUser(testApp.app, 'celebrity');
    await settleJobs(testApp.app);
    expect((await profile(celebrity.user.id)).followers).toBe(fans);
    expect((await stats()).pendingFollows).toBe(0);
    const metrics = (await testApp.app.inject({ url: '/metrics' })).body;
    expect(metrics).toMatch(/feed_pending_follows_resolved_total \d+/);
  });
});
