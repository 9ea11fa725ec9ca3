/**
 * The contracts of compare.html: the charts it embeds as JSON, drawn in the browser by the
 * compare client script. They extend the run report's chart contracts, so the run report's
 * chart sections lay them out.
 */
import type { ChartGroup, ChartSeries, ChartSpec } from '../html/types.js';

/** One line of a compare chart: a side's distribution, or one run's per-second figures. */
export interface CompareSeries extends ChartSeries {
  /**
   * The entry of the page's palette (`--series-1..8`, counted from 0) that draws it: 0–3 are
   * the baseline's blues, 4–7 the candidate's oranges. Candidates are also dashed, so the sides
   * differ by more than colour.
   */
  readonly colour: number;
}

/** One chart of compare.html, drawn into `#<id>`. */
export interface CompareChart extends ChartSpec {
  /**
   * `percentile`: `x` holds 1/(1 − p) for percentiles p below 100, drawn on a log scale whose
   * ticks read 0, 90, 99, 99.9, …; `seconds`: seconds since each run's start.
   */
  readonly xAxis: 'percentile' | 'seconds';
  readonly series: readonly CompareSeries[];
}

/** A titled group of compare charts: one `<section>` of the page. */
export interface CompareChartGroup extends ChartGroup {
  readonly charts: readonly CompareChart[];
}

/** What compare.html embeds as JSON in `<script type="application/json" id="compare-data">`. */
export interface CompareData {
  readonly charts: readonly CompareChart[];
}
