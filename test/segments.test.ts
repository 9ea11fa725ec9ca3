import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult, SeriesResult } from '../src/core/result.js';
import { HdrHistogram } from '../src/metrics/hdr-histogram.js';
import { runCli, scenarioFile, tempDir } from './support/cli.js';
import { expectValidResult } from './support/result-schema.js';
import { okAfter, serverPerTest, startTestServer, type TestServer } from './support/test-server.js';

const startServer = serverPerTest();
const LOAD = ['--param', 'rate=151', '--param', 'duration=2s', '--seed', '7', '--quiet'];
/** 151/s for 2 s: 302 iterations; each instance's 100 or 101 fail this, the whole run passes. */
const GLOBAL_THRESHOLD = ['--param', 'minRequests=302'];

/** `launchday run --segment i/N` of constant-rate against `url` into `outDir`, with its result. */
async function segment(
  url: string,
  outDir: string,
  [i, n]: [number, number],
  startAt: string,
  args: readonly string[],
): Promise<RunResult> {
  const outcome = await runCli([
    'run',
    scenarioFile('constant-rate.ts'),
    ...['--base-url', url, '--out-dir', outDir, '--segment', `${i}/${n}`, '--start-at', startAt],
    ...LOAD,
    ...args,
  ]);
  const file = /^result: (.+)$/m.exec(outcome.stdout)?.[1];
  expect(file, outcome.stderr).toBeDefined();
  return JSON.parse(await readFile(file!, 'utf8')) as RunResult;
}

const count = (result: RunResult, metric: string) => {
  const summary = result.summary.metrics[metric];
  return summary?.kind === 'counter' ? summary.count : 0;
};

const trends = (result: RunResult, metric: string) =>
  result.series.filter(
    (s): s is Extract<SeriesResult, { kind: 'trend' }> => s.metric === metric && s.kind === 'trend',
  );

/** Every `metric` histogram of `results` merged here, independently of `launchday merge`. */
function mergedHere(results: readonly RunResult[], metric: string): HdrHistogram {
  const merged = new HdrHistogram();
  for (const result of results)
    for (const series of trends(result, metric)) merged.add(HdrHistogram.decode(series.histogram));
  return merged;
}

