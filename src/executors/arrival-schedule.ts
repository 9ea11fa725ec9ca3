import { createPrng, deriveSeed, exponential, type Prng } from './prng.js';
import { createRateCurve, type RateCurve } from './rate-profile.js';
import type { ArrivalRatePlan, WorkerShare } from './types.js';

/**
 * The planned arrivals of one worker, one at a time: O(1) memory, a few float operations and
 * an O(log segments) search per arrival. The arrival-rate runtime reads the pending arrival,
 * starts it when its time has come, then calls {@link ArrivalSchedule.advance}.
 */
export interface ArrivalSchedule {
  /** Planned start of the pending arrival, ms since the workload's start; Infinity when none is left. */
  readonly atMs: number;
  /**
   * The pending arrival's global iteration number, unique over all workers: uniform k (the
   * k-th arrival of the whole plan), poisson `workerIndex + workerCount·j` (this worker's j-th).
   */
  readonly iteration: number;
  /** Moves to this worker's next arrival. */
  advance(): void;
}

/** The plan fields a schedule reads. */
export type SchedulePlan = Pick<ArrivalRatePlan, 'rate' | 'arrivals' | 'plannedIterations'>;

/**
 * The schedule of worker `share.workerIndex` of `share.workerCount`.
 * - uniform: the k-th arrival of the plan (k = 0, 1, …, plannedIterations − 1) is at Λ⁻¹(k);
 *   the worker takes those with k ≡ workerIndex (mod workerCount), so the workers together
 *   start exactly the single-worker set.
 * - poisson: the worker runs its own Poisson process at rate/workerCount (gaps in Λ-space are
 *   Exp(workerCount)), seeded from (seed, workerIndex); the superposition over the workers is a
 *   Poisson process at the full rate, ending at the plan's end (its count is random, with mean
 *   Λ(duration)).
 */
export function createArrivalSchedule(plan: SchedulePlan, share: WorkerShare): ArrivalSchedule {
  const curve = createRateCurve(plan.rate);
  return plan.arrivals === 'poisson'
    ? new PoissonSchedule(curve, share)
    : new UniformSchedule(curve, plan.plannedIterations, share);
}

class UniformSchedule implements ArrivalSchedule {
  atMs: number;
  iteration: number;

  constructor(
    private readonly curve: RateCurve,
    private readonly planned: number,
    private readonly share: WorkerShare,
  ) {
    this.iteration = share.workerIndex;
    this.atMs = this.timeOf(this.iteration);
  }

  advance(): void {
    this.iteration += this.share.workerCount;
    this.atMs = this.timeOf(this.iteration);
  }

  private timeOf(k: number): number {
    return k < this.planned ? this.curve.inverse(k) : Infinity;
  }
}

class PoissonSchedule implements ArrivalSchedule {
  atMs: number;
  iteration: number;
  private readonly random: Prng;
  // This worker's position in Λ-space (arrivals of the full plan).
  private position = 0;

  constructor(
    private readonly curve: RateCurve,
    private readonly share: WorkerShare,
  ) {
    this.random = createPrng(deriveSeed(share.seed, share.workerIndex));
    this.iteration = share.workerIndex;
    this.atMs = this.nextTime();
  }

  advance(): void {
    this.iteration += this.share.workerCount;
    this.atMs = this.nextTime();
  }

  private nextTime(): number {
    this.position += this.share.workerCount * exponential(this.random);
    return this.position < this.curve.total ? this.curve.inverse(this.position) : Infinity;
  }
}
