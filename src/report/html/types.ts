/** The contracts of the HTML report: the assets it inlines and the chart data it embeds. */

/**
 * What report.html inlines besides the result: uPlot's script and stylesheet and the report's
 * own client script (which draws the charts). `loadReportAssets` reads them; tests may pass
 * their own. Every field is source text, inlined verbatim.
 */
export interface ReportAssets {
  /** uPlot's `dist/uPlot.iife.min.js`: defines the global `uPlot`. */
  readonly uplotScript: string;
  /** uPlot's `dist/uPlot.min.css`. */
  readonly uplotCss: string;
  /** The script that reads the embedded {@link ReportData} and draws every chart with uPlot. */
  readonly clientScript: string;
}

/** One line of a chart: a value per point of the chart's `x`, null where there is none. */
export interface ChartSeries {
  readonly label: string;
  readonly values: readonly (number | null)[];
  /** Draw dashed: planned values (targets) rather than measured ones. */
  readonly dashed: boolean;
}

/** One chart of the report, drawn by the client script into `[data-chart="<id>"]`. */
export interface ChartSpec {
  /** Unique in the page: `chart-1`, `chart-2`, ... in page order. */
  readonly id: string;
  readonly title: string;
  /** The unit of the y axis, for its label and the legend's values: `ms`, `iterations/s`. */
  readonly unit: string;
  /** Seconds since the run's start: the start of each one-second interval. */
  readonly x: readonly number[];
  readonly series: readonly ChartSeries[];
}

/** A titled group of charts: one `<section>` of the page. */
export interface ChartGroup {
  readonly title: string;
  /** Why a group has no chart, shown in its place (e.g. the run made no request). */
  readonly emptyNote: string;
  readonly charts: readonly ChartSpec[];
}

/** What the page embeds as JSON in `<script type="application/json" id="report-data">`. */
export interface ReportData {
  readonly charts: readonly ChartSpec[];
}