describe('launchday run --segment', () => {
  it('three instances started together drive exactly the planned iterations between them', async () => {
    const arrivals: number[] = [];
    const reply = okAfter(1);
    const server = await startServer((req, res) => {
      arrivals.push(Date.now());
      reply(req, res);
    });
    const startAt = new Date(Date.now() + 6000).toISOString();
    const outDir = await tempDir();
    const results = await Promise.all(
      [1, 2, 3].map((i) =>
        segment(server.url, outDir, [i, 3], startAt, ['--workers', i === 2 ? '2' : '1']),
      ),
    );
    // Split 101 + 101 + 100 by k ≡ i − 1 (mod 3).
    expect(results.map((r) => count(r, 'iterations'))).toEqual([101, 101, 100]);
    expect(results.reduce((sum, r) => sum + count(r, 'http_reqs'), 0)).toBe(302);
    expect(server.requests()).toBe(302);
    expect(results.map((r) => (r.config as { segment: unknown }).segment)).toEqual([
      { index: 1, count: 3 },
      { index: 2, count: 3 },
      { index: 3, count: 3 },
    ]);
    // Started together at the given time: the first request comes within 100 ms of it, and the
    // interleaved schedules keep the rate even (about 15 requests in each 100 ms).
    const start = Date.parse(startAt);
    expect(Math.min(...arrivals) - start).toBeGreaterThanOrEqual(-5);
    expect(Math.min(...arrivals) - start).toBeLessThan(100);
    expect(arrivals.filter((at) => at < start + 500).length).toBeGreaterThan(40);
    expect(results.map((r) => r.loadStartedAt)).toEqual([startAt, startAt, startAt]);
    for (const result of results) expectValidResult(result);
  }, 60_000);

  it('keeps iteration numbers, VU ids and seeded data unique across segments and reproducible', async () => {
    const urls: string[] = [];
    const server = await startServer((req, res) => {
      urls.push(req.url ?? '');
      res.end();
    });
    /** The query of every request segment `i`/3 made, run on `workers` threads. */
    const requests = async (i: number, workers: number) => {
      const from = urls.length;
      const outcome = await runCli([
        'run',
        scenarioFile('seeded-requests.ts'),
        ...['--base-url', server.url, '--out-dir', await tempDir(), '--segment', `${i}/3`],
        ...['--seed', '7', '--workers', String(workers), '--quiet'],
      ]);
      expect(outcome.code, outcome.stderr).toBe(0);
      return urls.slice(from).map((url) => new URLSearchParams(url.split('?')[1]));
    };
    const segments = [await requests(1, 1), await requests(2, 2), await requests(3, 1)];
    const all = segments.flat();
    // 60 iterations, each once, split 20 + 20 + 20; no VU id is used by two segments.
    expect(all.map((q) => Number(q.get('i'))).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 60 }, (_, i) => i),
    );
    expect(segments.map((s) => s.length)).toEqual([20, 20, 20]);
    const vus = segments.map((s) => new Set(s.map((q) => q.get('vu'))));
    for (const [a, b] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ] as const)
      expect([...vus[a]!].filter((vu) => vus[b]!.has(vu))).toEqual([]);
    // Segment 2/3 again, on another number of threads: the same iterations with the same data.
    const data = (s: URLSearchParams[]) =>
      s.map((q) => `${q.get('i')} ${q.get('name')} ${q.get('r')}`).sort();
    expect(data(await requests(2, 1))).toEqual(data(segments[1]!));
    expect(new Set(all.map((q) => q.get('name'))).size).toBeGreaterThan(20);
  }, 60_000);

  it('prints the share with validate, and refuses a start that has passed', async () => {
    const validate = await runCli([
      'validate',
      scenarioFile('constant-rate.ts'),
      '--segment',
      '2/3',
      '--param',
      'rate=151',
      '--seed',
      '7',
    ]);
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stdout).toMatch(
      /segment: {2}2\/3, every 3rd iteration and VU of each workload from the 2nd/,
    );
    expect(validate.stdout).toMatch(/load: 101 of 302 iterations/);
    const server = await startServer(okAfter(1));
    const late = await runCli([
      'run',
      scenarioFile('constant-rate.ts'),
      '--base-url',
      server.url,
      '--out-dir',
      await tempDir(),
      '--segment',
      '1/2',
      '--start-at',
      new Date(Date.now() - 60_000).toISOString(),
      ...LOAD,
    ]);
    expect(late.code).toBe(2);
    expect(late.stderr).toMatch(/--start-at .* passed \d+\.\d s before the load could start/);
    // The instances must share a seed: given, or derived from a shared --start-at.
    const unseeded = await runCli([
      'validate',
      scenarioFile('constant-rate.ts'),
      '--segment',
      '2/3',
    ]);
    expect(unseeded.code).toBe(2);
    expect(unseeded.stderr).toMatch(/options\.seed: segment 2\/3 of a run needs the same --seed/);
    const startAt = ['--segment', '2/3', '--start-at', '2030-01-01T00:00:00Z'];
    const derived = await Promise.all(
      [1, 2].map(() => runCli(['validate', scenarioFile('constant-rate.ts'), ...startAt])),
    );
    const seedOf = (stdout: string) => /seed (\d+)/.exec(stdout)?.[1];
    expect(seedOf(derived[0]!.stdout)).toBeDefined();
    expect(seedOf(derived[0]!.stdout)).toBe(seedOf(derived[1]!.stdout));
    const bad = await runCli(['validate', scenarioFile('constant-rate.ts'), '--segment', '4/3']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/options\.segment.*'4\/3' I must be from 1 to N/);
  }, 60_000);
});

