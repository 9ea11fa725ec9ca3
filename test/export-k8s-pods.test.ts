import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../src/core/result.js';
import { IMAGE_CLI, RESULTS_MOUNT, SCENARIO_MOUNT } from '../src/export/k8s/index.js';
import { CLI, runCli, tempDir } from './support/cli.js';
import {
  mapPaths,
  mountConfigMap,
  type PathMap,
  readManifests,
  runContainer,
  type WrittenManifests,
} from './support/k8s-manifests.js';
import { startSeededTarget, type TargetProcess } from './support/target-process.js';

const USERS = 200;
const SCENARIO = new URL('../scenarios/launch-day.ts', import.meta.url).pathname;
// The 102 hours of the curve in 4 s; 100 of its 100 million sign-ups (as test/launch-day.test.ts).
const PARAMS = [
  'compress=91800',
  'scale=1e-6',
  'readsPerUser=0.01',
  `users=${USERS}`,
  'accounts=20',
  'follows=5',
  'followsMax=50',
];
const paramArgs = PARAMS.flatMap((pair) => ['--param', pair]);
const N = 3;

let target: TargetProcess;
let manifests: WrittenManifests;
let root: string;
let map: PathMap;

beforeAll(async () => {
  target = await startSeededTarget(USERS);
  root = await tempDir();
  const out = join(root, 'k8s');
  // Time for three processes to bundle the scenario and run its setup before the start.
  const exported = await runCli([
    'export',
    'k8s',
    SCENARIO,
    '--parallelism',
    String(N),
    '--base-url',
    target.url,
    '--seed',
    '7',
    '--start-delay',
    '25s',
    '--out',
    out,
    ...paramArgs,
  ]);
  expect(exported.code, exported.stderr).toBe(0);
  manifests = await readManifests(out);
  // The pods' volumes, here: the scenario ConfigMap as the kubelet mounts it, the results claim.
  const volume = manifests.run.spec!.template.spec!.volumes!.find((v) => v.configMap)!;
  await mkdir(join(root, 'scenario'));
  await mountConfigMap(manifests.scenario, volume.configMap!.items!, join(root, 'scenario'));
  map = [
    [IMAGE_CLI, CLI],
    [`${SCENARIO_MOUNT}/`, `${join(root, 'scenario')}/`],
    [`${RESULTS_MOUNT}/`, `${join(root, 'results')}/`],
  ];
}, 60_000);

afterAll(async () => {
  await target?.stop('SIGTERM');
});

const iterations = (result: RunResult, metric = 'iterations') => {
  const summary = result.summary.metrics[metric];
  return summary?.kind === 'counter' ? summary.count : 0;
};

async function readJson(file: string): Promise<RunResult> {
  return JSON.parse(await readFile(file, 'utf8')) as RunResult;
}

describe('the pods of export k8s, run as written', () => {
  it('N generators make segments 1/N … N/N of the run, and the merge makes them one', async () => {
    const startAt = manifests.start.data!['start-at']!;
    const generator = manifests.run.spec!.template.spec!.containers[0]!;
    const merge = manifests.merge.spec!.template.spec!;
    const waiting = runContainer(merge.initContainers![0]!, map, { START_AT: startAt });
    const pods = await Promise.all(
      Array.from({ length: N }, (_, index) =>
        runContainer(generator, map, { START_AT: startAt, JOB_COMPLETION_INDEX: String(index) }),
      ),
    );
    for (const pod of pods) expect(pod.code, pod.stderr).toBe(0);
    const waited = await waiting;
    expect(waited.code, waited.stderr).toBe(0);

    const run = join(root, 'results', 'launch-day', startAt.replace(/[-:]/g, ''));
    const segments = await Promise.all(
      Array.from({ length: N }, async (_, i) => {
        const folder = join(run, 'segments', String(i + 1));
        const [runId] = await readdir(folder);
        return readJson(join(folder, runId!, 'result.json'));
      }),
    );
    expect(segments.map((r) => (r.config as { segment: unknown }).segment)).toEqual(
      Array.from({ length: N }, (_, i) => ({ index: i + 1, count: N })),
    );
    const validate = await runCli(['validate', SCENARIO, ...paramArgs, '--seed', '7']);
    const planned = [...validate.stdout.matchAll(/(\d+) planned iterations/g)].reduce(
      (sum, [, count]) => sum + Number(count),
      0,
    );
    expect(planned).toBeGreaterThan(100);
    const total = (metric: string) => segments.reduce((sum, r) => sum + iterations(r, metric), 0);
    expect(total('iterations') + total('dropped_iterations')).toBe(planned);

    const merged = await runContainer(merge.containers[0]!, map, { START_AT: startAt });
    const result = await readJson(join(run, 'merged', 'result.json'));
    expect(merged.code, merged.stderr).toBe(result.status === 'passed' ? 0 : 3);
    expect(iterations(result)).toBe(total('iterations'));
    expect(await readdir(join(run, 'merged'))).toEqual(
      expect.arrayContaining(['report.html', 'report.md', 'junit.xml']),
    );
  }, 120_000);

  it("the merge's wait gives up, saying so, when the results are not there in time", async () => {
    const wait = manifests.merge.spec!.template.spec!.initContainers![0]!;
    const anHourAgo = new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const outcome = await runContainer(wait, map, { START_AT: anHourAgo });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toMatch(/gave up: 0 of 3 segment results \d+ s after/);
    expect(mapPaths(wait.command![2]!, map)).toContain(join(root, 'results'));
  });
});
