import { defineScenario, type JourneyContext, param } from 'launchday';
import {
  assertSeeded,
  authHeaders,
  invalidParams,
  loginSeededAccounts,
  type PostAnswer,
  SEEDED_USERS_PARAM,
  type SeededAccounts,
} from './lib/index.js';

const actions = {
  feed: param.number({
    default: 85,
    min: 0,
    max: 100,
    description: '% of actions: read the home feed',
  }),
  profile: param.number({
    default: 8,
    min: 0,
    max: 100,
    description: '% of actions: view a profile and its posts',
  }),
  like: param.number({ default: 5, min: 0, max: 100, description: '% of actions: like a post' }),
  post: param.number({ default: 2, min: 0, max: 100, description: '% of actions: write a post' }),
  follow: param.number({
    default: 1,
    min: 0,
    max: 100,
    description: '% of actions: follow an account',
  }),
};
type Action = keyof typeof actions;

/** The scenario's parameters: load, population, and the action mix (weights, normalised). */
const PARAMS = {
  rate: param.number({ default: 200, min: 1, description: 'actions per second' }),
  duration: param.duration({ default: '2m', description: 'how long the load lasts' }),
  users: SEEDED_USERS_PARAM,
  accounts: param.number({
    default: 100,
    integer: true,
    min: 1,
    max: 10_000,
    description: 'seeded accounts logged in during setup',
  }),
  nextPage: param.number({
    default: 0.3,
    min: 0,
    max: 1,
    description: 'chance a feed read goes on to the next page',
  }),
  ...actions,
};

/**
 * Returning users of the reference feed service (seeded with `launchday target seed`): each
 * arrival is one action of a seeded account logged in during setup, drawn from the mix —
 * feed reads (sometimes following the cursor to the next page), profile views, likes, posts and
 * follows — at a constant arrival rate.
 */
export default defineScenario({
  name: 'read-heavy-feed',
  description: 'returning users reading their feeds, with a few likes, posts and follows',
  baseUrl: 'http://127.0.0.1:8080',
  params: PARAMS,
  setup: async ({ http, params }): Promise<SeededAccounts> => {
    await assertSeeded(http, params.users);
    return loginSeededAccounts(http, params.users, params.accounts);
  },
  workloads: (p) => {
    const pickAction = weightedPicker(p);
    return {
      returning: {
        executor: {
          type: 'constant-arrival-rate',
          rate: p.rate,
          duration: p.duration,
          maxInFlight: Math.max(100, Math.ceil(p.rate)),
        },
        journey: async (ctx) => {
          const account = Math.floor(ctx.random() * ctx.data.tokens.length);
          const headers = authHeaders(ctx.data.tokens[account]!);
          await ACTIONS[pickAction(ctx.random())](ctx, headers, ctx.data.ids[account]!);
        },
      },
    };
  },
  thresholds: {
    'http_req_duration{name:feed}': ['p(99)<250'],
    http_req_failed: ['rate<0.01'],
    checks: ['rate>0.99'],
  },
});

type Ctx = JourneyContext<typeof PARAMS, SeededAccounts>;
type Headers = Record<string, string>;

const ACTIONS: Record<Action, (ctx: Ctx, headers: Headers, self: number) => Promise<void>> = {
  feed: async (ctx, headers) => {
    const first = await ctx.http.get('/v1/feed', { name: 'feed', headers });
    ctx.check('feed is 200', first.status === 200);
    const cursor =
      first.status === 200 ? first.json<{ nextCursor: string | null }>().nextCursor : null;
    if (cursor === null || ctx.random() >= ctx.params.nextPage) return;
    const next = await ctx.http.get('/v1/feed', {
      name: 'feed next page',
      headers,
      query: { cursor },
    });
    ctx.check('feed next page is 200', next.status === 200);
  },
  profile: async (ctx, headers) => {
    const pathParams = { id: randomUser(ctx) };
    const profile = await ctx.http.get('/v1/users/:id', { name: 'profile', headers, pathParams });
    ctx.check('profile is 200', profile.status === 200);
    const posts = await ctx.http.get('/v1/users/:id/posts', {
      name: 'profile posts',
      headers,
      pathParams,
    });
    ctx.check('profile posts is 200', posts.status === 200);
  },
  like: async (ctx, headers, self) => {
    const feed = await ctx.http.get('/v1/feed', { name: 'feed', headers });
    if (!ctx.check('feed is 200', feed.status === 200)) return;
    const [post] = feed.json<{ posts: { id: number }[] }>().posts;
    if (post === undefined) return;
    const like = await ctx.http.post('/v1/posts/:id/like', undefined, {
      name: 'like',
      headers,
      pathParams: { id: post.id },
    });
    ctx.check('like is 200 or 201', like.status === 200 || like.status === 201);
    // 200 means the like existed already: only a 201 acknowledges a new write.
    if (like.status === 201) ctx.recordWrite('likes', `${self}:${post.id}`);
  },
  post: async (ctx, headers) => {
    const text = ctx.faker.lorem.sentence().slice(0, 500);
    const post = await ctx.http.post('/v1/posts', { text }, { name: 'post', headers });
    if (ctx.check('post is 201', post.status === 201))
      ctx.recordWrite('posts', post.json<PostAnswer>().id);
  },
  follow: async (ctx, headers, self) => {
    let id = randomUser(ctx);
    if (id === self) id = (id % ctx.params.users) + 1;
    const follow = await ctx.http.post('/v1/follows/:id', undefined, {
      name: 'follow',
      headers,
      pathParams: { id },
    });
    ctx.check('follow is 200 or 201', follow.status === 200 || follow.status === 201);
    if (follow.status === 201) ctx.recordWrite('follows', `${self}:${id}`);
  },
};

function randomUser(ctx: Ctx): number {
  return 1 + Math.floor(ctx.random() * ctx.params.users);
}

/**
 * Picks an action from `u` in [0, 1) with the mix's weights; throws a parameter error naming the
 * mix's parameters when they are all 0.
 */
function weightedPicker(mix: Readonly<Record<Action, number>>): (u: number) => Action {
  const names = Object.keys(actions) as Action[];
  const total = names.reduce((sum, name) => sum + mix[name], 0);
  if (total <= 0) {
    const message = 'the action mix is all 0; give at least one a weight above 0 (0 to 100 each)';
    throw invalidParams([{ param: names.join(', '), message }]);
  }
  return (u) => {
    let left = u * total;
    for (const name of names) {
      left -= mix[name];
      if (left < 0) return name;
    }
    return names.findLast((name) => mix[name] > 0)!;
  };
}
