import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'undici';

/** What one run of the load driver does: open-loop at a rate, or closed-loop with N clients. */
export interface LoadOptions {
  /** `http://127.0.0.1:port`, the origin of the service under test. */
  readonly origin: string;
  /** The path requested with GET. */
  readonly path: string;
  readonly durationMs: number;
  /** Open loop: requests a second, each sent at its planned time whatever the responses do. */
  readonly ratePerSecond?: number;
  /** Closed loop: clients each sending their next request when the previous one is answered. */
  readonly concurrency?: number;
  /** A request unanswered after this long counts as a failure (ms). */
  readonly timeoutMs: number;
  /**
   * Keep-alive connections, all opened before the run by as many concurrent requests to
   * `warmupPath`, and never more: a request finding none free waits for one, and that wait counts
   * in its latency. A fixed pool is how a load balancer talks to a service, and it keeps new
   * connections out of the run: Node accepts one connection per event-loop iteration, so under
   * overload new ones would wait in the kernel's accept queue, unseen by the service.
   */
  readonly connections: number;
  readonly warmupPath: string;
}

/** What the driver saw. */
export interface LoadResult {
  readonly sent: number;
  /** Responses by status code. */
  readonly statuses: Readonly<Record<string, number>>;
  /** Requests that got no response: timeouts, resets, refused connections. */
  readonly failures: number;
  /** Latency of each 200, from its planned send time (ms). */
  readonly okLatenciesMs: readonly number[];
  /** From the first send to the last answer (ms). */
  readonly elapsedMs: number;
}

/**
 * The load driver of the overload tests, run (bundled) in a worker thread so that the service
 * under test and the load never share an event loop. It runs the {@link LoadOptions} in
 * `workerData` with an undici pool, bounded in time and count, and posts a {@link LoadResult}.
 */
async function drive(options: LoadOptions): Promise<LoadResult> {
  const { timeoutMs } = options;
  const pool = new Pool(options.origin, {
    connections: options.connections,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const exchange = (path: string, plannedAt: number, tally: Tally): Promise<void> =>
    pool.request({ path, method: 'GET' }).then(
      async (response) => {
        await response.body.dump();
        tally.answered(String(response.statusCode), performance.now() - plannedAt);
      },
      () => {
        tally.failures++;
      },
    );
  const warmup = new Tally();
  await Promise.all(
    Array.from({ length: options.connections }, () =>
      exchange(options.warmupPath, performance.now(), warmup),
    ),
  );
  if (warmup.failures > 0) throw new Error(`${warmup.failures} warm-up requests failed`);
  const tally = new Tally();
  const send = (plannedAt: number): Promise<void> => exchange(options.path, plannedAt, tally);
  const start = performance.now();
  const end = start + options.durationMs;
  await (options.ratePerSecond === undefined
    ? closedLoop(options.concurrency ?? 1, end, send)
    : openLoop(options.ratePerSecond, start, end, send));
  const elapsedMs = performance.now() - start;
  await pool.destroy();
  return tally.result(elapsedMs);
}

/** Counts the answers of one run. */
class Tally {
  failures = 0;
  private readonly statuses: Record<string, number> = {};
  private readonly okLatenciesMs: number[] = [];

  answered(status: string, latencyMs: number): void {
    this.statuses[status] = (this.statuses[status] ?? 0) + 1;
    if (status === '200') this.okLatenciesMs.push(latencyMs);
  }

  result(elapsedMs: number): LoadResult {
    const sent = Object.values(this.statuses).reduce((sum, count) => sum + count, this.failures);
    const { statuses, failures, okLatenciesMs } = this;
    return { sent, statuses, failures, okLatenciesMs, elapsedMs };
  }
}

async function openLoop(
  ratePerSecond: number,
  start: number,
  end: number,
  send: (plannedAt: number) => Promise<void>,
): Promise<void> {
  const total = Math.floor(((end - start) * ratePerSecond) / 1000);
  const plannedAt = (index: number): number => start + (index * 1000) / ratePerSecond;
  const answers: Promise<void>[] = [];
  while (answers.length < total) {
    const now = performance.now();
    while (answers.length < total && plannedAt(answers.length) <= now) {
      answers.push(send(plannedAt(answers.length)));
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(answers);
}

async function closedLoop(
  concurrency: number,
  end: number,
  send: (plannedAt: number) => Promise<void>,
): Promise<void> {
  const client = async (): Promise<void> => {
    while (performance.now() < end) await send(performance.now());
  };
  await Promise.all(Array.from({ length: concurrency }, client));
}

if (!isMainThread && parentPort !== null) {
  const port = parentPort;
  drive(workerData as LoadOptions).then((result) => port.postMessage(result));
}
