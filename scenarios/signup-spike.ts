import { defineScenario, param } from 'launchday';
import { assertSeeded, newUserJourney, runTag, SEEDED_USERS_PARAM } from './lib/index.js';

/** The most usernames one sign-up may import (the feed service's import cap). */
const IMPORT_CAP = 5000;

/** The scenario's parameters: the arrival curve, the population, and what a new user does. */
const PARAMS = {
  peak: param.number({
    default: 40,
    min: 0.1,
    max: 100_000,
    description: 'sign-ups per second on the plateau',
  }),
  ramp: param.duration({ default: '20s', description: 'time from 0 to the peak rate' }),
  plateau: param.duration({ default: '60s', description: 'time at the peak rate' }),
  decay: param.duration({ default: '40s', description: 'time from the peak down to the tail' }),
  tail: param.number({
    default: 0.2,
    min: 0,
    max: 1,
    description: 'rate at the end of the decay, as a fraction of the peak',
  }),
  users: SEEDED_USERS_PARAM,
  follows: param.number({
    default: 50,
    min: 0,
    max: IMPORT_CAP,
    description: 'mean follows imported per sign-up (heavy-tailed: median 0.4 × this)',
  }),
  followsMax: param.number({
    default: 1000,
    integer: true,
    min: 0,
    max: IMPORT_CAP,
    description: 'most follows one sign-up imports',
  }),
  zipf: param.number({
    default: 1,
    min: 0,
    max: 3,
    description: 'Zipf exponent of whom new users follow (0: anyone alike; 1: user1 most)',
  }),
  think: param.number({
    default: 1,
    min: 0,
    max: 60,
    description: 'seconds between the first and the second home feed load',
  }),
  postChance: param.number({
    default: 0.3,
    min: 0,
    max: 1,
    description: 'chance a new user writes a post',
  }),
  replayChance: param.number({
    default: 0.05,
    min: 0,
    max: 1,
    description: 'chance a client retries its acknowledged sign-up (same Idempotency-Key)',
  }),
};

/** What setup gives every journey: the tag that makes this run's usernames unique. */
interface RunData {
  readonly tag: string;
}

/**
 * New users of the reference feed service arriving at a launch's pace: the sign-up rate ramps
 * steeply from 0 to `peak`, holds, then decays to `tail` × `peak`. Each arrival signs up with a
 * faker profile and an Idempotency-Key, importing a heavy-tailed number of follows that point
 * mostly at the most popular seeded accounts (Zipf over user1…userN); sometimes retries the
 * acknowledged sign-up as a client whose answer was lost would; loads its home feed, again
 * after `think` seconds; and sometimes posts. The defaults last 2 minutes and need a target
 * seeded with `launchday target seed --users 10000`.
 */
export default defineScenario({
  name: 'signup-spike',
  description: 'new users signing up at a launch-day spike, importing follows, reading feeds',
  baseUrl: 'http://127.0.0.1:8080',
  params: PARAMS,
  setup: async ({ http, params }): Promise<RunData> => {
    await assertSeeded(http, params.users);
    return { tag: runTag() };
  },
  workloads: (p) => ({
    signups: {
      executor: {
        type: 'ramping-arrival-rate',
        startRate: 0,
        stages: [
          { target: p.peak, duration: p.ramp },
          { target: p.peak, duration: p.plateau },
          { target: p.peak * p.tail, duration: p.decay },
        ],
        maxInFlight: Math.max(100, Math.ceil(p.peak * (p.think + 2))),
      },
      journey: (ctx) => newUserJourney(ctx, { ...ctx.params, tag: ctx.data.tag }),
    },
  }),
  thresholds: {
    'http_req_duration{name:signup}': ['p(99)<500'],
    'http_req_duration{name:feed}': ['p(99)<250'],
    http_req_failed: ['rate<0.01'],
    checks: ['rate>0.99'],
  },
});
