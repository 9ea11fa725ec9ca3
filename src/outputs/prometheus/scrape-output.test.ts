import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { requestSample } from '../../../test/support/request-sample.js';
import { isLaunchdayError } from '../../core/errors.js';
import { PrometheusScrapeOutput } from './scrape-output.js';
import { TestRun, testRunStart } from './test-support.js';

let output: PrometheusScrapeOutput | undefined;
afterEach(async () => {
  await output?.close();
  output = undefined;
});

async function scrape(port: number, path = '/metrics') {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text: await response.text(),
  };
}

describe('PrometheusScrapeOutput', () => {
  it('serves the live metrics on /metrics in the text format, classic histograms included', async () => {
    output = new PrometheusScrapeOutput({ port: 0, holdMs: 60_000 });
    await output.start(testRunStart({}, 'scrape-test'));
    const port = output.port!;
    expect((await scrape(port)).text).toContain('launchday_run_active{testid="scrape-test"} 1');

    const run = new TestRun();
    const recorder = run.worker.requestRecorder('load', 'hello', 'GET');
    run.worker.addWorkload('load');
    for (const ms of [1, 2, 30]) recorder.record(requestSample(200, ms));
    output.interval(...run.second([], { load: 3 }));

    const { status, type, text } = await scrape(port);
    expect(status).toBe(200);
    expect(type).toBe('text/plain; version=0.0.4; charset=utf-8');
    const labels =
      'testid="scrape-test",scenario="load",name="hello",method="GET",status="200",expected_response="true"';
    expect(text).toContain('# TYPE k6_http_reqs_total counter');
    expect(text).toContain(`k6_http_reqs_total{${labels}} 3`);
    expect(text).toContain('# TYPE k6_http_req_duration_seconds histogram');
    expect(text).toContain(`k6_http_req_duration_seconds_bucket{${labels},le="0.0025"} 2`);
    expect(text).toContain(`k6_http_req_duration_seconds_bucket{${labels},le="0.05"} 3`);
    expect(text).toContain(`k6_http_req_duration_seconds_count{${labels}} 3`);
    expect(text).toContain(`k6_http_req_duration_max{${labels}} 0.03`);
    expect(text).toContain('launchday_target_rate{testid="scrape-test",scenario="load"} 3');
    expect((await scrape(port, '/')).status).toBe(404);

    output.end();
    const held = await scrape(port);
    expect(held.text).toContain(`k6_http_reqs_total{${labels}} 3`);
    expect(held.text).not.toContain('launchday_run_active');
  });

  it('closes when the hold is over', async () => {
    output = new PrometheusScrapeOutput({ port: 0, holdMs: 20 });
    await output.start(testRunStart());
    const port = output.port!;
    output.end();
    const refused = async () => {
      for (let attempt = 0; attempt < 250; attempt++) {
        const up = await fetch(`http://127.0.0.1:${port}/metrics`).then(
          () => true,
          () => false,
        );
        if (!up) return true;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return false;
    };
    expect(await refused()).toBe(true);
  });

  it('says which address is taken, as a usage error', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      output = new PrometheusScrapeOutput({ port });
      const error = await output.start(testRunStart()).catch((e: unknown) => e);
      expect(isLaunchdayError(error) && error.exitCode).toBe(2);
      expect((error as Error).message).toBe(
        `--out prometheus=127.0.0.1:${port}: 127.0.0.1:${port} is already in use`,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
