import { defineScenario, param } from 'launchday';
import { BENCH_USERS, BENCH_VUS, FEED_READERS, SEED_PASSWORD } from '../settings.js';

/**
 * The feed phase: seeded accounts, logged in once in setup, read their home feed back to back
 * (closed loop, one VU per connection), each VU as one account.
 */
export default defineScenario({
  name: 'bench-feed-reads',
  params: {
    duration: param.duration({ default: '15s', description: 'how long the VUs read' }),
    users: param.number({ default: BENCH_USERS, integer: true, min: FEED_READERS }),
  },
  http: { connections: BENCH_VUS },
  setup: async ({ http, params }) => {
    const tokens: string[] = [];
    for (let reader = 0; reader < FEED_READERS; reader++) {
      const username = `user${1 + Math.floor((reader * params.users) / FEED_READERS)}`;
      const res = await http.post('/v1/login', { username, password: SEED_PASSWORD });
      if (res.status !== 200) throw new Error(`login as ${username}: ${res.status} ${res.text}`);
      tokens.push(res.json<{ token: string }>().token);
    }
    return { tokens };
  },
  workloads: (p) => ({
    feed: {
      executor: { type: 'constant-vus', vus: BENCH_VUS, duration: p.duration, gracefulStop: '5s' },
      journey: async (ctx) => {
        const token = ctx.data.tokens[ctx.vu % ctx.data.tokens.length];
        const res = await ctx.http.get('/v1/feed', {
          name: 'feed',
          headers: { authorization: `Bearer ${token}` },
        });
        ctx.check('feed is 200', res.status === 200);
      },
    },
  }),
});
