import { defineScenario, param } from 'launchday';
import { OPEN_CONNECTIONS, OPEN_MAX_IN_FLIGHT } from '../settings.js';

/** The accuracy and memory benchmarks' open loop: GET / at a constant arrival rate. */
export default defineScenario({
  name: 'bench-open-rate',
  params: {
    rate: param.number({ default: 1000, min: 1, description: 'requests per second' }),
    duration: param.duration({ default: '30s', description: 'how long arrivals are scheduled' }),
  },
  http: { connections: OPEN_CONNECTIONS, timeoutMs: 10_000 },
  workloads: (p) => ({
    open: {
      executor: {
        type: 'constant-arrival-rate',
        rate: p.rate,
        duration: p.duration,
        maxInFlight: OPEN_MAX_IN_FLIGHT,
        gracefulStop: '5s',
      },
      journey: async (ctx) => {
        await ctx.http.get('/', { name: 'root' });
      },
    },
  }),
});
