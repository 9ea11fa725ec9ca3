/**
 * The contracts of history.html: the charts it embeds as JSON, drawn in the browser by the
 * history client script. They extend the run report's chart contracts, so the run report's
 * chart sections lay them out.
 */
import type { ChartGroup, ChartSpec } from '../html/types.js';

/** A change point as a chart marks it: a vertical line between two runs. */
export interface ChartChange {
  /** The position of the first run after the change; the line is drawn half a run before it. */
  readonly position: number;
  /** Drawn in the page's `--fail` colour when for the worse, `--pass` when for the better. */
  readonly worse: boolean;
}

/**
 * One metric's chart: `x` holds the runs' positions (1, 2, …), the first series the metric's
 * value per run, the second (dashed) the mean of the segment each run belongs to.
 */
export interface HistoryChart extends ChartSpec {
  /** What each run is called in the legend (its tag's value or run id), one per `x`. */
  readonly runLabels: readonly string[];
  readonly changes: readonly ChartChange[];
}

/** A titled group of history charts: one `<section>` of the page. */
export interface HistoryChartGroup extends ChartGroup {
  readonly charts: readonly HistoryChart[];
}

/** What history.html embeds as JSON in `<script type="application/json" id="history-data">`. */
export interface HistoryData {
  readonly charts: readonly HistoryChart[];
}
