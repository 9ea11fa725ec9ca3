import { HdrHistogram } from './hdr-histogram.js';
import {
  ERROR_CLASSES,
  type ErrorClass,
  type RequestRecorder,
  type RequestSample,
  type SeriesDelta,
  type Tags,
} from './types.js';

/** The trend metrics every request records, and the sample field each one reads. */
const REQUEST_TRENDS = [
  ['http_req_duration', 'durationUs'],
  ['http_req_duration_uncorrected', 'uncorrectedUs'],
  ['http_req_blocked', 'blockedUs'],
  ['http_req_connecting', 'connectingUs'],
  ['http_req_tls_handshaking', 'tlsHandshakingUs'],
  ['http_req_sending', 'sendingUs'],
  ['http_req_waiting', 'waitingUs'],
  ['http_req_receiving', 'receivingUs'],
] as const satisfies ReadonlyArray<readonly [string, keyof RequestSample]>;

// One key per (status, error class or none): a status may come with several classes.
const OUTCOME_STRIDE = ERROR_CLASSES.length + 1;

/** The requests of one outcome (status and error class) of one request series. */
class OutcomeSeries {
  private count = 0;
  private failed = 0;
  private bytesSent = 0;
  private bytesReceived = 0;
  private readonly trends = REQUEST_TRENDS.map(() => new HdrHistogram());

  constructor(readonly tags: Tags) {}

  add(sample: RequestSample): void {
    this.count++;
    if (!sample.expected || sample.errorClass !== null) this.failed++;
    this.bytesSent += sample.bytesSent;
    this.bytesReceived += sample.bytesReceived;
    const trends = this.trends;
    trends[0]!.record(sample.durationUs);
    trends[1]!.record(sample.uncorrectedUs);
    trends[2]!.record(sample.blockedUs);
    trends[3]!.record(sample.connectingUs);
    trends[4]!.record(sample.tlsHandshakingUs);
    trends[5]!.record(sample.sendingUs);
    trends[6]!.record(sample.waitingUs);
    trends[7]!.record(sample.receivingUs);
  }

  drain(out: SeriesDelta[]): void {
    if (this.count === 0) return;
    const tags = this.tags;
    out.push({ metric: 'http_reqs', tags, kind: 'counter', count: this.count });
    out.push({
      metric: 'http_req_failed',
      tags,
      kind: 'rate',
      passes: this.failed,
      total: this.count,
    });
    out.push({ metric: 'data_sent', tags, kind: 'counter', count: this.bytesSent });
    out.push({ metric: 'data_received', tags, kind: 'counter', count: this.bytesReceived });
    REQUEST_TRENDS.forEach(([metric], i) => {
      const histogram = this.trends[i]!;
      out.push({ metric, tags, kind: 'trend', histogram: histogram.toTransfer() });
      histogram.reset();
    });
    this.count = this.failed = this.bytesSent = this.bytesReceived = 0;
  }
}

/**
 * Records the requests of one workload, request name and method, split by outcome so that every
 * series carries k6's `status`, `expected_response` and our `error_class` tags. The last outcome
 * is cached: most requests of a series end the same way, so the hot path is one comparison.
 */
export class RequestSeries implements RequestRecorder {
  private readonly outcomes = new Map<number, OutcomeSeries>();
  private lastKey = -1;
  private last: OutcomeSeries | undefined;

  constructor(private readonly baseTags: Tags) {}

  record(sample: RequestSample): void {
    const key = sample.status * OUTCOME_STRIDE + errorIndex(sample.errorClass);
    let outcome = key === this.lastKey ? this.last : this.outcomes.get(key);
    if (outcome === undefined) {
      outcome = new OutcomeSeries(this.outcomeTags(sample));
      this.outcomes.set(key, outcome);
    }
    this.lastKey = key;
    this.last = outcome;
    outcome.add(sample);
  }

  /** Appends what was recorded since the last drain to `out` and starts a new interval. */
  drain(out: SeriesDelta[]): void {
    for (const outcome of this.outcomes.values()) outcome.drain(out);
  }

  private outcomeTags(sample: RequestSample): Tags {
    const tags: Record<string, string> = {
      ...this.baseTags,
      status: String(sample.status),
      expected_response: String(sample.expected && sample.errorClass === null),
    };
    if (sample.errorClass !== null) tags.error_class = sample.errorClass;
    return tags;
  }
}

function errorIndex(errorClass: ErrorClass | null): number {
  return errorClass === null ? ERROR_CLASSES.length : ERROR_CLASSES.indexOf(errorClass);
}
