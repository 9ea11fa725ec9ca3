import { epochNow } from '../core/clock.js';
import { type ArrivalSchedule, createArrivalSchedule } from './arrival-schedule.js';
import { Drain } from './drain.js';
import { IdPool } from './id-pool.js';
import type {
  ArrivalRatePlan,
  ExecutorRuntime,
  IterationStarter,
  RuntimeOutcome,
  WorkerShare,
} from './types.js';
import { globalId, shareCount } from './worker-share.js';

/**
 * The open-model runtime: starts each planned arrival at its time whatever the responses do.
 * One timer at a time: each wake-up starts every arrival whose time has come (each with its
 * own planned time, which the engine measures latency from), then sleeps until the next.
 * An arrival that would exceed this worker's share of `maxInFlight` is dropped and reported
 * through `starter.dropped`, never delayed. VU ids are the lowest free ones, mapped to global
 * ids (≤ maxInFlight) unique over the workers; `iteration` is the schedule's global number.
 */
export function createArrivalRateRuntime(
  plan: ArrivalRatePlan,
  share: WorkerShare,
  starter: IterationStarter,
): ExecutorRuntime {
  return new ArrivalRateRuntime(plan, share, starter);
}

class ArrivalRateRuntime implements ExecutorRuntime {
  private readonly schedule: ArrivalSchedule;
  private readonly capacity: number;
  private readonly ids = new IdPool();
  // One finish callback per local VU id, made once, so starting an iteration allocates no closure.
  private readonly finishers: (() => void)[] = [];
  private readonly drain = new Drain(() => this.running);
  private running = 0;
  private originAt = Number.NaN;
  private started = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly plan: ArrivalRatePlan,
    private readonly share: WorkerShare,
    private readonly starter: IterationStarter,
  ) {
    this.schedule = createArrivalSchedule(plan, share);
    this.capacity = shareCount(plan.maxInFlight, share);
  }

  get done(): Promise<RuntimeOutcome> {
    return this.drain.done;
  }

  get inFlight(): number {
    return this.running;
  }

  get activeVUs(): number {
    return this.running;
  }

  start(runStartAt: number): void {
    if (this.started || this.drain.ended) return;
    this.started = true;
    this.originAt = runStartAt + this.plan.startTimeMs;
    this.wake();
  }

  stop(): void {
    if (this.drain.ended) return;
    clearTimeout(this.timer);
    this.drain.begin(epochNow() + (this.started ? this.plan.gracefulStopMs : 0));
  }

  abort(): void {
    clearTimeout(this.timer);
    this.drain.cut();
  }

  private readonly wake = (): void => {
    const now = epochNow() - this.originAt;
    const end = this.plan.durationMs;
    const schedule = this.schedule;
    while (schedule.atMs <= now && schedule.atMs < end) {
      this.launch(this.originAt + schedule.atMs, schedule.iteration);
      schedule.advance();
    }
    if (now >= end) {
      this.drain.begin(this.originAt + end + this.plan.gracefulStopMs);
      return;
    }
    // Timers have 1 ms granularity; waking a little early just sleeps again.
    const sleep = Math.ceil(Math.min(schedule.atMs, end) - now);
    this.timer = setTimeout(this.wake, Math.max(1, sleep));
  };

  private launch(plannedAt: number, iteration: number): void {
    if (this.running >= this.capacity) {
      this.starter.dropped(plannedAt);
      return;
    }
    const id = this.ids.acquire();
    this.running++;
    this.starter.run(globalId(id, this.share), iteration, plannedAt).then(this.finisher(id));
  }

  private finisher(id: number): () => void {
    let finish = this.finishers[id];
    if (!finish) {
      finish = () => {
        this.ids.release(id);
        this.running--;
        this.drain.check();
      };
      this.finishers[id] = finish;
    }
    return finish;
  }
}
