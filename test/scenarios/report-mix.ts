import { defineScenario } from 'launchday';

/**
 * A short run for the HTML report test: three request names (one with a hostile name), 503s
 * and 404s, checks, one threshold that holds and one that fails.
 */
export default defineScenario({
  name: 'report-mix',
  description: 'Sign-ups at a constant rate and feed readers, some requests failing',
  http: { timeoutMs: 2000 },
  workloads: {
    signups: {
      executor: { type: 'constant-arrival-rate', rate: 40, duration: '2s' },
      journey: async (ctx) => {
        const res = await ctx.http.post('/signup', { user: ctx.iteration }, { name: 'signup' });
        ctx.check('signup accepted', res.status === 201);
      },
    },
    readers: {
      executor: { type: 'constant-vus', vus: 2, duration: '2s' },
      journey: async (ctx) => {
        const res = await ctx.http.get('/feed', { name: 'feed' });
        ctx.check('feed answered', res.status === 200);
        await ctx.http.get('/missing', { name: '</script><img src=x onerror="window.__pwned=1">' });
        await ctx.sleep(0.05);
      },
    },
  },
  thresholds: {
    'http_req_duration{name:feed}': ['p(95)<2000'],
    http_req_failed: ['rate<0.01'],
  },
});
