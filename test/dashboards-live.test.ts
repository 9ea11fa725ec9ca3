import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expandVariables,
  launchdayDashboards,
  panelQueries,
} from '../grafana/dashboards-src/index.js';
import { syntaxErrors } from '../grafana/dashboards-src/test-support.js';
import type { RunResult } from '../src/core/result.js';
import { readOnlyResult, runCli, tempDir } from './support/cli.js';
import { POSTGRES, type PostgresCluster, startPostgres } from './support/postgres-cluster.js';
import {
  PROMETHEUS,
  type PrometheusProcess,
  startPrometheus,
} from './support/prometheus-process.js';
import { startSeededTarget, type TargetProcess } from './support/target-process.js';

/** The official k6 dashboards, kept as data beside the repository (never copied into it). */
const K6_DASHBOARDS = new URL('../../shared/data/k6-dashboards/', import.meta.url);
const K6_FILES = ['k6-prometheus.json', 'k6-prometheus-native-histogram.json'];
/** k6's own dashboard variables, as a user picking p99 would set them. */
const K6_VARIABLES: Readonly<Record<string, string>> = { quantile_stat: 'p99', quantile: '0.99' };

const USERS = 200;
const TESTID = `dashboards-${process.pid}`;

interface Query {
  readonly dashboard: string;
  readonly title: string;
  readonly expr: string;
}

/** Every panel query of a k6 dashboard's JSON, rows' panels included. */
function k6Queries(file: string, json: { panels?: unknown[] }): Query[] {
  type Panel = { title?: string; targets?: { expr?: string }[]; panels?: Panel[] };
  const walk = (panels: Panel[]): Query[] =>
    panels.flatMap((panel) => [
      ...(panel.targets ?? [])
        .filter((target) => target.expr !== undefined)
        .map((target) => ({ dashboard: file, title: panel.title ?? '', expr: target.expr! })),
      ...walk(panel.panels ?? []),
    ]);
  return walk((json.panels ?? []) as Panel[]);
}

async function allQueries(): Promise<Query[]> {
  const ours = launchdayDashboards().flatMap(({ file, dashboard }) =>
    panelQueries(dashboard).map(({ title, expr }) => ({ dashboard: file, title, expr })),
  );
  const k6 = await Promise.all(
    K6_FILES.map(async (file) =>
      k6Queries(file, JSON.parse(await readFile(new URL(file, K6_DASHBOARDS), 'utf8'))),
    ),
  );
  return [...ours, ...k6.flat()];
}

/** `expr` with every dashboard variable set for the run `testid`. */
function expanded(expr: string): string {
  const k6Set = expr.replace(/\$(quantile_stat|quantile)\b/g, (_m, name: string) => {
    return K6_VARIABLES[name]!;
  });
  return expandVariables(k6Set, { testid: TESTID });
}

describe.skipIf(PROMETHEUS.path === null || POSTGRES.path === null)(
  `every dashboard panel against a real Prometheus ${PROMETHEUS.requirement} ${POSTGRES.requirement}`,
  () => {
    let target: TargetProcess;
    let prometheus: PrometheusProcess;
    let postgres: PostgresCluster;
    let result: RunResult;

    beforeAll(async () => {
      // On PostgreSQL, so the store pool's panel has data; 5% of requests fail with a 5xx, so
      // the failure panels have data too.
      postgres = await startPostgres();
      const db = await postgres.createDatabase('dashboards');
      target = await startSeededTarget(USERS, ['--faults', 'errors=5%'], db);
      const scraped = new URL(target.url).host;
      prometheus = await startPrometheus({
        config: [
          'global: { scrape_interval: 1s, evaluation_interval: 1s }',
          'scrape_configs:',
          `  - { job_name: target, static_configs: [{ targets: ['${scraped}'] }] }`,
        ].join('\n'),
        remoteWrite: true,
        nativeHistograms: true,
      });
      await prometheus.waitFor('up{job="target"} == 1', (series) => series.length === 1, 30_000);
      const outDir = await tempDir();
      const outcome = await runCli([
        'run',
        // Sign-ups (their follow imports are the service's jobs), feed reads and posts.
        new URL('../scenarios/launch-day.ts', import.meta.url).pathname,
        '--base-url',
        target.url,
        ...[
          'duration=10s',
          'scale=3e-6',
          'readsPerUser=0.1',
          `users=${USERS}`,
          'accounts=20',
          'follows=5',
          'followsMax=50',
        ].flatMap((p) => ['--param', p]),
        '--tag',
        `testid=${TESTID}`,
        '--out',
        `prometheus-rw=${prometheus.url}/api/v1/write`,
        '--out-dir',
        outDir,
        '--quiet',
      ]);
      result = await readOnlyResult(outDir);
      // 5% errors fail http_req_failed's threshold: exit 3 is the run working as meant.
      expect([outcome.code, result.status], outcome.stderr).toEqual([3, 'thresholds-failed']);
      // The target's last scrapes of the run, a second apart.
      await prometheus.waitFor(
        `count_over_time(up{job="target"}[5s])`,
        (series) => Number(series[0]?.value?.[1]) >= 3,
        30_000,
      );
    }, 120_000);

    afterAll(async () => {
      await prometheus?.stop();
      await target?.stop();
      await postgres?.stop();
    });

    it('the run pushed k6-named series with the testid, failed requests among them', async () => {
      const failed = await prometheus.query(
        `sum(k6_http_reqs_total{testid="${TESTID}", expected_response="false"})`,
      );
      const failedInRun = result.summary.requests.reduce((sum, row) => sum + row.failed, 0);
      expect(failedInRun).toBeGreaterThan(0);
      expect(Number(failed[0]?.value?.[1])).toBe(failedInRun);
    });

    it('every panel query of launchday’s and k6’s dashboards parses and returns data', async () => {
      const queries = await allQueries();
      expect(queries.length).toBeGreaterThan(60);
      // Near the end of the run: every rate window then lies inside it.
      const at = Date.parse(result.endedAt) / 1000 - 2;
      const problems: string[] = [];
      for (const query of queries) {
        const expr = expanded(query.expr);
        const where = `${query.dashboard} "${query.title}": ${expr}`;
        if (syntaxErrors(expr).length > 0) problems.push(`does not parse: ${where}`);
        else if ((await prometheus.query(expr, at)).length === 0)
          problems.push(`no data: ${where}`);
      }
      expect(problems).toEqual([]);
    });
  },
);
