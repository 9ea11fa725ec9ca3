import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import type { Registry } from 'prom-client';
import type { LoadOptions, LoadResult } from './fixture-load-driver.js';

const bundleDirs: string[] = [];

/**
 * Bundles the TypeScript module `entry` with its imports (packages included) into one CommonJS
 * file that plain Node runs, for the tests that start it in another process or thread (a
 * node:cluster service, a load driver). Returns the file; {@link removeBundles} deletes them.
 */
export async function bundleFixture(entry: URL): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'launchday-target-fixture-'));
  bundleDirs.push(dir);
  const outfile = join(dir, 'fixture.cjs');
  await build({
    entryPoints: [fileURLToPath(entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'silent',
  });
  return outfile;
}

/** Deletes every file {@link bundleFixture} wrote; call in afterAll. */
export async function removeBundles(): Promise<void> {
  await Promise.all(bundleDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/**
 * The value of the series `name` with exactly `labels` in `registry` (0 when absent); for a
 * histogram, `name` is one of its series (`..._count`, `..._sum`).
 */
export async function metricValue(
  registry: Registry,
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  const family = name.replace(/_(count|sum|bucket)$/, '');
  const metric = registry.getSingleMetric(family) ?? registry.getSingleMetric(name);
  if (metric === undefined) return 0;
  type Sample = { value: number; labels: Record<string, unknown>; metricName?: string };
  const values: Sample[] = (await metric.get()).values;
  const wanted = Object.entries(labels);
  const match = values.find(
    (value) =>
      (value.metricName ?? family) === name &&
      Object.keys(value.labels).length === wanted.length &&
      wanted.every(([key, expected]) => String(value.labels[key]) === expected),
  );
  return match?.value ?? 0;
}

/** Runs the bundled load driver (`bundleFixture` of fixture-load-driver.ts) in a worker thread. */
export async function runLoad(driverFile: string, options: LoadOptions): Promise<LoadResult> {
  const worker = new Worker(driverFile, { workerData: options });
  try {
    const [result] = (await once(worker, 'message')) as [LoadResult];
    return result;
  } finally {
    await worker.terminate();
  }
}
