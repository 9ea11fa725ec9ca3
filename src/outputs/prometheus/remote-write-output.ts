import { Client } from 'undici';
import { epochNow } from '../../core/clock.js';
import type { IntervalPoint } from '../../core/result.js';
import { seriesKey } from '../../metrics/series-store.js';
import type { LiveState, Output, RunStart } from '../types.js';
import { LiveSeries } from './live-series.js';
import { NATIVE_SCHEMA, NATIVE_ZERO_THRESHOLD, toNativeHistogram } from './native-histogram.js';
import { SendFailure, SendQueue } from './send-queue.js';
import type { NativeHistogram, PromSeries } from './types.js';
import {
  encodeStaleMarkers,
  encodeWriteRequest,
  REMOTE_WRITE_HEADERS,
  type WriteSeries,
} from './write-request.js';

/** Options of {@link PrometheusRemoteWriteOutput}; only `url` is required. */
export interface RemoteWriteOptions {
  /** The receiver, e.g. `http://127.0.0.1:9090/api/v1/write`. */
  readonly url: string;
  /**
   * Told, in one sentence each, of the first failed request and, at the end, of any second
   * that was never delivered. The CLI writes these to stderr.
   */
  readonly onProblem?: (message: string) => void;
  /** Seconds of metrics kept while the receiver is unreachable; default 120. */
  readonly maxQueued?: number;
  /** The longest one request may take, ms; default 5000. */
  readonly requestTimeoutMs?: number;
  /** The longest `end()` waits for the queue to empty, ms; default 10,000. */
  readonly flushTimeoutMs?: number;
  /** The first wait before a retry, ms (doubling up to 5 s); default 250. */
  readonly initialBackoffMs?: number;
}

const EMPTY_HISTOGRAM: NativeHistogram = Object.freeze({
  count: 0,
  sum: 0,
  schema: NATIVE_SCHEMA,
  zeroThreshold: NATIVE_ZERO_THRESHOLD,
  zeroCount: 0,
  positiveSpans: [],
  positiveDeltas: [],
});

/**
 * `--out prometheus-rw=URL`: pushes the run's metrics to a Prometheus remote-write receiver
 * once a second, under k6's names and labels (see {@link LiveSeries}), so the k6 dashboards
 * work on launchday runs. Each second is one request holding every series' run-long value
 * stamped at the second's end; trends are native histograms (see {@link toNativeHistogram}).
 * A series' first request also holds a zero at the start of its first second, so rate() and
 * increase() count that second too. Requests go through a {@link SendQueue}: in time order,
 * never blocking the engine, retried with backoff. `end()` waits (up to `flushTimeoutMs`) for
 * the queue and sends stale markers for every gauge, so panels stop where the run stopped.
 */
export class PrometheusRemoteWriteOutput implements Output {
  private readonly url: URL;
  private readonly client: Client;
  private readonly queue: SendQueue<Uint8Array>;
  private series: LiveSeries | undefined;
  private startAt = 0;
  private lastTimestamp = 0;
  private readonly known = new Set<string>();
  private readonly gauges = new Map<string, WriteSeries>();
  private failureReported = false;

  constructor(private readonly options: RemoteWriteOptions) {
    this.url = new URL(options.url);
    this.client = new Client(this.url.origin);
    this.queue = new SendQueue({
      send: (body) => this.send(body),
      maxItems: Math.max(2, options.maxQueued ?? 120),
      initialBackoffMs: options.initialBackoffMs ?? 250,
      maxBackoffMs: 5000,
      onFailure: (error) => this.reportFailure(error),
    });
  }

  start({ runId, run, startAt }: RunStart): void {
    this.series = new LiveSeries(runId, run);
    this.startAt = startAt;
  }

  interval(point: IntervalPoint, live: LiveState): void {
    if (this.series === undefined) return;
    this.series.add(point, live);
    const secondStart = Math.round(this.startAt + point.t * 1000);
    const timestamp = this.nextTimestamp(secondStart + 1000);
    const batch = this.series.current(true).map((s) => this.writeSeries(s, timestamp, secondStart));
    this.queue.push(encodeWriteRequest(batch));
  }

  async end(): Promise<void> {
    const timestamp = this.nextTimestamp(Number.POSITIVE_INFINITY);
    if (this.gauges.size > 0)
      this.queue.push(encodeStaleMarkers([...this.gauges.values()], timestamp));
    const left = await this.queue.drain(this.options.flushTimeoutMs ?? 10_000);
    if (left > 0) await this.client.destroy();
    else await this.client.close();
    const { pushed, dropped, rejected } = this.queue.stats;
    const lost = dropped + rejected + left;
    if (lost > 0)
      this.options.onProblem?.(
        `remote write to ${this.url.href}: ${lost} of ${pushed} requests were not delivered ` +
          `(${dropped} dropped while the queue was full, ${rejected} rejected, ${left} unsent at the end)`,
      );
  }

  /** A time after every one sent so far, and at most now: `at` or less. */
  private nextTimestamp(at: number): number {
    this.lastTimestamp = Math.max(this.lastTimestamp + 1, Math.min(at, Math.round(epochNow())));
    return this.lastTimestamp;
  }

  private writeSeries(series: PromSeries, timestamp: number, secondStart: number): WriteSeries {
    const { name, labels } = series;
    const key = seriesKey(name, labels);
    const isNew = !this.known.has(key);
    this.known.add(key);
    const zeroAt = Math.min(secondStart, timestamp - 1);
    if (series.type === 'histogram') {
      const histogram = toNativeHistogram(series.histogram);
      const first = isNew ? [{ histogram: EMPTY_HISTOGRAM, timestamp: zeroAt }] : [];
      return { name, labels, histograms: [...first, { histogram, timestamp }] };
    }
    if (series.type === 'gauge') this.gauges.set(key, { name, labels });
    const first = isNew && series.type === 'counter' ? [{ value: 0, timestamp: zeroAt }] : [];
    return { name, labels, samples: [...first, { value: series.value, timestamp }] };
  }

  private async send(body: Uint8Array): Promise<void> {
    const response = await this.client.request({
      path: `${this.url.pathname}${this.url.search}`,
      method: 'POST',
      headers: REMOTE_WRITE_HEADERS,
      body,
      signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 5000),
    });
    const text = await response.body.text();
    if (response.statusCode >= 200 && response.statusCode < 300) return;
    const retryable = response.statusCode >= 500 || response.statusCode === 429;
    throw new SendFailure(`HTTP ${response.statusCode} ${text.trim().slice(0, 200)}`, retryable);
  }

  private reportFailure(error: Error): void {
    if (this.failureReported) return;
    this.failureReported = true;
    this.options.onProblem?.(
      `remote write to ${this.url.href} failed (${error.message}); retrying in the background, ` +
        'and any seconds lost are counted at the end',
    );
  }
}

/**
 * The remote-write output for the programmatic API (`runScenario(file, { outputs: [...] })`);
 * the CLI builds the same from `--out prometheus-rw=URL`. Unlike the CLI, it does not check the
 * URL's host against `--allow-host`: the caller chose it.
 */
export function prometheusRemoteWrite(options: RemoteWriteOptions): PrometheusRemoteWriteOutput {
  return new PrometheusRemoteWriteOutput(options);
}
