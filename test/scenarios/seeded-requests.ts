import { defineScenario } from 'launchday';

/**
 * Requests that carry what the iteration was given — its number, VU id and seeded data — so a
 * test can see that segments split them and that a seed reproduces them.
 */
export default defineScenario({
  name: 'seeded-requests',
  workloads: {
    load: {
      executor: { type: 'constant-arrival-rate', rate: 60, timeUnit: '1s', duration: '1s' },
      journey: async (ctx) => {
        const query = new URLSearchParams({
          i: String(ctx.iteration),
          vu: String(ctx.vu),
          name: ctx.faker.person.firstName(),
          r: ctx.random().toFixed(12),
        });
        await ctx.http.get(`/hello?${query}`, { name: 'hello' });
      },
    },
  },
});
