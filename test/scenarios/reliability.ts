import { defineScenario, param } from 'launchday';

// Kept across iterations on purpose: the `allocate` journey grows it without end.
const hoard: number[][] = [];

/**
 * One GET /work per iteration at a constant arrival rate, with k6's default 60 s request
 * timeout, and journeys that misbehave on purpose, for the generator's reliability tests:
 * `allocate` keeps ~8 MB more heap per iteration, `stray-error` throws from a timer and leaves a
 * rejection unhandled, `block` never yields its thread.
 */
export default defineScenario({
  name: 'reliability',
  params: {
    rate: param.number({ default: 50, min: 1 }),
    duration: param.duration({ default: '2s' }),
    gracefulStop: param.duration({ default: '1s' }),
    maxInFlight: param.number({ default: 5000, min: 1, integer: true }),
    journey: param.enum(['request', 'allocate', 'stray-error', 'block'], { default: 'request' }),
  },
  http: { connections: 50 },
  workloads: (p) => ({
    load: {
      executor: {
        type: 'constant-arrival-rate',
        rate: p.rate,
        duration: p.duration,
        maxInFlight: p.maxInFlight,
        gracefulStop: p.gracefulStop,
      },
      journey: async (ctx) => {
        if (p.journey === 'allocate') hoard.push(new Array(1_000_000).fill(hoard.length));
        if (p.journey === 'stray-error') {
          setTimeout(() => {
            throw new Error('thrown from a timer the journey did not await');
          }, 0);
          void Promise.reject(new Error('a rejection nobody handled'));
        }
        if (p.journey === 'block') for (;;);
        await ctx.http.get('/work', { name: 'work' });
      },
    },
  }),
});
