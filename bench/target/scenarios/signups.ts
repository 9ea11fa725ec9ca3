import { defineScenario, param } from 'launchday';
import { BENCH_USERS, BENCH_VUS, FOLLOWS_PER_SIGNUP } from '../settings.js';

/**
 * The sign-up phase: new accounts back to back (closed loop), each importing
 * FOLLOWS_PER_SIGNUP follows drawn Zipf-like (exponent 1) from the seeded accounts, as people
 * importing their follows mostly follow the same popular accounts.
 */
export default defineScenario({
  name: 'bench-signups',
  params: {
    duration: param.duration({ default: '15s', description: 'how long the VUs sign up' }),
    users: param.number({ default: BENCH_USERS, integer: true, min: FOLLOWS_PER_SIGNUP }),
  },
  http: { connections: BENCH_VUS },
  setup: async () => ({ runTag: Date.now().toString(36) }),
  workloads: (p) => {
    const ranks = zipfCumulative(p.users);
    return {
      signups: {
        executor: {
          type: 'constant-vus',
          vus: BENCH_VUS,
          duration: p.duration,
          gracefulStop: '10s',
        },
        journey: async (ctx) => {
          const follows = new Set<string>();
          while (follows.size < FOLLOWS_PER_SIGNUP) {
            follows.add(`user${drawRank(ranks, ctx.faker.number.float())}`);
          }
          const res = await ctx.http.post(
            '/v1/signup',
            {
              username: `b${ctx.data.runTag}_${ctx.vu}_${ctx.iteration}`,
              displayName: ctx.faker.person.fullName(),
              bio: '',
              password: 'benchmark-password',
              follows: [...follows],
            },
            { name: 'signup' },
          );
          ctx.check('signup is 201', res.status === 201);
        },
      },
    };
  },
});

/** P(rank ≤ i) for ranks 1..n with weight 1/i. */
function zipfCumulative(n: number): Float64Array {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let rank = 1; rank <= n; rank++) cumulative[rank - 1] = sum += 1 / rank;
  for (let index = 0; index < n; index++) cumulative[index]! /= sum;
  return cumulative;
}

/** The rank whose cumulative probability first reaches `u` (binary search). */
function drawRank(cumulative: Float64Array, u: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (cumulative[middle]! < u) low = middle + 1;
    else high = middle;
  }
  return low + 1;
}
