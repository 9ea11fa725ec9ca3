import {
  type CurvePoint,
  defineScenario,
  type JourneyContext,
  param,
  parseDuration,
  readCurveCsv,
} from 'launchday';
import {
  authHeaders,
  loginSeededAccounts,
  newUserJourney,
  type PostAnswer,
  runTag,
  SEEDED_USERS_PARAM,
  type SeededAccounts,
  type SignupAnswer,
  signupProfile,
} from './lib/index.js';

/**
 * The Threads launch: cumulative sign-ups by hour since launch (public figures, sources in the
 * file). The file's first figure is at hour 1; the launch itself, (0, 0), is added so the
 * replay starts from nothing as the real day did.
 */
const CURVE: readonly CurvePoint[] = [
  [0, 0],
  ...readCurveCsv(new URL('./data/threads-launch-signups.csv', import.meta.url), {
    time: 'hours_since_launch',
    cumulative: 'cumulative_signups_millions',
    multiplier: 1e6,
  }),
];
const CURVE_HOURS = CURVE.at(-1)![0];
const HOUR_MS = 3_600_000;

/** The scenario's parameters: how the curve is replayed, the population, what users do. */
const PARAMS = {
  duration: param.duration({
    default: '2m',
    description: `how long the replay of the ${CURVE_HOURS} hours lasts (2m plays them 3060 times faster)`,
  }),
  compress: param.number({
    default: 0,
    min: 0,
    max: 10_000_000,
    description:
      'how much faster than real time, e.g. 3000; when above 0 it sets the pace instead of duration',
  }),
  scale: param.number({
    default: 3e-5,
    min: 1e-9,
    max: 1,
    description: 'share of the sign-ups replayed: 3e-5 is 3,000 of the 100 million',
  }),
  readsPerUser: param.number({
    default: 0.03,
    min: 0,
    max: 1000,
    description: 'returning feed reads per signed-up user per hour of the curve',
  }),
  users: SEEDED_USERS_PARAM,
  accounts: param.number({
    default: 100,
    integer: true,
    min: 1,
    max: 10_000,
    description: 'seeded accounts logged in during setup for the returning reads',
  }),
  follows: param.number({
    default: 30,
    min: 0,
    max: 5000,
    description: 'mean follows imported per sign-up (heavy-tailed, mostly popular accounts)',
  }),
  followsMax: param.number({
    default: 1000,
    integer: true,
    min: 0,
    max: 4999,
    description: 'most seeded accounts one sign-up imports',
  }),
  postChance: param.number({
    default: 0.2,
    min: 0,
    max: 1,
    description: 'chance a new user writes a post',
  }),
  celebrity: param.string({
    default: 'celebrity',
    pattern: '[A-Za-z0-9_.]{3,30}',
    description: 'username of the celebrity who joins late (3-30 of A-Z a-z 0-9 _ .)',
  }),
  celebrityHour: param.number({
    default: 20,
    min: 0,
    max: CURVE_HOURS,
    description: 'hour of the curve at which the celebrity signs up',
  }),
  fans: param.number({
    default: 0.3,
    min: 0,
    max: 1,
    description:
      'share of sign-ups that also import the celebrity (pending follows before it joins)',
  }),
};

type Params = typeof PARAMS;
type RunData = SeededAccounts & { readonly tag: string };
type Ctx = JourneyContext<Params, RunData>;

/**
 * A replay of the Threads launch against the reference feed service, compressed in time and
 * scaled in volume: new users sign up at the slope of the launch curve (curve-replay), returning
 * users read their feeds at a rate that grows with the users signed up so far, and at
 * `celebrityHour` a celebrity joins whom a share of the new users already imported — the
 * service then turns those pending follows into real ones. Needs a target seeded with
 * `launchday target seed --users 10000`; the defaults run about 2 minutes.
 */
