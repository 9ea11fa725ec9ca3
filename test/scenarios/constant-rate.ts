import { defineScenario, param } from 'launchday';

/** A constant arrival rate of GET /hello, for end-to-end tests of `launchday run`. */
export default defineScenario({
  name: 'constant-rate',
  params: {
    rate: param.number({ default: 100, min: 1, description: 'iterations per second' }),
    duration: param.duration({ default: '2s' }),
    maxInFlight: param.number({ default: 200, min: 1, integer: true }),
    maxFailedRate: param.number({ default: 0.01, min: 0, max: 1 }),
    arrivals: param.enum(['uniform', 'poisson'], { default: 'uniform' }),
    gracefulStop: param.duration({ default: '5s' }),
    abortOnFail: param.boolean({ default: false }),
    minRequests: param.number({
      default: 0,
      min: 0,
      integer: true,
      description: 'http_reqs count>= this, when above 0',
    }),
  },
  http: { connections: 20, timeoutMs: 2000 },
  workloads: (p) => ({
    load: {
      executor: {
        type: 'constant-arrival-rate',
        rate: p.rate,
        timeUnit: '1s',
        duration: p.duration,
        maxInFlight: p.maxInFlight,
        arrivals: p.arrivals,
        gracefulStop: p.gracefulStop,
      },
      journey: async (ctx) => {
        const res = await ctx.http.get('/hello', { name: 'hello' });
        ctx.check('status is 200', res.status === 200);
      },
    },
  }),
  thresholds: (p) => ({
    'http_req_duration{name:hello}': ['p(99)<5000'],
    http_req_failed: [{ threshold: `rate<${p.maxFailedRate}`, abortOnFail: p.abortOnFail }],
    checks: ['rate>=0'],
    ...(p.minRequests > 0 ? { http_reqs: [`count>=${p.minRequests}`] } : {}),
  }),
});
