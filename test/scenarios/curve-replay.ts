import { defineScenario, readCurveCsv } from 'launchday';

/**
 * A tiny curve replayed twice as fast: 120 arrivals over 1.5 s, read from a CSV found beside
 * this file through import.meta.url (which must point here, not at the bundle).
 */
export default defineScenario({
  name: 'curve-replay',
  workloads: {
    arrivals: {
      executor: {
        type: 'curve-replay',
        points: readCurveCsv(new URL('./data/tiny-curve.csv', import.meta.url), {
          time: 'second',
          cumulative: 'arrivals_hundreds',
          multiplier: 100,
        }),
        compress: 2,
        maxInFlight: 50,
      },
      journey: async (ctx) => {
        const res = await ctx.http.get('/arrive', { name: 'arrive' });
        ctx.check('arrival is 200', res.status === 200);
      },
    },
  },
});
