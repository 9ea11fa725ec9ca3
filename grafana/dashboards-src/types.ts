import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';

/** One PromQL query of a panel, with Grafana variables (`$testid`, `$__rate_interval`) unexpanded. */
export interface QuerySpec {
  readonly expr: string;
  /** Grafana legend format, e.g. `{{name}} p99`. */
  readonly legend: string;
}

/** What every panel states: its title, what it shows, its unit and its queries. */
export interface PanelSpec {
  readonly title: string;
  /** Shown on hover: what the panel means and which metric it reads. */
  readonly description: string;
  /** A Grafana unit id (`s`, `reqps`, `percentunit`, `bytes`, `suffix: it/s`...). */
  readonly unit: string;
  readonly queries: readonly QuerySpec[];
  /** Width in grid columns out of 24; default 12. */
  readonly span?: number;
  readonly min?: number;
  readonly max?: number;
}

/** A generated dashboard and the file name it is committed as in grafana/dashboards/. */
export interface DashboardFile {
  /** e.g. `launch-rehearsal.json`. */
  readonly file: string;
  readonly dashboard: Dashboard;
}

/** One query of a generated dashboard, as the end-to-end tests run it against Prometheus. */
export interface PanelQuery {
  /** The title of the panel the query belongs to. */
  readonly title: string;
  /** The query's refId in the panel (`A`, `B`, ...). */
  readonly refId: string;
  /** The PromQL with Grafana variables unexpanded (see `expandVariables`). */
  readonly expr: string;
}

/** Values for the Grafana variables of the dashboards' queries, see `expandVariables`. */
export interface VariableValues {
  /** The run id as it is (not a regex): it is escaped like Grafana escapes a selected value. */
  readonly testid: string;
  /** A regex for `$scenario`; default `.*` (Grafana's "All"). */
  readonly scenario?: string;
  /**
   * What `$__rate_interval` becomes; default `20s`, Grafana's minimum for the provisioned
   * data source (four times its 5 s scrape interval).
   */
  readonly rateInterval?: string;
}