export default defineScenario({
  name: 'launch-day',
  description: 'the Threads launch curve replayed: sign-ups, returning readers, a celebrity',
  baseUrl: 'http://127.0.0.1:8080',
  params: PARAMS,
  setup: async ({ http, params }): Promise<RunData> => ({
    ...(await loginSeededAccounts(http, params.users, params.accounts)),
    tag: runTag(),
  }),
  workloads: (params) => {
    const p = { ...params, compress: paceOf(params) };
    return {
      signups: {
        executor: {
          type: 'curve-replay',
          points: CURVE,
          timeUnit: '1h',
          compress: p.compress,
          scale: p.scale,
          maxInFlight: 1000,
        },
        journey: newUser,
      },
      // readsPerUser=0 turns the returning readers off (a rate of 0 throughout is no workload).
      ...(p.readsPerUser > 0 && {
        returning: {
          executor: { type: 'ramping-arrival-rate', stages: readStages(p), maxInFlight: 1000 },
          journey: returningRead,
        },
      }),
      celebrity: {
        executor: {
          type: 'constant-arrival-rate',
          rate: 1,
          duration: '1s',
          startTime: `${Math.round((p.celebrityHour * HOUR_MS) / p.compress)}ms`,
          maxInFlight: 1,
        },
        journey: celebrityJoins,
      },
    };
  },
  thresholds: {
    'http_req_duration{name:signup}': ['p(99)<500'],
    'http_req_duration{name:feed}': ['p(99)<250'],
    http_req_failed: ['rate<0.01'],
    checks: ['rate>0.99'],
  },
});

/** How much faster than real time the curve plays: `compress`, or what fits it into `duration`. */
function paceOf(p: { readonly compress: number; readonly duration: string }): number {
  return p.compress > 0
    ? p.compress
    : (CURVE_HOURS * HOUR_MS) / parseDuration(p.duration, 'duration');
}

/**
 * Feed reads per second of the run at each curve point: readsPerUser per curve hour for each of
 * the scale · C(hour) users signed up so far, one curve hour lasting 3600/compress s.
 */
function readStages(p: {
  readonly compress: number;
  readonly scale: number;
  readonly readsPerUser: number;
}): { target: number; duration: string }[] {
  return CURVE.slice(1).map(([hour, signups], i) => ({
    target: (p.readsPerUser * p.scale * signups * p.compress) / 3600,
    duration: `${Math.round(((hour - CURVE[i]![0]) * HOUR_MS) / p.compress)}ms`,
  }));
}

/** A new user: signs up importing follows (maybe the celebrity), loads the feed twice, maybe posts. */
function newUser(ctx: Ctx): Promise<void> {
  const { params } = ctx;
  return newUserJourney(ctx, {
    tag: ctx.data.tag,
    users: params.users,
    follows: params.follows,
    followsMax: params.followsMax,
    zipf: 1,
    think: 0,
    postChance: params.postChance,
    replayChance: 0,
    awaited: { username: params.celebrity, chance: params.fans },
  });
}

/** A returning user: one home-feed read as a seeded account logged in during setup. */
async function returningRead(ctx: Ctx): Promise<void> {
  const token = ctx.data.tokens[Math.floor(ctx.random() * ctx.data.tokens.length)]!;
  const res = await ctx.http.get('/v1/feed', { name: 'feed', headers: authHeaders(token) });
  ctx.check('feed is 200', res.status === 200);
}

/** The celebrity signs up under the awaited username and posts; the fans' follows resolve. */
async function celebrityJoins(ctx: Ctx): Promise<void> {
  const body = { ...signupProfile(ctx.faker, ctx.data.tag, 0), username: ctx.params.celebrity };
  const res = await ctx.http.post('/v1/signup', body, {
    name: 'celebrity signup',
    headers: { 'idempotency-key': `celebrity-${ctx.data.tag}` },
  });
  if (!ctx.check('celebrity signup is 201', res.status === 201)) return;
  const { token, user } = res.json<SignupAnswer>();
  ctx.recordWrite('users', user.id);
  const post = await ctx.http.post(
    '/v1/posts',
    { text: 'Hello, Threads!' },
    { name: 'celebrity post', headers: authHeaders(token) },
  );
  if (ctx.check('celebrity post is 201', post.status === 201))
    ctx.recordWrite('posts', post.json<PostAnswer>().id);
}
