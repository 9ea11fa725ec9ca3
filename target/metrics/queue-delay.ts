import { performance } from 'node:perf_hooks';

/** Estimates how long the request being handled now waited in the event loop's queue. */
export interface QueueDelayMonitor {
  /**
   * The estimated wait (ms) of the request being handled now, between its bytes reaching the
   * socket and this call. Call exactly once per request, synchronously from the callback that
   * received it (a Fastify `onRequest` hook): the calls are also how batches are recognised.
   */
  estimateMs(): number;
}

/**
 * Creates a queue-delay monitor for this process's event loop.
 *
 * In Node the queue a request waits in is the event loop: its bytes sit in the socket buffer
 * until the loop, busy with earlier work, next polls for I/O; then every request that became
 * readable meanwhile is handled in one batch, one after the other, in that poll phase. A
 * request of batch k so arrived after the poll that began batch k-1, and waits until its turn
 * in batch k. With busy(t) the time the loop has spent working rather than sleeping in the
 * poll up to t (`performance.eventLoopUtilization().active`: exact, and cheap to read), and
 * s(k) the moment the first request of batch k is handled, a request handled at t is estimated
 * to have waited
 *
 *     (busy(t) - busy(s(k)))  +  B² / 2(B + I)
 *
 * the work done on the batch's earlier requests, which every request of the batch waited for,
 * plus the expected wait of an arrival spread uniformly over the time between the two batch
 * starts, of which the loop spent B busy and I idle (sleeping in the poll): with probability
 * B / (B + I) it arrived while the loop was busy, and then waited B / 2 on average. A loop that
 * never sleeps (CPU overload) gives B / 2: a request that arrived during a 500 ms stall is
 * estimated at about 250 ms. A loop that slept gives about 0, however much background work
 * (timers, garbage collection) it did over a long quiet spell: a request that wakes an idle
 * loop is served at once.
 *
 * A batch ends at the loop's next check phase (one `setImmediate`, scheduled by its first
 * request). Compared with a fine timer whose lateness samples the loop's delay, this keeps no
 * timer running (no wake-ups when idle) and measures the very batch a request is in, so it
 * reacts in the iteration in which an overload starts rather than a timer tick later.
 *
 * No in-process measure sees the kernel's accept queue: libuv accepts one connection per loop
 * iteration, so under CPU overload new connections wait there, and that wait is not counted in
 * the estimate of their first request. Clients that keep their connections (load balancers,
 * launchday's connection pools) are measured in full.
 */
export function createQueueDelayMonitor(): QueueDelayMonitor {
  let inBatch = false;
  let batchStart = Number.NaN;
  let idleAtBatchStart = 0;
  let gapWait = 0;
  const endBatch = (): void => {
    inBatch = false;
  };
  return {
    estimateMs() {
      const { active: busy, idle } = performance.eventLoopUtilization();
      if (!inBatch) {
        inBatch = true;
        setImmediate(endBatch);
        gapWait = Number.isNaN(batchStart)
          ? 0
          : expectedGapWait(busy - batchStart, idle - idleAtBatchStart);
        batchStart = busy;
        idleAtBatchStart = idle;
      }
      return busy - batchStart + gapWait;
    },
  };
}

/** B² / 2(B + I): the expected wait of an arrival between two batch starts (see above). */
function expectedGapWait(busyMs: number, idleMs: number): number {
  const total = busyMs + idleMs;
  return total > 0 ? (busyMs * busyMs) / (2 * total) : 0;
}
