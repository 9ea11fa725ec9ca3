import type { HttpSession } from '../http/index.js';
import { deepFreeze } from './deep-freeze.js';
import { createFaker } from './seeded-faker.js';
import { hashString, iterationSeed, SeededRandom } from './seeded-random.js';
import type { ParamSpecs, ParamValues, SetupContext, TeardownContext } from './types.js';

// k6 names its setup group '::setup'; a workload name cannot collide with it in practice.
const SETUP_STREAM = hashString('::setup');

/**
 * The context the engine passes to a scenario's `setup`: the params (frozen), the HTTP session
 * it built for setup, and a Faker seeded from `seed` alone, so `--seed` reproduces setup data.
 */
export function createSetupContext<P extends ParamSpecs>(init: {
  readonly params: ParamValues<P>;
  readonly http: HttpSession;
  readonly seed: number;
}): SetupContext<P> {
  const random = new SeededRandom();
  random.seed(iterationSeed(init.seed, SETUP_STREAM, 0));
  return Object.freeze({
    params: Object.freeze({ ...init.params }),
    http: init.http,
    faker: createFaker(random),
  });
}

/** The context the engine passes to `teardown`: the setup context plus `data`, deep-frozen. */
export function createTeardownContext<P extends ParamSpecs, D>(
  setup: SetupContext<P>,
  data: D,
): TeardownContext<P, D> {
  return Object.freeze({ ...setup, data: deepFreeze(data) });
}
