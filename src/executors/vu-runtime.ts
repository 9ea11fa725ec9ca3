import { setImmediate as nextTurn } from 'node:timers/promises';
import { epochNow } from '../core/clock.js';
import { Drain } from './drain.js';
import type {
  ExecutorRuntime,
  IterationStarter,
  RuntimeOutcome,
  VusPlan,
  WorkerShare,
} from './types.js';
import { nextVuChange, vusAt } from './vu-profile.js';
import { globalId, shareCount } from './worker-share.js';

// A VU whose iterations settle without I/O would starve timers; it yields after this long.
const MAX_TURN_MS = 5;
const ITERATIONS_PER_CLOCK_READ = 16;

/** One local VU: its loop, and whether the plan wants it running. */
interface VuSlot {
  readonly id: number;
  wanted: boolean;
  looping: boolean;
  /** Counted in activeVUs: looping, and wanted or within gracefulRampDown of being dropped. */
  counted: boolean;
  /** Iterations this VU has started, over all its activations. */
  iterations: number;
  rampDownTimer: NodeJS.Timeout | undefined;
}

/**
 * The closed-model runtime: each active VU runs iterations back to back (`plannedAt` is the
 * actual start). The VU count follows the plan's piecewise-linear profile, changed exactly
 * when k6 would (see {@link vusAt}); worker w runs the global VUs whose index is ≡ w (mod
 * workerCount), with their global ids. A ramped-down VU finishes its iteration and stops; it
 * counts as active for at most gracefulRampDown. `iteration` is the VU's own 0-based count,
 * kept across ramp-downs and ramp-ups, so (vu, iteration) is deterministic.
 */
export function createVuRuntime(
  plan: VusPlan,
  share: WorkerShare,
  starter: IterationStarter,
): ExecutorRuntime {
  return new VuRuntime(plan, share, starter);
}

class VuRuntime implements ExecutorRuntime {
  private readonly slots: VuSlot[] = [];
  // Settles on VU loops, not iterations, so `done` sees every loop out; a loop alive at the
  // deadline is one stuck in an iteration.
  private readonly drain = new Drain(() => this.loops);
  private loops = 0;
  private running = 0;
  private active = 0;
  private originAt = Number.NaN;
  private started = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly plan: VusPlan,
    private readonly share: WorkerShare,
    private readonly starter: IterationStarter,
  ) {}

  get done(): Promise<RuntimeOutcome> {
    return this.drain.done;
  }

  get inFlight(): number {
    return this.running;
  }

  get activeVUs(): number {
    return this.active;
  }

  start(runStartAt: number): void {
    if (this.started || this.drain.ended) return;
    this.started = true;
    this.originAt = runStartAt + this.plan.startTimeMs;
    this.timer = setTimeout(this.tick, Math.max(0, this.originAt - epochNow()));
  }

  stop(): void {
    if (this.drain.ended) return;
    this.end(epochNow());
  }

  abort(): void {
    this.end(epochNow());
    this.drain.cut();
  }

  private readonly tick = (): void => {
    const now = epochNow() - this.originAt;
    const end = this.plan.durationMs;
    if (now >= end) {
      this.end(this.originAt + end);
      return;
    }
    this.scaleTo(shareCount(vusAt(this.plan.vus, now), this.share));
    const wakeAt = Math.min(nextVuChange(this.plan.vus, now), end);
    this.timer = setTimeout(this.tick, Math.max(1, Math.ceil(wakeAt - now)));
  };

  private end(at: number): void {
    clearTimeout(this.timer);
    for (const slot of this.slots) {
      slot.wanted = false;
      clearTimeout(slot.rampDownTimer);
    }
    this.drain.begin(at + (this.started ? this.plan.gracefulStopMs : 0));
  }

  private scaleTo(count: number): void {
    for (let index = this.slots.length; index < count; index++) {
      this.slots.push({
        id: globalId(index, this.share),
        wanted: false,
        looping: false,
        counted: false,
        iterations: 0,
        rampDownTimer: undefined,
      });
    }
    this.slots.forEach((slot, index) => {
      if (index < count) this.activate(slot);
      else if (slot.wanted) this.rampDown(slot);
    });
  }

  private activate(slot: VuSlot): void {
    if (slot.wanted) return;
    slot.wanted = true;
    clearTimeout(slot.rampDownTimer);
    if (slot.looping && !slot.counted) this.setCounted(slot, true);
    if (!slot.looping) void this.loop(slot);
  }

  private rampDown(slot: VuSlot): void {
    slot.wanted = false;
    if (!slot.looping) return;
    slot.rampDownTimer = setTimeout(() => {
      if (!slot.wanted && slot.counted) this.setCounted(slot, false);
    }, this.plan.gracefulRampDownMs ?? 0);
  }

  private async loop(slot: VuSlot): Promise<void> {
    slot.looping = true;
    this.loops++;
    this.setCounted(slot, true);
    let turnStart = epochNow();
    let sinceClockRead = 0;
    while (slot.wanted) {
      this.running++;
      await this.starter.run(slot.id, slot.iterations++);
      this.running--;
      // Reading the clock is a measurable share of a fast iteration, so only every few turns.
      if (++sinceClockRead < ITERATIONS_PER_CLOCK_READ) continue;
      sinceClockRead = 0;
      if (slot.wanted && epochNow() - turnStart >= MAX_TURN_MS) {
        await nextTurn();
        turnStart = epochNow();
      }
    }
    slot.looping = false;
    this.loops--;
    clearTimeout(slot.rampDownTimer);
    if (slot.counted) this.setCounted(slot, false);
    this.drain.check();
  }

  private setCounted(slot: VuSlot, counted: boolean): void {
    slot.counted = counted;
    this.active += counted ? 1 : -1;
  }
}
