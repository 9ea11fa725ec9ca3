import type { Dataquery } from '@grafana/grafana-foundation-sdk/prometheus';
import { describe, expect, it } from 'vitest';
import { feedServiceDashboard } from './feed-service.js';
import { launchRehearsalDashboard } from './launch-rehearsal.js';
import { expandVariables, panelQueries, panelsOf } from './queries.js';
import { launchdayDashboards } from './render.js';
import { DATASOURCE_UID } from './stack.js';
import { syntaxErrors } from './test-support.js';
import { PROMETHEUS } from './variables.js';

const RUN_ID = '20261122-034512-signup-spike-3f9a';
const dashboards = launchdayDashboards().map(({ file, dashboard }) => ({
  file,
  dashboard,
  queries: panelQueries(dashboard),
}));

describe('the dashboards', () => {
  it('have the uids the stack links to', () => {
    expect(launchRehearsalDashboard().uid).toBe('launchday-rehearsal');
    expect(feedServiceDashboard().uid).toBe('launchday-feed-service');
  });

  it.each(dashboards)(
    '$file: every panel has a title, the data source and queries',
    ({ dashboard }) => {
      const panels = panelsOf(dashboard);
      expect(panels.length).toBeGreaterThan(8);
      for (const panel of panels) {
        expect(panel.title?.trim(), JSON.stringify(panel.gridPos)).toBeTruthy();
        expect(panel.datasource, panel.title).toEqual(PROMETHEUS);
        expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
        for (const target of panel.targets ?? []) {
          expect((target as Dataquery).datasource).toEqual(PROMETHEUS);
        }
      }
    },
  );

  it.each(dashboards)('$file: panel ids are 1, 2, 3... in order', ({ dashboard }) => {
    expect(dashboard.panels?.map((panel) => panel.id)).toEqual(
      dashboard.panels?.map((_panel, index) => index + 1),
    );
  });

  it.each(dashboards)(
    '$file: $datasource defaults to the provisioned data source',
    ({ dashboard }) => {
      const [first] = dashboard.templating?.list ?? [];
      expect(first).toMatchObject({ type: 'datasource', name: 'datasource', query: 'prometheus' });
      expect(first?.current?.value).toBe(DATASOURCE_UID);
    },
  );

  it.each(dashboards)(
    '$file: every query is valid PromQL once its variables are expanded',
    ({ queries }) => {
      for (const { title, refId, expr } of queries) {
        const expanded = expandVariables(expr, { testid: RUN_ID });
        expect(expanded, `${title} ${refId}`).not.toContain('$');
        expect(syntaxErrors(expanded), `${title} ${refId}: ${expanded}`).toEqual([]);
      }
    },
  );

  it('"Launch rehearsal" selects every series by the picked runs', () => {
    for (const { title, expr } of panelQueries(launchRehearsalDashboard())) {
      const selectors = expr.split('{').length - 1;
      expect(expr.split('{testid=~"$testid"').length - 1, title).toBe(selectors);
    }
  });

  it('"Feed service" shows every query only while a picked run is active', () => {
    for (const { title, expr } of panelQueries(feedServiceDashboard())) {
      expect(expr.endsWith(' and on() launchday_run_active{testid=~"$testid"}'), title).toBe(true);
    }
  });
});

describe('panelQueries', () => {
  it('lists each query with its panel title and refId, in panel order', () => {
    const queries = panelQueries(launchRehearsalDashboard());
    expect(queries[0]).toEqual({
      title: 'Target vs achieved arrival rate',
      refId: 'A',
      expr: 'sum by (scenario) (launchday_target_rate{testid=~"$testid", scenario=~"$scenario"})',
    });
    expect(queries.slice(1, 3).map(({ refId }) => refId)).toEqual(['B', 'C']);
    expect(queries.at(-1)?.title).toBe('Thresholds');
  });
});

describe('expandVariables', () => {
  it('puts the run, all scenarios and a 20 s rate window in by default', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Grafana's ${name} form is under test
    const expr = 'sum(rate(x{testid=~"$testid", scenario=~"${scenario}"}[$__rate_interval]))';
    expect(expandVariables(expr, { testid: RUN_ID })).toBe(
      `sum(rate(x{testid=~"${RUN_ID}", scenario=~".*"}[20s]))`,
    );
    expect(expandVariables(expr, { testid: 'a', scenario: 'signup', rateInterval: '1m' })).toBe(
      'sum(rate(x{testid=~"a", scenario=~"signup"}[1m]))',
    );
  });

  it('escapes a testid like Grafana, so it matches itself and parses', () => {
    const expanded = expandVariables('x{testid=~"$testid"}', { testid: 'v1.2+"rc"' });
    expect(expanded).toBe('x{testid=~"v1\\\\.2\\\\+\\"rc\\""}');
    expect(syntaxErrors(expanded)).toEqual([]);
  });

  it('refuses a variable it does not know, naming it', () => {
    expect(() => expandVariables('x[$__range]', { testid: 'a' })).toThrow(
      'expandVariables() knows no variable $__range',
    );
  });
});
