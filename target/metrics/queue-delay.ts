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
 *     (busy(t) - busy(s(k)))  +  (busy(s(k)) - busy(s(k-1))) / 2
 *
 * the work done on the batch's earlier requests, which every request of the batch waited for,
 * plus half the busy time between the two batch starts, of which arrivals spread over it waited
 * half on average. Time the loop slept drops out: a request that wakes an idle loop is
 * estimated at about 0, one that arrived during a 500 ms stall at about 250 ms.
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
  let gapHalf = 0;
  const endBatch = (): void => {
    inBatch = false;
  };
  return {
    estimateMs() {
      const busy = performance.eventLoopUtilization().active;
      if (!inBatch) {
        inBatch = true;
        setImmediate(endBatch);
        gapHalf = Number.isNaN(batchStart) ? 0 : (busy - batchStart) / 2;
        batchStart = busy;
      }
      return busy - batchStart + gapHalf;
    },
  };
}
