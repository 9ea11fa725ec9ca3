import { defineScenario, type JourneyContext, param } from 'launchday';
import {
  assertSeeded,
  authHeaders,
  type PostAnswer,
  runTag,
  type SignupAnswer,
  seededUsername,
  signupKey,
  signupProfile,
} from './lib/index.js';

/** The scenario's parameters: how many accounts the sign-up imports and how long to wait. */
const PARAMS = {
  follows: param.number({
    default: 30,
    integer: true,
    min: 1,
    max: 1000,
    description: 'seeded accounts (user1…userN) the sign-up imports as follows',
  }),
  importWait: param.number({
    default: 10,
    min: 1,
    max: 120,
    description: 'seconds the follow import may take before the smoke test fails',
  }),
};

/** What setup gives the journey: the tag that makes this run's username unique. */
interface RunData {
  readonly tag: string;
}

type Ctx = JourneyContext<typeof PARAMS, RunData>;
type Headers = Record<string, string>;

/** The account the smoke test made: its id and the headers of requests made as it. */
interface Account {
  readonly id: number;
  readonly headers: Headers;
}

const POLL_SECONDS = 0.1;

/**
 * Every endpoint of the reference feed service once, for CI: health probes; a sign-up importing
 * the top `follows` seeded accounts, and its retry with the same Idempotency-Key; login and
 * /v1/me (polled until the import has made every follow); a post, liked and unliked; a post
 * deleted; a follow and an unfollow; the home feed and its next page by cursor; a profile and its
 * posts. One iteration; every response checked. Needs a target seeded with more than `follows`
 * accounts (`launchday target seed --users 100` will do).
 */
export default defineScenario({
  name: 'smoke',
  description: 'every endpoint of the feed service once',
  baseUrl: 'http://127.0.0.1:8080',
  params: PARAMS,
  setup: async ({ http, params }): Promise<RunData> => {
    await assertSeeded(http, params.follows + 1);
    return { tag: runTag() };
  },
  workloads: {
    smoke: {
      executor: { type: 'constant-arrival-rate', rate: 1, duration: '1s', maxInFlight: 1 },
      journey: async (ctx) => {
        await probes(ctx);
        const account = await signUpAndLogIn(ctx);
        if (account === undefined) return;
        if (!(await importDone(ctx, account))) return;
        const postId = await postLikeUnlike(ctx, account);
        if (postId !== undefined) await profileShows(ctx, account, postId);
        await postAndDelete(ctx, account);
        await followUnfollow(ctx, account);
        await feedPages(ctx, account);
      },
    },
  },
  thresholds: { checks: ['rate==1'], http_req_failed: ['rate==0'] },
});

async function probes(ctx: Ctx): Promise<void> {
  for (const path of ['/healthz', '/readyz', '/metrics']) {
    const res = await ctx.http.get(path, { name: path.slice(1) });
    ctx.check(`${path.slice(1)} is 200`, res.status === 200);
  }
}

/** Sign-up, its idempotent retry, login and /v1/me; the account, or undefined on a failure. */
async function signUpAndLogIn(ctx: Ctx): Promise<Account | undefined> {
  const profile = signupProfile(ctx.faker, ctx.data.tag, ctx.iteration);
  const follows = Array.from({ length: ctx.params.follows }, (_, i) => seededUsername(i + 1));
  const body = { ...profile, follows };
  const headers = { 'idempotency-key': signupKey(ctx.data.tag, ctx.iteration) };
  const signup = await ctx.http.post('/v1/signup', body, { name: 'signup', headers });
  if (!ctx.check('signup is 201', signup.status === 201)) return undefined;
  const { user } = signup.json<SignupAnswer>();
  ctx.recordWrite('users', user.id);
  const replay = await ctx.http.post('/v1/signup', body, { name: 'signup replay', headers });
  ctx.check(
    'signup replay returns the same account',
    replay.status === 201 &&
      replay.headers['idempotent-replayed'] === 'true' &&
      replay.json<{ user: { id: number } }>().user.id === user.id,
  );
  const credentials = { username: profile.username, password: profile.password };
  const login = await ctx.http.post('/v1/login', credentials, { name: 'login' });
  if (!ctx.check('login is 200', login.status === 200)) return undefined;
  const auth = authHeaders(login.json<{ token: string }>().token);
  const me = await ctx.http.get('/v1/me', { name: 'me', headers: auth });
  ctx.check('me is the new account', me.status === 200 && me.json<{ id: number }>().id === user.id);
  return { id: user.id, headers: auth };
}

