import { describe, expect, it } from 'vitest';
import { createFeedMetrics } from '../../target/metrics/feed-metrics.js';
import { createRegistry } from '../../target/metrics/registry.js';
import { feedServiceDashboard } from './feed-service.js';
import { launchRehearsalDashboard } from './launch-rehearsal.js';
import { panelQueries } from './queries.js';
import { metricNames } from './test-support.js';

/** k6's remote-write names the rehearsal dashboard may read (issue 6's metric contract). */
const K6_NAMES = [
  'k6_http_reqs_total',
  'k6_http_req_duration_seconds',
  'k6_iterations_total',
  'k6_dropped_iterations_total',
  'k6_vus',
  'k6_vus_max',
  'k6_checks_rate',
];

/** launchday's own runner series (the same contract). */
const LAUNCHDAY_NAMES = [
  'launchday_target_rate',
  'launchday_iterations_started_total',
  'launchday_iterations_in_flight',
  'launchday_threshold_ok',
  'launchday_run_active',
];

/** The series names the feed service's /metrics exposes, `_bucket` ones of histograms included. */
async function targetSeriesNames(): Promise<Set<string>> {
  const registry = createRegistry();
  createFeedMetrics(registry);
  const metrics = await registry.getMetricsAsJSON();
  return new Set(
    metrics.flatMap(({ name, type }) =>
      String(type) === 'histogram' ? [`${name}_bucket`, `${name}_sum`, `${name}_count`] : [name],
    ),
  );
}

function namesOf(queries: readonly { expr: string }[]): Set<string> {
  return new Set(queries.flatMap(({ expr }) => metricNames(expr)));
}

describe('the metric names the dashboards read', () => {
  it('"Feed service" reads only series the feed service exposes, and the run marker', async () => {
    const exposed = await targetSeriesNames();
    const used = namesOf(panelQueries(feedServiceDashboard()));
    expect(used.size).toBeGreaterThan(8);
    for (const name of used) {
      if (name !== 'launchday_run_active') expect(exposed, name).toContain(name);
    }
  });

  it('"Launch rehearsal" reads only k6 remote-write names and launchday_* ones', () => {
    const used = namesOf(panelQueries(launchRehearsalDashboard()));
    expect([...used].filter((name) => ![...K6_NAMES, ...LAUNCHDAY_NAMES].includes(name))).toEqual(
      [],
    );
  });

  it('"Launch rehearsal" shows data on k6 runs in all panels but the launchday-only ones', () => {
    const queries = panelQueries(launchRehearsalDashboard());
    const withK6Data = new Set(
      queries
        .filter(({ expr }) => metricNames(expr).every((name) => K6_NAMES.includes(name)))
        .map(({ title }) => title),
    );
    const launchdayOnly = [...new Set(queries.map(({ title }) => title))].filter(
      (title) => !withK6Data.has(title),
    );
    expect(launchdayOnly).toEqual(['Iterations in flight', 'Thresholds']);
  });
});
