import { defineScenario } from 'launchday';
import {
  authHeaders,
  type PostAnswer,
  runTag,
  type SignupAnswer,
  signupProfile,
} from '../../scenarios/lib/index.js';

/** Ids far above anything a test's target holds: the posts a lossy service "acknowledged". */
export const LOST_POST_BASE = 900_000_000;

/**
 * Against the reference feed service: each iteration signs up and posts for real, recording
 * both writes, and also records a post the service never stored — what a service that
 * acknowledges a write and then loses it looks like from the outside. For the consistency check.
 */
export default defineScenario({
  name: 'lost-writes',
  setup: () => ({ tag: runTag() }),
  workloads: {
    writer: {
      executor: { type: 'constant-arrival-rate', rate: 3, duration: '1s', maxInFlight: 3 },
      journey: async (ctx) => {
        const body = { ...signupProfile(ctx.faker, ctx.data.tag, ctx.iteration), follows: [] };
        const signup = await ctx.http.post('/v1/signup', body, { name: 'signup' });
        if (!ctx.check('signup is 201', signup.status === 201)) return;
        const { user, token } = signup.json<SignupAnswer>();
        ctx.recordWrite('users', user.id);
        const post = await ctx.http.post(
          '/v1/posts',
          { text: 'kept' },
          { name: 'post', headers: authHeaders(token) },
        );
        if (!ctx.check('post is 201', post.status === 201)) return;
        ctx.recordWrite('posts', post.json<PostAnswer>().id);
        ctx.recordWrite('posts', LOST_POST_BASE + ctx.iteration);
      },
    },
  },
});
