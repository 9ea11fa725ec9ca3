import { defineScenario, param } from 'launchday';
import { BENCH_VUS } from '../settings.js';

/** The ceiling phase: GET / of a Fastify route answering a constant body, back to back. */
export default defineScenario({
  name: 'bench-constant',
  params: { duration: param.duration({ default: '15s', description: 'how long the VUs run' }) },
  http: { connections: BENCH_VUS },
  workloads: (p) => ({
    constant: {
      executor: { type: 'constant-vus', vus: BENCH_VUS, duration: p.duration, gracefulStop: '5s' },
      journey: async (ctx) => {
        const res = await ctx.http.get('/', { name: 'constant' });
        ctx.check('constant is 200', res.status === 200);
      },
    },
  }),
});