/** Polls /v1/me until the account follows every imported account, at most `importWait` s. */
async function importDone(ctx: Ctx, account: Account): Promise<boolean> {
  const polls = Math.ceil(ctx.params.importWait / POLL_SECONDS);
  for (let poll = 0; poll < polls; poll++) {
    const me = await ctx.http.get('/v1/me', { name: 'me', headers: account.headers });
    if (me.status !== 200) return ctx.check('me is 200', false);
    if (me.json<{ following: number }>().following >= ctx.params.follows) {
      return ctx.check('follow import completes', true);
    }
    await ctx.sleep(POLL_SECONDS);
  }
  return ctx.check('follow import completes', false);
}

/** Writes a post, likes and unlikes it; the post's id, or undefined when it was refused. */
async function postLikeUnlike(ctx: Ctx, { headers }: Account): Promise<number | undefined> {
  const post = await ctx.http.post(
    '/v1/posts',
    { text: ctx.faker.lorem.sentence() },
    {
      name: 'post',
      headers,
    },
  );
  if (!ctx.check('post is 201', post.status === 201)) return undefined;
  const pathParams = { id: post.json<PostAnswer>().id };
  ctx.recordWrite('posts', pathParams.id);
  const like = await ctx.http.post('/v1/posts/:id/like', undefined, {
    name: 'like',
    headers,
    pathParams,
  });
  ctx.check('like is 201', like.status === 201);
  const unlike = await ctx.http.delete('/v1/posts/:id/like', {
    name: 'unlike',
    headers,
    pathParams,
  });
  ctx.check('unlike is 204', unlike.status === 204);
  return pathParams.id;
}

/** The account's profile counts its one post and its posts page shows it first. */
async function profileShows(ctx: Ctx, { id }: Account, postId: number): Promise<void> {
  const pathParams = { id };
  const profile = await ctx.http.get('/v1/users/:id', { name: 'profile', pathParams });
  ctx.check(
    'profile counts the post',
    profile.status === 200 && profile.json<{ posts: number }>().posts === 1,
  );
  const posts = await ctx.http.get('/v1/users/:id/posts', { name: 'profile posts', pathParams });
  ctx.check(
    'profile posts show the post',
    posts.status === 200 && posts.json<{ posts: { id: number }[] }>().posts[0]?.id === postId,
  );
}

/** Writes a second post and deletes it. */
async function postAndDelete(ctx: Ctx, { headers }: Account): Promise<void> {
  const post = await ctx.http.post(
    '/v1/posts',
    { text: ctx.faker.lorem.sentence() },
    {
      name: 'post',
      headers,
    },
  );
  if (!ctx.check('post is 201', post.status === 201)) return;
  const remove = await ctx.http.delete('/v1/posts/:id', {
    name: 'delete post',
    headers,
    pathParams: { id: post.json<{ id: number }>().id },
  });
  ctx.check('delete post is 204', remove.status === 204);
}

/** Follows the first seeded account the import left out, then unfollows it. */
async function followUnfollow(ctx: Ctx, { headers }: Account): Promise<void> {
  const pathParams = { userId: ctx.params.follows + 1 };
  const follow = await ctx.http.post('/v1/follows/:userId', undefined, {
    name: 'follow',
    headers,
    pathParams,
  });
  ctx.check('follow is 201', follow.status === 201);
  const unfollow = await ctx.http.delete('/v1/follows/:userId', {
    name: 'unfollow',
    headers,
    pathParams,
  });
  ctx.check('unfollow is 204', unfollow.status === 204);
}

async function feedPages(ctx: Ctx, { headers }: Account): Promise<void> {
  const first = await ctx.http.get('/v1/feed', { name: 'feed', headers });
  if (!ctx.check('feed is 200', first.status === 200)) return;
  const cursor = first.json<{ nextCursor: string | null }>().nextCursor;
  if (!ctx.check('feed has a next page', cursor !== null)) return;
  const next = await ctx.http.get('/v1/feed', {
    name: 'feed next page',
    headers,
    query: { cursor: cursor! },
  });
  ctx.check('feed next page is 200', next.status === 200);
}
