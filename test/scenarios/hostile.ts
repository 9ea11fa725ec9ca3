import { defineScenario, param } from 'launchday';

/**
 * A few requests a second to one misbehaving server, with a short request timeout, for the
 * end-to-end tests of test/hostile-servers.test.ts.
 */
export default defineScenario({
  name: 'hostile',
  params: {
    rate: param.number({ default: 4, min: 1, description: 'requests per second' }),
    duration: param.duration({ default: '2s' }),
    timeout: param.duration({ default: '1s', description: 'the total timeout of a request' }),
    gracefulStop: param.duration({ default: '2s' }),
  },
  workloads: (p) => ({
    probe: {
      executor: {
        type: 'constant-arrival-rate',
        rate: p.rate,
        timeUnit: '1s',
        duration: p.duration,
        maxInFlight: 50,
        gracefulStop: p.gracefulStop,
      },
      journey: async (ctx) => {
        await ctx.http.get('/', { name: 'hostile', timeout: ctx.params.timeout });
      },
    },
  }),
});
