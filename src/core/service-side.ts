/**
 * The service's side of a run in result.json (`RunResult.service`): what launchday read off the
 * target's Prometheus /metrics while the load ran.
 */

/**
 * One second of the service's side, read off its Prometheus /metrics: each field null when the
 * page had no such series. Rates and percentiles cover the second before `t`.
 */
export interface ServicePoint {
  /** Seconds since the load started, when the second ended (the later of its two readings). */
  t: number;
  /** Cores' worth of CPU: `process_cpu_seconds_total`'s rate, over all its series. */
  cpuCores: number | null;
  /** Resident memory (bytes): `process_resident_memory_bytes`, summed. */
  residentBytes: number | null;
  /** Event-loop utilisation, 0 to 1: `nodejs_eventloop_utilization`, mean over processes. */
  eventLoopUtilization: number | null;
  /** Event-loop lag p99 (ms): `nodejs_eventloop_lag_p99_seconds`, the worst process's. */
  eventLoopLagP99Ms: number | null;
  /** Requests in flight: `http_requests_in_flight`, summed. */
  inFlight: number | null;
  /** Requests shed per second: `http_requests_shed_total`'s rate. */
  shedPerSecond: number | null;
  /** Jobs waiting: `feed_jobs_queue_depth`, summed (the reference service). */
  jobQueueDepth: number | null;
  /** p99 of the time jobs waited in the queue in this second (ms): `feed_job_wait_seconds`. */
  jobWaitP99Ms: number | null;
  /**
   * The `--target-metric` series by name: a counter's rate per second, a gauge's sum, a
   * histogram's p99 in its own unit.
   */
  extra: Record<string, number | null>;
}

/** The service's side of a run: what launchday read off the target's /metrics while it ran. */
export interface ServiceSide {
  /** The page read, e.g. `http://127.0.0.1:8080/metrics`. */
  metricsUrl: string;
  /** The `--target-metric` series kept in every point's `extra`. */
  extraMetrics: string[];
  /** One per second the page answered at both ends of, in time order. */
  points: ServicePoint[];
  /** What went wrong with the page, a sentence each (none when every reading worked). */
  notes: string[];
}
