import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { get } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleFixture, removeBundles } from './test-support.js';

let fixture = '';
const children: ChildProcess[] = [];

beforeAll(async () => {
  fixture = await bundleFixture(new URL('./fixture-cluster.ts', import.meta.url));
});

afterEach(async () => {
  await Promise.all(
    children.splice(0).map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    }),
  );
});

afterAll(removeBundles);

/** Starts the fixture's primary with 2 workers; resolves with its origin once all listen. */
async function startCluster(env: Record<string, string> = {}): Promise<string> {
  const child = spawn(process.execPath, [fixture], {
    env: { ...process.env, FIXTURE_WORKERS: '2', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  const { port } = JSON.parse(line.toString()) as { port: number };
  return `http://127.0.0.1:${port}`;
}

/** GET on a new connection each time, so the primary hands it to the next worker in turn. */
function fetchText(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('cluster metrics', () => {
  it('answers a scrape on any worker with the sum of every worker', async () => {
    const origin = await startCluster();
    const servedBy: Record<string, number> = {};
    for (let index = 0; index < 20; index++) {
      const { body: worker } = await fetchText(`${origin}/count/${index}`);
      servedBy[worker] = (servedBy[worker] ?? 0) + 1;
    }
    expect(Object.keys(servedBy)).toHaveLength(2);
    const scrapes = await Promise.all([1, 2, 3, 4].map(() => fetchText(`${origin}/metrics`)));
    for (const { status, body } of scrapes) {
      expect(status).toBe(200);
      expect(sample(body, 'fixture_requests_total')).toBe(20);
      expect(sample(body, 'fixture_path_length_count')).toBe(20);
      for (const [worker, count] of Object.entries(servedBy)) {
        expect(sample(body, `fixture_requests_by_worker_total{worker="${worker}"}`)).toBe(count);
      }
      const utilization = sample(body, 'nodejs_eventloop_utilization');
      expect(utilization).toBeGreaterThanOrEqual(0);
      expect(utilization).toBeLessThanOrEqual(1);
      expect(body).toContain('process_resident_memory_bytes');
    }
  });

  it('fails a scrape with a clear error when the primary does not answer', async () => {
    const origin = await startCluster({ FIXTURE_SERVE: '0', FIXTURE_TIMEOUT_MS: '300' });
    const { status, body } = await fetchText(`${origin}/metrics`);
    expect(status).toBe(500);
    expect(body).toBe(
      'the cluster primary did not send the metrics within 300 ms ' +
        '(does it call serveClusterMetrics()?)',
    );
  });
});
