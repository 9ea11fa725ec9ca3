import type { HistogramTransfer } from './hdr-histogram.js';

/**
 * The contracts between the metrics store and the parts that feed it on the hot path
 * (the HTTP layer, the journey context, the executors).
 */

/**
 * Why a request failed, when it did. `http_4xx` and `http_5xx` are responses with such a status;
 * `body_too_large` is a response whose body passed the size kept per request (its status is the
 * one received); `headers_too_large` one whose head passed the header size limit; the others are
 * failures without a (complete) response (status 0).
 */
export type ErrorClass =
  | 'timeout'
  | 'connect'
  | 'reset'
  | 'dns'
  | 'body_too_large'
  | 'headers_too_large'
  | 'http_4xx'
  | 'http_5xx'
  | 'other';

/** Every {@link ErrorClass}, in the order reports list them. */
export const ERROR_CLASSES: readonly ErrorClass[] = [
  'timeout',
  'connect',
  'reset',
  'dns',
  'body_too_large',
  'headers_too_large',
  'http_4xx',
  'http_5xx',
  'other',
];

/**
 * What one finished HTTP request measured. All durations are in microseconds. The HTTP layer's
 * per-request state object implements this, so recording a request allocates nothing.
 */
export interface RequestSample {
  /** The response status, or 0 when no response arrived. */
  readonly status: number;
  /** Why the request failed, or null when it did not. */
  readonly errorClass: ErrorClass | null;
  /** Whether the status is one the scenario expects (k6's `expected_response`, 200–399 by default). */
  readonly expected: boolean;
  /**
   * From the time the request was meant to be sent to the end of the response: the latency
   * without coordinated omission (`http_req_duration`).
   */
  readonly durationUs: number;
  /**
   * From the moment the request got a connection to the end of the response, as a closed-loop
   * tool measures it (`http_req_duration_uncorrected`; k6's sending + waiting + receiving).
   */
  readonly uncorrectedUs: number;
  /** Waiting for a free connection, including connecting (`http_req_blocked`). */
  readonly blockedUs: number;
  /** Establishing the TCP connection, 0 on a reused one (`http_req_connecting`). */
  readonly connectingUs: number;
  /** The TLS handshake, 0 on plain HTTP or a reused connection (`http_req_tls_handshaking`). */
  readonly tlsHandshakingUs: number;
  /** Writing the request (`http_req_sending`). */
  readonly sendingUs: number;
  /** From the request written to the first response byte (`http_req_waiting`). */
  readonly waitingUs: number;
  /** From the first to the last response byte (`http_req_receiving`). */
  readonly receivingUs: number;
  /** Bytes written for the request line, headers and body (`data_sent`). */
  readonly bytesSent: number;
  /** Bytes read for the status line, headers and body (`data_received`). */
  readonly bytesReceived: number;
}

/** Records the requests of one series: one workload, request name and method. */
export interface RequestRecorder {
  /** Called once per finished request, on the hot path: must not allocate per call. */
  record(sample: RequestSample): void;
}

/** Hands out request recorders; the HTTP layer caches the one it gets per request name. */
export interface RequestRecorderFactory {
  /** The recorder for requests of `workload` named `name` with `method` (upper case). */
  requestRecorder(workload: string, name: string, method: string): RequestRecorder;
}

/** Records checks (`ctx.check`) of one workload. */
export interface CheckRecorder {
  /** Counts one evaluation of the check called `name`. */
  recordCheck(name: string, passed: boolean): void;
}

/**
 * Records the writes the target acknowledged, as journeys report them with `ctx.recordWrite`, in
 * one worker thread. The journey context validates kind and id before calling it.
 */
export interface WriteRecorder {
  /**
   * Counts one acknowledged write of `kind` with this id. Called on the hot path: allocates
   * nothing but the id's string, and that only when the id is kept in the sample. May throw a
   * RangeError when the journeys use too many kinds.
   */
  recordWrite(kind: string, id: string | number): void;
}

/** Tags of one metric series, e.g. `{ scenario: 'readers', name: 'feed', status: '200' }`. */
export type Tags = Readonly<Record<string, string>>;

/** What kind of value a metric holds; k6's four metric types. */
export type MetricKind = 'counter' | 'rate' | 'trend' | 'gauge';

/**
 * What one series recorded during one interval, as a worker thread sends it to the main thread:
 * a histogram (trend, microseconds), a count (counter), passes of a total (rate) or a value
 * (gauge; summed across workers).
 */
export type SeriesDelta =
  | { metric: string; tags: Tags; kind: 'trend'; histogram: HistogramTransfer }
  | { metric: string; tags: Tags; kind: 'counter'; count: number }
  | { metric: string; tags: Tags; kind: 'rate'; passes: number; total: number }
  | { metric: string; tags: Tags; kind: 'gauge'; value: number };

/** The state of one workload's executor in one worker at the end of an interval. */
export interface WorkloadState {
  /** Iterations started in the interval. */
  started: number;
  /** Iterations dropped in the interval (maxInFlight reached). */
  dropped: number;
  /** Journeys that threw in the interval. */
  journeyErrors: number;
  /** Iterations running at the end of the interval. */
  inFlight: number;
}

/** Everything one worker thread measured in one interval of the run. */
export interface IntervalSnapshot {
  /** Which worker thread sent it (0-based). */
  workerIndex: number;
  /** The interval's index: interval i covers [i, i+1) seconds after the run's start. */
  index: number;
  /** The series that recorded anything in the interval. */
  series: SeriesDelta[];
  /** Executor state per workload name. */
  workloads: Record<string, WorkloadState>;
  /** The first few journey error messages of the interval, for the log. */
  errors: string[];
  /** The worker's event-loop utilisation over the interval (0–1). */
  eventLoopUtilization: number;
}
