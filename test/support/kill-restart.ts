import { expect } from 'vitest';
import { adminStats, requestJson, startTarget } from './target-process.js';

/** Signs `username` up on the target at `url`; its id and token. */
export async function signUp(
  url: string,
  username: string,
): Promise<{ id: number; token: string }> {
  const { status, body } = await requestJson(`${url}/v1/signup`, {
    body: { username, displayName: username, bio: '', password: 'correct horse battery' },
  });
  expect(status).toBe(201);
  return { id: body.user.id, token: body.token };
}

/**
 * Starts the feed service on the empty database `db` (a file or a `postgres://` URL), writes
 * through it (two sign-ups, 20 posts, a follow), kills it with SIGKILL the moment the last
 * write was acknowledged, starts it again on `db`, and expects every acknowledged write there.
 */
export async function expectWritesSurviveKill(db: string): Promise<void> {
  const first = await startTarget(['--db', db]);
  try {
    const author = await signUp(first.url, 'durable_author');
    const reader = await signUp(first.url, 'durable_reader');
    const postIds: number[] = [];
    for (let index = 0; index < 20; index++) {
      const { status, body } = await requestJson(`${first.url}/v1/posts`, {
        body: { text: `post ${index}` },
        token: author.token,
      });
      expect(status).toBe(201);
      postIds.push(body.id);
    }
    const follow = await requestJson(`${first.url}/v1/follows/${author.id}`, {
      method: 'POST',
      token: reader.token,
    });
    expect(follow.status).toBe(201);
    process.kill(first.pid, 'SIGKILL');
    await first.stop('SIGKILL');

    const second = await startTarget(['--db', db]);
    try {
      const stats = await adminStats(second.url);
      expect(stats).toMatchObject({ users: 2, posts: 20, follows: 1 });
      const feed = await requestJson(`${second.url}/v1/feed`, { token: reader.token });
      expect(feed.body.posts.map((post: { id: number }) => post.id)).toEqual(
        [...postIds].reverse(),
      );
    } finally {
      await second.stop('SIGKILL');
    }
  } finally {
    await first.stop('SIGKILL');
  }
}
