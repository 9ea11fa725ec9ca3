import { defineScenario } from 'launchday';

/** One request to each misbehaving route of the failure test server. */
export default defineScenario({
  name: 'failures',
  http: { timeoutMs: 500 },
  workloads: {
    probe: {
      executor: { type: 'constant-vus', vus: 1, duration: '1500ms' },
      journey: async (ctx) => {
        await ctx.http.get('/reset', { name: 'reset' });
        await ctx.http.get('/hang', { name: 'hang' });
        await ctx.http.get('/missing', { name: 'missing' });
        await ctx.http.get('/broken', { name: 'broken' });
        await ctx.http.get(`http://127.0.0.1:${ctx.params.closedPort}/`, { name: 'refused' });
        throw new Error('journey failed on purpose');
      },
    },
  },
  params: {
    closedPort: { type: 'number', default: 9, integer: true, min: 1, max: 65535 },
  },
});
