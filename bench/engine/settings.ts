/**
 * The fixed figures of the engine benchmark, in one place: the benchmark, its servers and its
 * scenarios (bundled by launchday, which follows this relative import) all read them.
 */

/** Part 1, cost: closed loop with this many connections (= launchday VUs) for both tools. */
export const COST_CONNECTIONS = 50;

/**
 * Part 1, cost: each tool runs at both durations (seconds); the difference cancels fixed
 * start-up costs (bundling, worker start, JIT warm-up) out of the per-request figure.
 */
export const COST_SECONDS = { short: 3, long: 13 } as const;

/**
 * Part 1, cost: rounds of (short, long) runs; each round gives one marginal figure per tool and
 * the median is reported, so one disturbed run on a busy machine does not decide the result.
 * Within a round the tools alternate, so a slow drift of the machine hits both alike.
 */
export const COST_ROUNDS = 5;

/** The freezing server's schedule, in milliseconds, from its start. */
export interface FreezeSchedule {
  /** A freeze starts every `periodMs`, the first one `periodMs` after the server starts. */
  readonly periodMs: number;
  /** How long each freeze busy-waits on the event loop. */
  readonly freezeMs: number;
  /** How long an answer takes outside freezes (a timer, not CPU). */
  readonly serviceMs: number;
}

/** Part 2, accuracy: the server freezes 500 ms every 5 s and answers in ~1 ms otherwise. */
export const FREEZE_SCHEDULE: FreezeSchedule = { periodMs: 5000, freezeMs: 500, serviceMs: 1 };

/** Part 2, accuracy: the open-loop rate (requests/s) and length (s) of both tools' runs. */
export const ACCURACY_LOAD = { rate: 1000, seconds: 30 } as const;

/**
 * Connections of the open-loop runs (accuracy and memory), for both tools. A freeze holds
 * ~500 requests in flight at 1,000/s; more connections than that keep requests from queueing
 * in the client behind a busy pool, so the only delay measured is the server's.
 */
export const OPEN_CONNECTIONS = 600;

/** In-flight cap of launchday's open-loop runs: far above what a freeze holds, so nothing drops. */
export const OPEN_MAX_IN_FLIGHT = 10_000;

/** Part 3, memory: the arrival rate (requests/s), default length (s) and sampling. */
export const MEMORY_LOAD = {
  rate: 2000,
  defaultSeconds: 600,
  /** RSS is read this often (ms). */
  sampleEveryMs: 5000,
  /** The RSS the end is compared with is the one at this many seconds (after warm-up). */
  baselineSeconds: 60,
} as const;

/**
 * Part 4, hostile bodies: each tool in a closed loop with this many connections for `seconds`
 * against a server streaming an endless body, then one announcing `announcedBytes` and sending
 * one chunk; the peak RSS of the generator (VmHWM) read every `sampleEveryMs`. A request's
 * timeout (`timeoutMs`) is longer than the run, as autocannon's 10 s default is.
 */
export const HOSTILE_LOAD = {
  connections: 10,
  seconds: 4,
  timeoutMs: 10_000,
  chunkBytes: 16 * 1024,
  announcedBytes: 1e9,
  sampleEveryMs: 100,
} as const;

/** Start-up allowance on top of a run's planned length before it is stopped as hung (ms). */
const STARTUP_ALLOWANCE_MS = 60_000;

/** How long a tool's run planned for `seconds` may take in all before it is stopped (ms). */
export function runTimeoutMs(seconds: number): number {
  return seconds * 1000 + STARTUP_ALLOWANCE_MS;
}
