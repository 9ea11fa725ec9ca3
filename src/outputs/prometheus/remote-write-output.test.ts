import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import SnappyJS from 'snappyjs';
import { afterEach, describe, expect, it } from 'vitest';
import { requestSample } from '../../../test/support/request-sample.js';
import { PrometheusRemoteWriteOutput } from './remote-write-output.js';
import { TestRun, testRunStart } from './test-support.js';
import { decodeWriteRequest, STALE_NAN_BITS, StaleWriteRequestType } from './write-request.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: Buffer;
}

interface DecodedSeries {
  labels: { name: string; value: string }[];
  samples: { value: number; timestamp: number }[];
  histograms: { countInt: number; timestamp: number }[];
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A receiver on 127.0.0.1 answering `statuses` in turn (then 204), keeping every request. */
async function startReceiver(statuses: number[] = []) {
  const received: Received[] = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const status = statuses.shift() ?? 204;
      if (status === 204) received.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(status).end(status === 204 ? undefined : 'try again later');
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/v1/write`, received };
}

function series(body: Buffer): DecodedSeries[] {
  return (decodeWriteRequest(body) as { timeseries: DecodedSeries[] }).timeseries;
}

function named(all: DecodedSeries[], name: string, status?: string): DecodedSeries[] {
  const has = (s: DecodedSeries, label: string, value: string) =>
    s.labels.some((l) => l.name === label && l.value === value);
  return all.filter(
    (s) => has(s, '__name__', name) && (status === undefined || has(s, 'status', status)),
  );
}

/** Runs `seconds` seconds of 5 requests each (one a 503) through `output`, then ends it. */
async function drive(output: PrometheusRemoteWriteOutput, seconds: number) {
  const start = testRunStart({}, 'rw-test');
  const run = new TestRun();
  const recorder = run.worker.requestRecorder('load', 'hello', 'GET');
  const workload = run.worker.addWorkload('load');
  output.start(start);
  for (let second = 0; second < seconds; second++) {
    for (let i = 0; i < 5; i++) {
      workload.iterationStarted(10);
      recorder.record(requestSample(i === 0 ? 503 : 200, 2 + i));
      workload.iterationEnded(3000, undefined);
    }
    output.interval(...run.second([], { load: 5 }));
  }
  await output.end();
  return Math.round(start.startAt);
}

describe('PrometheusRemoteWriteOutput', () => {
  it('sends one snappy protobuf request per second in time order, then stale markers', async () => {
    const { url, received } = await startReceiver();
    const problems: string[] = [];
    const startAt = await drive(
      new PrometheusRemoteWriteOutput({ url, onProblem: (m) => problems.push(m) }),
      3,
    );
    expect(problems).toEqual([]);
    expect(received).toHaveLength(4);
    for (const { headers } of received) {
      expect(headers).toMatchObject({
        'content-encoding': 'snappy',
        'content-type': 'application/x-protobuf',
        'x-prometheus-remote-write-version': '0.1.0',
      });
    }
    const seconds = received.slice(0, 3).map(({ body }) => series(body));
    seconds.forEach((all, t) => {
      const [ok] = named(all, 'k6_http_reqs_total', '200');
      const end = startAt + (t + 1) * 1000;
      const zero = t === 0 ? [{ value: 0, timestamp: end - 1000 }] : [];
      expect(ok?.samples).toEqual([...zero, { value: 4 * (t + 1), timestamp: end }]);
      const [duration] = named(all, 'k6_http_req_duration_seconds', '200');
      expect(duration?.histograms.at(-1)).toMatchObject({ countInt: 4 * (t + 1), timestamp: end });
      expect(duration?.histograms).toHaveLength(t === 0 ? 2 : 1);
      expect(named(all, 'launchday_run_active')[0]?.samples).toEqual([
        { value: 1, timestamp: end },
      ]);
      const labels = Object.fromEntries(ok!.labels.map((l) => [l.name, l.value]));
      expect(labels).toEqual({
        __name__: 'k6_http_reqs_total',
        testid: 'rw-test',
        scenario: 'load',
        name: 'hello',
        method: 'GET',
        status: '200',
        expected_response: 'true',
      });
    });

    const stale = StaleWriteRequestType.toObject(
      StaleWriteRequestType.decode(SnappyJS.uncompress(received[3]!.body)),
      { longs: String },
    ) as {
      timeseries: { labels: { name: string; value: string }[]; samples: { value: string }[] }[];
    };
    const staleNames = new Set(
      stale.timeseries.map((s) => s.labels.find((l) => l.name === '__name__')?.value),
    );
    expect(staleNames).toContain('k6_vus');
    expect(staleNames).toContain('k6_http_req_failed_rate');
    expect(staleNames).toContain('k6_http_req_duration_p99');
    expect(staleNames).toContain('launchday_run_active');
    expect(staleNames).toContain('launchday_iterations_in_flight');
    expect(staleNames).not.toContain('k6_http_reqs_total');
    expect(staleNames).not.toContain('k6_http_req_duration_seconds');
    expect(stale.timeseries.every((s) => s.samples[0]?.value === STALE_NAN_BITS.toString())).toBe(
      true,
    );
  });

  it('retries a failing receiver in order and reports the first failure once', async () => {
    const { url, received } = await startReceiver([503, 503, 500]);
    const problems: string[] = [];
    await drive(
      new PrometheusRemoteWriteOutput({
        url,
        onProblem: (m) => problems.push(m),
        initialBackoffMs: 1,
      }),
      3,
    );
    expect(received).toHaveLength(4);
    const totals = received
      .slice(0, 3)
      .map(({ body }) => named(series(body), 'k6_iterations_total')[0]?.samples.at(-1)?.value);
    expect(totals).toEqual([5, 10, 15]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /remote write to http:\/\/127\.0\.0\.1:\d+\/api\/v1\/write failed \(HTTP 503 try again later\)/,
    );
  });

  it('gives up at the flush timeout when the receiver is down and says what was lost', async () => {
    const { url } = await startReceiver();
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    const problems: string[] = [];
    const output = new PrometheusRemoteWriteOutput({
      url,
      onProblem: (m) => problems.push(m),
      flushTimeoutMs: 100,
      maxQueued: 2,
    });
    await drive(output, 3);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/failed \(.*ECONNREFUSED.*\); retrying in the background/);
    expect(problems[1]).toMatch(
      /4 of 4 requests were not delivered \(2 dropped while the queue was full, 0 rejected, 2 unsent at the end\)/,
    );
  });
});
