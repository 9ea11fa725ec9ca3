import type { JourneyContext } from 'launchday';
import type { PostAnswer, SignupAnswer } from './answers.js';
import { heavyTailedCount } from './heavy-tailed.js';
import { pickPopularUsernames } from './popular-accounts.js';
import { signupKey, signupProfile } from './profiles.js';
import { authHeaders } from './seeded-accounts.js';

/** What a new user's journey needs of the journey context. */
export type NewUserContext = Pick<
  JourneyContext,
  'http' | 'check' | 'recordWrite' | 'sleep' | 'faker' | 'random' | 'iteration'
>;

/** How a new user behaves; signup-spike's parameters of the same names. */
export interface NewUserOptions {
  /** The run's tag from {@link runTag}, made in setup. */
  readonly tag: string;
  /** Seeded accounts in the target: follows point at user1…user<users>. */
  readonly users: number;
  /** Mean follows imported (heavy-tailed, see {@link heavyTailedCount}). */
  readonly follows: number;
  /** Most follows imported, at most the service's cap of 5,000. */
  readonly followsMax: number;
  /** Zipf exponent of whom the follows point at (see {@link zipfRank}). */
  readonly zipf: number;
  /** Seconds between the first and the second home feed load. */
  readonly think: number;
  /** Chance, 0 to 1, of writing a post. */
  readonly postChance: number;
  /** Chance, 0 to 1, of retrying the acknowledged sign-up with the same Idempotency-Key. */
  readonly replayChance: number;
  /** An account that joins later, which a share (`chance`, 0 to 1) of new users also import. */
  readonly awaited?: { readonly username: string; readonly chance: number };
}

/**
 * One new user of the reference feed service, a journey for an arrival-rate workload: signs up
 * (`signup`) with a faker profile and an Idempotency-Key, importing a heavy-tailed number of
 * follows of mostly popular seeded accounts; sometimes retries the sign-up as a client whose
 * answer was lost would (`signup replay`, expecting the same account); loads its home feed
 * (`feed`), again after `think` seconds (`feed again`); sometimes posts (`post`). Every
 * response is checked, and the acknowledged account and post are recorded (`ctx.recordWrite`);
 * a failed sign-up ends the journey.
 */
export async function newUserJourney(ctx: NewUserContext, options: NewUserOptions): Promise<void> {
  const signup = await signUp(ctx, options);
  if (signup === undefined) return;
  const headers = authHeaders(signup.token);
  await loadFeed(ctx, headers, 'feed');
  if (options.think > 0) await ctx.sleep(options.think);
  await loadFeed(ctx, headers, 'feed again');
  if (ctx.random() < options.postChance) {
    const text = ctx.faker.lorem.sentence();
    const post = await ctx.http.post('/v1/posts', { text }, { name: 'post', headers });
    if (ctx.check('post is 201', post.status === 201))
      ctx.recordWrite('posts', post.json<PostAnswer>().id);
  }
}

async function signUp(
  ctx: NewUserContext,
  options: NewUserOptions,
): Promise<SignupAnswer | undefined> {
  const count = heavyTailedCount(ctx.random(), options.follows, options.followsMax);
  const follows = pickPopularUsernames(() => ctx.random(), options.users, count, options.zipf);
  const { awaited } = options;
  if (awaited !== undefined && ctx.random() < awaited.chance) follows.push(awaited.username);
  const body = { ...signupProfile(ctx.faker, options.tag, ctx.iteration), follows };
  const headers = { 'idempotency-key': signupKey(options.tag, ctx.iteration) };
  const res = await ctx.http.post('/v1/signup', body, { name: 'signup', headers });
  if (!ctx.check('signup is 201', res.status === 201)) return undefined;
  const answer = res.json<SignupAnswer>();
  ctx.recordWrite('users', answer.user.id);
  ctx.check('signup imports every follow', answer.followImport.requested === follows.length);
  if (ctx.random() < options.replayChance) {
    const replay = await ctx.http.post('/v1/signup', body, { name: 'signup replay', headers });
    ctx.check(
      'signup replay returns the same account',
      replay.status === 201 &&
        replay.headers['idempotent-replayed'] === 'true' &&
        replay.json<SignupAnswer>().user.id === answer.user.id,
    );
  }
  return answer;
}

async function loadFeed(
  ctx: NewUserContext,
  headers: Record<string, string>,
  name: string,
): Promise<void> {
  const res = await ctx.http.get('/v1/feed', { name, headers });
  ctx.check(`${name} is 200`, res.status === 200);
}
