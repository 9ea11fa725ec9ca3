import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, signUpUser, type TestApp } from '../test-support.js';

let testApp: TestApp;
let alice: string;
let aliceId: number;
let bob: string;

beforeEach(async () => {
  testApp = await buildTestApp();
  const signedUp = await signUpUser(testApp.app, 'alice');
  alice = signedUp.token;
  aliceId = signedUp.user.id;
  bob = (await signUpUser(testApp.app, 'bob')).token;
});

afterEach(async () => {
  await testApp.close();
});

async function post(token: string, payload: object) {
  return testApp.app.inject({ method: 'POST', url: '/v1/posts', headers: bearer(token), payload });
}

describe('POST /v1/posts', () => {
  it('publishes a post of 1 to 500 characters, counted as code points', async () => {
    const response = await post(alice, { text: '🧵'.repeat(500) });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ text: '🧵'.repeat(500), replyTo: null, likes: 0 });
    for (const text of ['', 'x'.repeat(501), '🧵'.repeat(501), '\ud800 lone surrogate']) {
      const refused = await post(alice, { text });
      expect([refused.statusCode, refused.json().error.issues[0].path]).toEqual([400, 'body.text']);
    }
  });

  it('publishes a reply; a reply to a missing post is 400 on body.replyTo', async () => {
    const parent = (await post(alice, { text: 'parent' })).json();
    const reply = await post(bob, { text: 'reply', replyTo: parent.id });
    expect([reply.statusCode, reply.json().replyTo]).toEqual([201, parent.id]);
    const orphan = await post(bob, { text: 'reply', replyTo: parent.id + 100 });
    expect(orphan.statusCode).toBe(400);
    expect(orphan.json().error).toMatchObject({
      code: 'validation_failed',
      issues: [{ path: 'body.replyTo' }],
    });
    const huge = await post(bob, { text: 'reply', replyTo: 2 ** 60 });
    expect(huge.statusCode).toBe(400);
  });

  it('needs a token', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/v1/posts',
      payload: { text: 'hi' },
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('DELETE /v1/posts/:id', () => {
  it("deletes one's own post (204), refuses someone else's (403) and a missing one (404)", async () => {
    const { id } = (await post(alice, { text: 'mine' })).json();
    const del = (token: string, postId: number | string) =>
      testApp.app.inject({ method: 'DELETE', url: `/v1/posts/${postId}`, headers: bearer(token) });
    const forbidden = await del(bob, id);
    expect([forbidden.statusCode, forbidden.json().error.code]).toEqual([403, 'forbidden']);
    expect((await del(alice, id)).statusCode).toBe(204);
    const gone = await del(alice, id);
    expect([gone.statusCode, gone.json().error.code]).toEqual([404, 'not_found']);
    expect((await del(alice, 'abc')).statusCode).toBe(400);
  });
});

describe('POST and DELETE /v1/posts/:id/like', () => {
  it('likes idempotently (201 then 200) and unlikes (204 twice)', async () => {
    const { id } = (await post(alice, { text: 'like me' })).json();
    const like = (method: 'POST' | 'DELETE', postId = id) =>
      testApp.app.inject({ method, url: `/v1/posts/${postId}/like`, headers: bearer(bob) });
    const first = await like('POST');
    expect([first.statusCode, first.json()]).toEqual([201, { postId: id, liked: true }]);
    expect((await like('POST')).statusCode).toBe(200);
    const profile = await testApp.app.inject({ url: `/v1/users/${aliceId}/posts` });
    expect(profile.json().posts[0].likes).toBe(1);
    expect((await like('DELETE')).statusCode).toBe(204);
    expect((await like('DELETE')).statusCode).toBe(204);
    expect((await like('POST', id + 1)).statusCode).toBe(404);
    expect((await like('DELETE', id + 1)).statusCode).toBe(404);
  });
});
