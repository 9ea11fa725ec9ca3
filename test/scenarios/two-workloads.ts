import { defineScenario } from 'launchday';

/** Two workloads at once: a closed-loop one from the start, an open-loop one starting later. */
export default defineScenario({
  name: 'two-workloads',
  setup: async () => ({ token: 'from-setup' }),
  workloads: {
    browsers: {
      executor: { type: 'constant-vus', vus: 2, duration: '3s' },
      journey: async (ctx) => {
        await ctx.http.get('/browse', {
          name: 'browse',
          headers: { authorization: ctx.data.token },
        });
        await ctx.sleep(0.05);
      },
    },
    signups: {
      executor: { type: 'constant-arrival-rate', rate: 50, duration: '1s', startTime: '1500ms' },
      journey: async (ctx) => {
        const res = await ctx.http.post(
          '/signup',
          { username: ctx.faker.internet.username() },
          { name: 'signup' },
        );
        ctx.check('signup accepted', res.status === 201);
      },
      tags: { flow: 'signup' },
    },
  },
});
