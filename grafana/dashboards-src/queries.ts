import type { Dashboard, Panel, RowPanel } from '@grafana/grafana-foundation-sdk/dashboard';
import type { Dataquery } from '@grafana/grafana-foundation-sdk/prometheus';
import type { PanelQuery, VariableValues } from './types.js';

/**
 * Every query of `dashboard`'s panels (those inside collapsed rows too), in panel order, with
 * its panel's title and the PromQL as Grafana would send it before expanding variables. The
 * end-to-end tests run them (through {@link expandVariables}) against a real Prometheus.
 */
export function panelQueries(dashboard: Dashboard): PanelQuery[] {
  return panelsOf(dashboard).flatMap((panel) =>
    (panel.targets ?? []).map((target) => {
      const { refId = '', expr = '' } = target as Dataquery;
      return { title: panel.title ?? '', refId, expr };
    }),
  );
}

/** The panels of `dashboard` other than rows, those of collapsed rows included. */
export function panelsOf(dashboard: Dashboard): Panel[] {
  return (dashboard.panels ?? []).flatMap((panel) =>
    isRow(panel) ? panel.panels : [panel as Panel],
  );
}

function isRow(panel: Panel | RowPanel): panel is RowPanel {
  return panel.type === 'row';
}

/** Regex metacharacters, escaped in a picked value as Grafana does for a multi-value variable. */
const REGEX_SPECIAL = /[$^*+?.()|\\[\]{}]/g;

/**
 * Expands the Grafana variables of a panel query as Grafana does when one run is picked:
 * `$testid` becomes `values.testid` regex-escaped (a run id taken as it is, not as a regex),
 * `$scenario` becomes `values.scenario` (default `.*`, "All"), `$__rate_interval` becomes
 * `values.rateInterval` (default `20s`). `${name}` is expanded like `$name`. Throws an Error
 * naming the variable when the query uses one it does not know.
 */
export function expandVariables(expr: string, values: VariableValues): string {
  const known: Record<string, string> = {
    testid: values.testid.replace(REGEX_SPECIAL, '\\\\$&').replaceAll('"', '\\"'),
    scenario: values.scenario ?? '.*',
    __rate_interval: values.rateInterval ?? '20s',
  };
  return expr.replace(/\$\{(\w+)\}|\$(\w+)/g, (_match, braced?: string, bare?: string) => {
    const name = (braced ?? bare) as string;
    const value = known[name];
    if (value === undefined) throw new Error(`expandVariables() knows no variable $${name}`);
    return value;
  });
}
