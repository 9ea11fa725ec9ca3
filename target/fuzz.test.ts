import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrng, FUZZ_BODY_LIMIT, fuzzRequest } from './fixture-fuzz-requests.js';
import {
  bearer,
  buildTestApp,
  signUpUser,
  TEST_ADMIN_TOKEN,
  type TestApp,
} from './test-support.js';

// FUZZ_SEED=<n> replays a run; the seed is printed and named in every failure.
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 32));
const REQUESTS = 10_000;

describe(`fuzz (seed ${SEED})`, () => {
  let testApp: TestApp;
  let token: string;
  let postId: number;

  beforeAll(async () => {
    console.log(`fuzz seed: ${SEED} (FUZZ_SEED=${SEED} replays it)`);
    testApp = await buildTestApp({ bodyLimitBytes: FUZZ_BODY_LIMIT });
    ({ token } = await signUpUser(testApp.app, 'fuzz_owner'));
    const post = await testApp.app.inject({
      method: 'POST',
      url: '/v1/posts',
      headers: bearer(token),
      payload: { text: 'seed post' },
    });
    postId = post.json().id;
  });

  afterAll(async () => {
    await testApp.close();
  });

  it(`answers ${REQUESTS} malformed requests without a 5xx and stays consistent`, async () => {
    const random = createPrng(SEED);
    // Mostly valid tokens, so that most requests get past authentication to validation.
    const tokens = [token, token, token, TEST_ADMIN_TOKEN, `${token}x`, 'v1.1.1.9.AAAA', 'garbage'];
    const failures: string[] = [];
    let users = 1;
    let posts = 1;
    for (let index = 0; index < REQUESTS; index++) {
      const options = fuzzRequest(random, tokens, [postId, 1, 2]);
      const response = await testApp.app.inject(options);
      if (response.statusCode >= 500) {
        failures.push(
          `seed ${SEED} #${index}: ${response.statusCode} ${JSON.stringify(options).slice(0, 300)} → ${response.body.slice(0, 200)}`,
        );
      }
      if (response.statusCode === 201 && !response.headers['idempotent-replayed']) {
        const created = response.json();
        if ('followImport' in created) users++;
        if ('authorId' in created) posts++;
      }
      const deletedPost =
        options.method === 'DELETE' && /^\/v1\/posts\/\d+([?#]|$)/.test(String(options.url));
      if (response.statusCode === 204 && deletedPost) posts--;
    }
    expect(failures).toEqual([]);

    const { app } = testApp;
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);
    const after = await signUpUser(app, 'after_fuzz');
    const follow = await app.inject({
      method: 'POST',
      url: '/v1/follows/1',
      headers: bearer(after.token),
    });
    expect(follow.statusCode).toBeLessThan(300);
    const feed = await app.inject({ url: '/v1/feed', headers: bearer(after.token) });
    expect(feed.statusCode).toBe(200);
    const stats = (
      await app.inject({ url: '/admin/stats', headers: bearer(TEST_ADMIN_TOKEN) })
    ).json();
    expect({ users: stats.users, posts: stats.posts }).toEqual({ users: users + 1, posts });
  });
});
