import type { ErrorClass, IntervalSnapshot, RequestSample } from '../../src/metrics/types.js';
import { WorkerMetrics } from '../../src/metrics/worker-metrics.js';
import { type WriteLog, WriteSampler } from '../../src/metrics/write-sampler.js';

/** What the fixture run looks like; every figure in its result follows from these. */
export const FIXTURE = Object.freeze({
  seconds: 10,
  workers: 2,
  /** `signups`: constant arrival rate, one POST `signup` per iteration. */
  signupRate: 40,
  /** `readers`: constant VUs, one GET `feed` per iteration, this many iterations a second. */
  readerVus: 5,
  readerRate: 60,
  /** Signups answered 503 in each of seconds 7–9, and timeouts (1 s, journey error) in second 9. */
  signup5xxPerSecond: 4,
  signupTimeouts: 2,
  /** Signup iterations dropped (maxInFlight reached) in second 9. */
  droppedInLastSecond: 5,
  /** Every 200th feed read fails its check. */
  feedCheckEvery: 200,
});

/**
 * One worker thread of the fixture run: its real recorders, fed deterministic iterations. Used by
 * `buildRunResult` only.
 */
export class FixtureWorker {
  private readonly metrics: WorkerMetrics;
  private readonly writes = new WriteSampler();
  private readonly signups;
  private readonly readers;

  constructor(
    index: number,
    private readonly overloaded: boolean,
  ) {
    this.metrics = new WorkerMetrics(index);
    this.signups = this.metrics.addWorkload('signups');
    this.readers = this.metrics.addWorkload('readers');
  }

  /**
   * Signup `j` of second `second`: 20–59 ms, 503s from second 7, two timeouts in second 9. An
   * acknowledged one (201) records the write of user `second × signupRate + j + 1`.
   */
  signup(second: number, j: number): void {
    const timedOut = second === FIXTURE.seconds - 1 && j >= 4 && j < 4 + FIXTURE.signupTimeouts;
    const failed = second >= 7 && j < FIXTURE.signup5xxPerSecond;
    const durationUs = timedOut ? 1_000_000 : 20_000 + j * 1_000;
    const status = timedOut ? 0 : failed ? 503 : 201;
    const errorClass: ErrorClass | null = timedOut ? 'timeout' : failed ? 'http_5xx' : null;
    this.signups.iterationStarted(this.lagUs(j));
    this.metrics
      .requestRecorder('signups', 'signup', 'POST')
      .record(fixtureSample(status, errorClass, durationUs, 350, 420));
    this.signups.recordCheck('status is 201', status === 201);
    if (status === 201) this.writes.recordWrite('users', second * FIXTURE.signupRate + j + 1);
    this.signups.iterationEnded(
      durationUs + 300,
      timedOut ? new Error('signup timed out after 1000 ms') : undefined,
    );
  }

  /** Feed read `k` of the run: 2–31 ms, always 200; every 200th fails its check. */
  read(k: number): void {
    const durationUs = 2_000 + (k % 30) * 1_000;
    this.readers.iterationStarted(this.lagUs(k));
    this.metrics
      .requestRecorder('readers', 'feed', 'GET')
      .record(fixtureSample(200, null, durationUs, 180, 2_400));
    this.readers.recordCheck(
      'feed has items',
      k % FIXTURE.feedCheckEvery !== FIXTURE.feedCheckEvery - 1,
    );
    this.readers.iterationEnded(durationUs + 100, undefined);
  }

  drop(count: number): void {
    for (let i = 0; i < count; i++) this.signups.iterationDropped();
  }

  /** The acknowledged writes this worker recorded, as it sends them with its last message. */
  writeLog(): WriteLog {
    return this.writes.log();
  }

  /** Ends second `second`. */
  snapshot(second: number): IntervalSnapshot {
    return this.metrics.snapshot(second, this.overloaded ? 0.96 : 0.35);
  }

  private lagUs(k: number): number {
    return this.overloaded ? 30_000 + (k % 21) * 1_000 : 200 + (k % 5) * 100;
  }
}

/** A request sample as the HTTP layer records it, the timing breakdown made up around `durationUs`. */
export function fixtureSample(
  status: number,
  errorClass: ErrorClass | null,
  durationUs: number,
  bytesSent: number,
  bytesReceived: number,
): RequestSample {
  return {
    status,
    errorClass,
    expected: status >= 200 && status < 400,
    durationUs,
    uncorrectedUs: durationUs - 300,
    blockedUs: 5,
    connectingUs: 0,
    tlsHandshakingUs: 0,
    sendingUs: 40,
    waitingUs: durationUs - 500,
    receivingUs: 160,
    bytesSent,
    bytesReceived,
  };
}
