import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, signUpUser, type TestApp } from '../test-support.js';

let testApp: TestApp;

beforeEach(async () => {
  testApp = await buildTestApp();
});

afterEach(async () => {
  await testApp.close();
});

interface Page {
  posts: { id: number; text: string; author: { username: string } }[];
  nextCursor: string | null;
}

async function publish(token: string, count: number, prefix: string): Promise<void> {
  for (let index = 0; index < count; index++) {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/v1/posts',
      headers: bearer(token),
      payload: { text: `${prefix} ${index}` },
    });
    expect(response.statusCode).toBe(201);
  }
}

async function readAll(url: string, token?: string): Promise<Page[]> {
  const pages: Page[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? '' : `?cursor=${encodeURIComponent(cursor)}`;
    const headers = token === undefined ? {} : bearer(token);
    const response = await testApp.app.inject({ url: `${url}${query}`, headers });
    expect(response.statusCode).toBe(200);
    const page: Page = response.json();
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor !== null && pages.length < 10);
  return pages;
}

describe('GET /v1/feed', () => {
  it('pages the followed accounts’ posts newest first, 20 a page, null cursor at the end', async () => {
    const reader = await signUpUser(testApp.app, 'reader');
    const bob = await signUpUser(testApp.app, 'bob');
    const carol = await signUpUser(testApp.app, 'carol');
    const stranger = await signUpUser(testApp.app, 'stranger');
    for (const followee of [bob, carol]) {
      await testApp.app.inject({
        method: 'POST',
        url: `/v1/follows/${followee.user.id}`,
        headers: bearer(reader.token),
      });
    }
    await publish(bob.token, 20, 'bob');
    await publish(stranger.token, 3, 'stranger');
    await publish(carol.token, 20, 'carol');
    const pages = await readAll('/v1/feed', reader.token);
    expect(pages.map((page) => page.posts.length)).toEqual([20, 20]);
    expect(pages.at(-1)!.nextCursor).toBeNull();
    const ids = pages.flatMap((page) => page.posts.map((post) => post.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(pages[0]!.posts[0]).toMatchObject({ text: 'carol 19', author: { username: 'carol' } });
    expect(
      pages.flatMap((page) => page.posts).some((post) => post.author.username === 'stranger'),
    ).toBe(false);
  });

  it('is empty with a null cursor for someone who follows nobody', async () => {
    const { token } = await signUpUser(testApp.app, 'loner');
    expect(await readAll('/v1/feed', token)).toEqual([{ posts: [], nextCursor: null }]);
  });

  it('answers 400 for a malformed cursor or an unknown parameter, 401 without a token', async () => {
    const { token } = await signUpUser(testApp.app, 'reader');
    for (const query of [
      'cursor=42',
      'cursor=',
      'cursor=%F0%9F%99%82',
      'cursor=a&cursor=b',
      'limit=5',
    ]) {
      const response = await testApp.app.inject({
        url: `/v1/feed?${query}`,
        headers: bearer(token),
      });
      expect([response.statusCode, response.json().error.code], query).toEqual([
        400,
        'validation_failed',
      ]);
    }
    expect((await testApp.app.inject({ url: '/v1/feed' })).statusCode).toBe(401);
  });
});

describe('GET /v1/users/:id and /v1/users/:id/posts', () => {
  it('shows a profile and pages its posts', async () => {
    const bob = await signUpUser(testApp.app, 'bob', { displayName: 'Bob' });
    await publish(bob.token, 41, 'post');
    const profile = await testApp.app.inject({ url: `/v1/users/${bob.user.id}` });
    expect(profile.json()).toMatchObject({
      id: bob.user.id,
      username: 'bob',
      displayName: 'Bob',
      posts: 41,
    });
    const pages = await readAll(`/v1/users/${bob.user.id}/posts`);
    expect(pages.map((page) => page.posts.length)).toEqual([20, 20, 1]);
    expect(pages[2]!.posts[0]!.text).toBe('post 0');
  });

  it('answers 404 for nobody and 400 for ids that are not positive integers below 2^53', async () => {
    for (const url of ['/v1/users/999', '/v1/users/999/posts']) {
      expect((await testApp.app.inject({ url })).statusCode).toBe(404);
    }
    for (const id of ['0', '-1', 'abc', '9007199254740993', '1'.repeat(30), '1.0']) {
      const response = await testApp.app.inject({ url: `/v1/users/${id}` });
      expect(response.statusCode, id).toBe(400);
    }
  });
});
