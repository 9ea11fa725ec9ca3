import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { trackPeakRss } from '../bench/engine/rss-sampler.js';
import type { ErrorClass } from '../src/metrics/types.js';
import { runScenario, type ScenarioRun } from './support/cli.js';
import { HOSTILE_SERVERS, type HostileServer } from './support/hostile-servers.js';
import { validateResult } from './support/result-schema.js';
import { okAfter, startTestServer } from './support/test-server.js';

// test/scenarios/hostile.ts by default: 4 requests/s for 2 s, 1 s timeout, 2 s gracefulStop.
const REQUESTS = 8;
const PLAN_MS = 2000;
const GRACEFUL_STOP_MS = 2000;
// Start-up (bundling the scenario, starting the worker) and writing the result and reports.
const ALLOWANCE_MS = 5000;
// The default maxResponseBodySize.
const BODY_LIMIT = 10_000_000;
// What hostile bodies may add to the generator's peak RSS over a run against a healthy server:
// a few bodies of up to the limit at once, and the garbage collector's lag in freeing them.
// Unbounded, an endless body grows it by hundreds of MB per second.
const BODY_RSS_ALLOWANCE = 150 * 1024 * 1024;

interface HostileRun extends ScenarioRun {
  readonly peakRssBytes: number;
}

/** `launchday run` of the hostile scenario against `url`, with its peak RSS. */
async function runAgainst(url: string): Promise<HostileRun> {
  let peak: ReturnType<typeof trackPeakRss> | undefined;
  const run = await runScenario('hostile.ts', url, ['--workers', '1'], (child) => {
    peak = trackPeakRss(child.pid!, 50);
  });
  return { ...run, peakRssBytes: peak?.stop() ?? 0 };
}

interface Case {
  readonly server: keyof typeof HOSTILE_SERVERS;
  readonly errorClass: ErrorClass;
  /** The `status` tag of the failed requests. */
  readonly status: string;
  /** Whether the case sends a body over the limit: memory and data_received are checked. */
  readonly body?: 'streamed' | 'announced';
}

const CASES: Case[] = [
  {
    server: 'an endless chunked body',
    errorClass: 'body_too_large',
    status: '200',
    body: 'streamed',
  },
  {
    server: 'a 1 GB Content-Length, sending part of it',
    errorClass: 'body_too_large',
    status: '200',
    body: 'announced',
  },
  { server: '10,000 headers', errorClass: 'headers_too_large', status: '0' },
  { server: 'accepting and never answering', errorClass: 'timeout', status: '0' },
  { server: 'headers and never a body', errorClass: 'timeout', status: '0' },
  { server: 'one byte a second', errorClass: 'timeout', status: '0' },
  { server: 'garbage, not HTTP', errorClass: 'other', status: '0' },
  { server: 'resetting connections', errorClass: 'reset', status: '0' },
];

let server: HostileServer | undefined;
let healthy: HostileRun;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

beforeAll(async () => {
  const ok = await startTestServer(okAfter(0));
  try {
    healthy = await runAgainst(ok.url);
  } finally {
    await ok.close();
  }
  expect(healthy.outcome.code).toBe(0);
  expect(healthy.peakRssBytes).toBeGreaterThan(0);
});

describe('a run against a hostile server', () => {
  it.each(CASES)('$server: ends on time with a valid result, requests $errorClass', async (c) => {
    server = await HOSTILE_SERVERS[c.server]();
    const run = await runAgainst(server.url);
    const { outcome, result } = run;

    expect(outcome.code, outcome.stderr).toBe(0);
    expect(run.wallMs).toBeLessThan(PLAN_MS + GRACEFUL_STOP_MS + ALLOWANCE_MS);
    expect(validateResult(result), JSON.stringify(validateResult.errors, null, 2)).toBe(true);
    expect(result.status).toBe('passed');
    expect(result.summary.requests).toMatchObject([
      { name: 'hostile', count: REQUESTS, failed: REQUESTS, errors: { [c.errorClass]: REQUESTS } },
    ]);
    expect(Object.keys(result.summary.requests[0]!.errors)).toEqual([c.errorClass]);
    const statuses = result.series
      .filter((series) => series.metric === 'http_reqs')
      .map((series) => series.tags.status);
    expect(new Set(statuses)).toEqual(new Set([c.status]));

    if (c.body === undefined) return;
    expect(run.peakRssBytes).toBeLessThan(healthy.peakRssBytes + BODY_RSS_ALLOWANCE);
    const received = result.summary.metrics.data_received;
    const bytes = received?.kind === 'counter' ? received.count : Number.NaN;
    // data_received counts the bodies read and dropped; an announced one is never read.
    if (c.body === 'streamed') expect(bytes).toBeGreaterThan(REQUESTS * BODY_LIMIT);
    else expect(bytes).toBeLessThan(REQUESTS * 100 * 1024);
  });
});
