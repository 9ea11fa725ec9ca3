import { defineScenario, param } from 'launchday';

/**
 * One profile read of the reference feed service per iteration, for capacity tests: `open`
 * (the default, what `launchday capacity` drives) is an arrival-rate workload at `rate`;
 * `closed` keeps `vus` requests in flight for `duration`.
 */
export default defineScenario({
  name: 'capacity-probe',
  params: {
    mode: param.enum(['open', 'closed'], { default: 'open' }),
    rate: param.number({ default: 10, min: 1, description: 'iterations/s in open mode' }),
    vus: param.number({ default: 16, integer: true, min: 1 }),
    duration: param.duration({ default: '6s' }),
  },
  workloads: (p) => ({
    profile: {
      executor:
        p.mode === 'open'
          ? { type: 'constant-arrival-rate', rate: p.rate, duration: p.duration }
          : { type: 'constant-vus', vus: p.vus, duration: p.duration },
      journey: async (ctx) => {
        const res = await ctx.http.get('/v1/users/:id', { name: 'profile', pathParams: { id: 1 } });
        ctx.check('profile is 200', res.status === 200);
      },
    },
  }),
});
