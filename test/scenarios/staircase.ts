import { defineScenario } from 'launchday';

/**
 * Three load levels of 3 s (50, 100 and 150 iterations/s), each request carrying its iteration
 * number, so a test server can slow the last level down and capacity find where it broke.
 */
export default defineScenario({
  name: 'staircase',
  http: { timeoutMs: 5000 },
  workloads: {
    stairs: {
      executor: {
        type: 'step-arrival-rate',
        steps: [
          { rate: 50, duration: '3s' },
          { rate: 100, duration: '3s' },
          { rate: 150, duration: '3s' },
        ],
        maxInFlight: 500,
      },
      journey: async (ctx) => {
        await ctx.http.get(`/hello?i=${ctx.iteration}`, { name: 'hello' });
      },
    },
  },
});