describe('launchday merge', () => {
  let server: TestServer;
  let segmentsDir: string;
  let segments: RunResult[];

  beforeAll(async () => {
    server = await startTestServer(okAfter(1));
    segmentsDir = await tempDir();
    const startAt = new Date(Date.now() + 6000).toISOString();
    segments = await Promise.all(
      [1, 2, 3].map((i) =>
        segment(server.url, segmentsDir, [i, 3], startAt, [
          ...GLOBAL_THRESHOLD,
          '--workers',
          i === 2 ? '2' : '1',
        ]),
      ),
    );
  }, 60_000);
  afterAll(() => server.close());

  it('merges the segments into one run: exact histograms, summed counters, global thresholds', async () => {
    // Each instance alone fails http_reqs count>=302, as k6-operator's per-pod thresholds would.
    expect(segments.map((r) => r.status)).toEqual([
      'thresholds-failed',
      'thresholds-failed',
      'thresholds-failed',
    ]);
    const outDir = join(await tempDir(), 'merged');
    const merge = await runCli(['merge', segmentsDir, '--out-dir', outDir]);
    expect(merge.code, merge.stderr).toBe(0);
    expect(merge.stdout).toMatch(/^merged 3 segments: /m);
    const merged = JSON.parse(await readFile(join(outDir, 'result.json'), 'utf8')) as RunResult;
    expectValidResult(merged);
    expect(merged.status).toBe('passed');
    expect(merged.thresholds.find((t) => t.metric === 'http_reqs')).toMatchObject({
      ok: true,
      observed: 302,
    });
    expect(count(merged, 'iterations')).toBe(302);
    expect(count(merged, 'http_reqs')).toBe(302);
    expect(merged.intervals.reduce((sum, p) => sum + p.requests, 0)).toBe(302);
    expect(merged.mergedFrom?.map((s) => s.segment.index)).toEqual([1, 2, 3]);
    expect(merged.mergedFrom?.map((s) => s.runId)).toEqual(segments.map((r) => r.runId));
    expect(merged.generator.workers).toBe(4);
    expect((merged.config as { segment: unknown }).segment).toEqual({ index: 1, count: 1 });
    // The histogram of every request, merged exactly: the same counts and percentiles as
    // merging the three instances' histograms here.
    const here = mergedHere(segments, 'http_req_duration');
    const theirs = mergedHere([merged], 'http_req_duration');
    expect(theirs.count).toBe(302);
    for (const p of [50, 90, 99, 99.9, 100]) expect(theirs.percentile(p)).toBe(here.percentile(p));
    const summary = merged.summary.metrics.http_req_duration;
    expect(summary?.kind === 'trend' && summary.p99).toBe(here.percentile(99) / 1000);
    // The slices add up to the whole too, second by second on one clock.
    const slices = merged.slices!;
    const reqs = slices.series.filter((s) => s.metric === 'http_reqs' && s.kind === 'counter');
    const perSecond = reqs.flatMap((s) => (s.kind === 'counter' ? s.counts : []));
    expect(perSecond.reduce((a, b) => a + b, 0)).toBe(302);
    for (const name of ['report.html', 'report.md', 'junit.xml'])
      expect(await readdir(outDir)).toContain(name);
  }, 60_000);

  it('gives a result that report and compare read', async () => {
    const outDir = join(await tempDir(), 'merged');
    expect((await runCli(['merge', segmentsDir, '--out-dir', outDir])).code).toBe(0);
    const report = await runCli([
      'report',
      join(outDir, 'result.json'),
      '--out-dir',
      await tempDir(),
    ]);
    expect(report.code, report.stderr).toBe(0);
    const compare = await runCli([
      'compare',
      join(outDir, 'result.json'),
      join(outDir, 'result.json'),
      // Three instances on this machine's two cores may be late: what counts here is the reading.
      ...['--allow', 'generator'],
      '--out-dir',
      await tempDir(),
    ]);
    expect(compare.code, compare.stderr).toBe(0);
    expect(compare.stdout).toMatch(/http_req_duration/);
  }, 60_000);

  it('refuses a segment missing or twice, another seed, and writing over a segment', async () => {
    const partial = await tempDir();
    const files = (await readdir(segmentsDir, { recursive: true })).filter((f) =>
      f.endsWith('result.json'),
    );
    await copyFile(join(segmentsDir, files[0]!), join(partial, 'a.json'));
    await copyFile(join(segmentsDir, files[1]!), join(partial, 'b.json'));
    const missing = await runCli(['merge', partial, '--out-dir', await tempDir()]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /segment \d\/3 is missing: add the result of `launchday run --segment \d\/3`/,
    );

    const twice = await tempDir();
    for (const [i, file] of [files[0], files[0], files[1], files[2]].entries()) {
      const text = await readFile(join(segmentsDir, file!), 'utf8');
      await writeFile(join(twice, `copy-${i}.json`), text);
    }
    const duplicate = await runCli(['merge', twice, '--out-dir', await tempDir()]);
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr).toMatch(/segment \d\/3 is given 2 times/);

    const reseeded = await tempDir();
    for (const [i, file] of files.entries()) {
      const result = JSON.parse(await readFile(join(segmentsDir, file), 'utf8')) as RunResult;
      if (i === 2) (result.config as { seed: number }).seed = 8;
      await writeFile(join(reseeded, `r${i}.json`), JSON.stringify(result));
    }
    const seeds = await runCli(['merge', reseeded, '--out-dir', await tempDir()]);
    expect(seeds.code).toBe(2);
    expect(seeds.stderr).toMatch(/config\.seed: \S+ has another seed \((7|8)\) than \S+ \((7|8)\)/);

    const segmentFolder = join(segmentsDir, files[0]!, '..');
    const over = await runCli(['merge', segmentsDir, '--out-dir', segmentFolder]);
    expect(over.code).toBe(2);
    expect(over.stderr).toMatch(/exists and is not the result of an earlier merge/);
  }, 60_000);
});
