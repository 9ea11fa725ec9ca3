import type { Faker } from '@faker-js/faker';
import { delay } from '../core/clock.js';
import type { HttpSession, IterationTiming } from '../http/index.js';
import type { CheckRecorder, WriteRecorder } from '../metrics/types.js';
import { deepFreeze } from './deep-freeze.js';
import { createFaker } from './seeded-faker.js';
import { hashString, iterationSeed, SeededRandom } from './seeded-random.js';
import type { DeepReadonly, JourneyContext, ParamSpecs, ParamValues } from './types.js';
import { assertWrite } from './write-rules.js';

// Makes ctx.random() a different stream from ctx.faker for the same iteration seed.
const RANDOM_STREAM_SALT = 0x5bd1e995;

/** What the engine gives {@link JourneyContextImpl} for one VU. */
export interface JourneyContextInit<P extends ParamSpecs = ParamSpecs, D = unknown> {
  /** The workload's name. */
  readonly workload: string;
  /** The VU id, 1-based. */
  readonly vu: number;
  /** The resolved parameters (frozen here if they are not). */
  readonly params: ParamValues<P>;
  /** What `setup` returned; deep-frozen here (once per worker thread for a shared object). */
  readonly data: D;
  /** The VU's HTTP session, built on the same `timing` object. */
  readonly http: HttpSession;
  /** The VU's iteration timing, shared with `http`. */
  readonly timing: IterationTiming;
  /** Where `ctx.check` results go. */
  readonly checks: CheckRecorder;
  /** Where `ctx.recordWrite` writes go: the worker thread's write log. */
  readonly writes: WriteRecorder;
  /** The run seed (`--seed`). */
  readonly seed: number;
  /**
   * True when the executor numbers iterations per VU (the VU models): the VU id then joins the
   * seed, so two VUs' iteration 0 do not get the same data.
   */
  readonly iterationsPerVu?: boolean;
}

/**
 * The journey context of one VU, reused across all its iterations (the engine creates one per
 * VU id and calls {@link JourneyContextImpl.beginIteration} before each iteration). Nothing is
 * allocated per iteration except what the journey itself asks for.
 *
 * `faker` and `random()` are seeded lazily, on first use in each iteration, from a hash of
 * (run seed, workload name, iteration number) only — plus the VU id where iterations are
 * numbered per VU: with the same `--seed`, an iteration gets the same data whichever VU or
 * worker thread runs it. Faker's date methods are relative to the
 * current time unless given a `refDate`, so they are not reproducible.
 */
export class JourneyContextImpl<P extends ParamSpecs = ParamSpecs, D = unknown>
  implements JourneyContext<P, D>
{
  readonly http: HttpSession;
  readonly vu: number;
  readonly workload: string;
  readonly params: ParamValues<P>;
  readonly data: DeepReadonly<D>;
  readonly #timing: IterationTiming;
  readonly #checks: CheckRecorder;
  readonly #writes: WriteRecorder;
  readonly #runSeed: number;
  readonly #workloadHash: number;
  readonly #fakerRandom = new SeededRandom();
  readonly #random = new SeededRandom();
  #faker: Faker | undefined;
  #iteration = 0;
  #fakerSeeded = false;
  #randomSeeded = false;

  constructor(init: JourneyContextInit<P, D>) {
    this.http = init.http;
    this.vu = init.vu;
    this.workload = init.workload;
    this.params = Object.isFrozen(init.params) ? init.params : Object.freeze({ ...init.params });
    this.data = deepFreeze(init.data);
    this.#timing = init.timing;
    this.#checks = init.checks;
    this.#writes = init.writes;
    this.#runSeed = init.seed;
    this.#workloadHash = hashString(
      init.iterationsPerVu ? `${init.workload}#vu${init.vu}` : init.workload,
    );
  }

  /**
   * Called by the engine before each iteration: sets `ctx.iteration` and the intended start of
   * the iteration's first request to `plannedAt` (epoch ms), so its latency counts from the plan.
   */
  beginIteration(iteration: number, plannedAt: number): void {
    this.#iteration = iteration;
    this.#timing.intendedAt = plannedAt;
    this.#fakerSeeded = false;
    this.#randomSeeded = false;
  }

  /** The iteration number given to the last {@link JourneyContextImpl.beginIteration}. */
  get iteration(): number {
    return this.#iteration;
  }

  /** Records the check `name` as passed when `condition` is truthy; returns it as a boolean. */
  check(name: string, condition: boolean): boolean {
    const passed = Boolean(condition);
    this.#checks.recordCheck(name, passed);
    return passed;
  }

  /**
   * Records an acknowledged write of `kind` with this id in the worker's write log. Throws a
   * TypeError naming the bad value when `kind` or `id` breaks the rules of `assertWrite`; the
   * journey then ends with that error, as any journey error.
   */
  recordWrite(kind: string, id: string | number): void {
    assertWrite(kind, id);
    this.#writes.recordWrite(kind, id);
  }

  /**
   * Waits `seconds`. The iteration's planned start stops applying: the next request is measured
   * from its own issue time, as the wait is the journey's own doing, not the service's.
   */
  sleep(seconds: number): Promise<void> {
    this.#timing.intendedAt = undefined;
    return delay(seconds * 1000);
  }

  /** This VU's Faker, seeded for the current iteration on first access in it. */
  get faker(): Faker {
    this.#faker ??= createFaker(this.#fakerRandom);
    if (!this.#fakerSeeded) {
      this.#fakerSeeded = true;
      this.#fakerRandom.seed(this.#seedOfIteration());
    }
    return this.#faker;
  }

  /** A number in [0, 1), from a stream seeded for the current iteration on its first call. */
  random(): number {
    if (!this.#randomSeeded) {
      this.#randomSeeded = true;
      this.#random.seed(this.#seedOfIteration() ^ RANDOM_STREAM_SALT);
    }
    return this.#random.next();
  }

  #seedOfIteration(): number {
    return iterationSeed(this.#runSeed, this.#workloadHash, this.#iteration);
  }
}
