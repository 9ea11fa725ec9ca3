import { defineScenario, param } from 'launchday';
import { COST_CONNECTIONS } from '../settings.js';

/**
 * The cost benchmark's closed loop: one VU per connection, each sending GET / back to back, as
 * autocannon does with the same connection count.
 */
export default defineScenario({
  name: 'bench-closed-loop',
  params: { duration: param.duration({ default: '3s', description: 'how long the VUs run' }) },
  http: { connections: COST_CONNECTIONS },
  workloads: (p) => ({
    loop: {
      executor: {
        type: 'constant-vus',
        vus: COST_CONNECTIONS,
        duration: p.duration,
        gracefulStop: '2s',
      },
      journey: async (ctx) => {
        await ctx.http.get('/', { name: 'root' });
      },
    },
  }),
});
