import { defineScenario, param } from 'launchday';

/** A steady 200 requests/s over few connections, for the coordinated-omission test. */
export default defineScenario({
  name: 'stall',
  params: { duration: param.duration({ default: '4s' }) },
  http: { connections: 8 },
  workloads: (p) => ({
    steady: {
      executor: {
        type: 'constant-arrival-rate',
        rate: 200,
        duration: p.duration,
        maxInFlight: 1000,
      },
      journey: async (ctx) => {
        await ctx.http.get('/', { name: 'root' });
      },
    },
  }),
});
