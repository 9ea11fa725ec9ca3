import { defineScenario, param } from 'launchday';
import { HOSTILE_LOAD } from '../settings.js';

/**
 * The hostile benchmark's closed loop: one VU per connection, each sending GET / back to back to
 * a server whose bodies are too large, with launchday's default body bound, as autocannon does
 * with the same connection count.
 */
export default defineScenario({
  name: 'bench-hostile-body',
  params: { duration: param.duration({ default: '4s', description: 'how long the VUs run' }) },
  http: { connections: HOSTILE_LOAD.connections, timeoutMs: HOSTILE_LOAD.timeoutMs },
  workloads: (p) => ({
    loop: {
      executor: {
        type: 'constant-vus',
        vus: HOSTILE_LOAD.connections,
        duration: p.duration,
        gracefulStop: '2s',
      },
      journey: async (ctx) => {
        await ctx.http.get('/', { name: 'root' });
      },
    },
  }),
});
