import { defineScenario } from 'launchday';

/**
 * Sign-ups (no follows) at 10/s for 4 s, then 60/s for 4 s, against the reference service: its
 * scrypt makes the second step cost it several times the CPU of the first.
 */
export default defineScenario({
  name: 'signup-steps',
  http: { timeoutMs: 5000 },
  setup: async () => ({ tag: Date.now().toString(36) }),
  workloads: {
    signups: {
      executor: {
        type: 'step-arrival-rate',
        steps: [
          { rate: 10, duration: '4s' },
          { rate: 60, duration: '4s' },
        ],
        maxInFlight: 500,
      },
      journey: async (ctx) => {
        await ctx.http.post(
          '/v1/signup',
          {
            username: `s${ctx.data.tag}_${ctx.iteration}`,
            displayName: 'Step',
            bio: '',
            password: 'step-password',
            follows: [],
          },
          { name: 'signup' },
        );
      },
    },
  },
});
