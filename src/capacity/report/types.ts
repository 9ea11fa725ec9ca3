/**
 * The contracts of the capacity report's HTML page: the charts it embeds as JSON, drawn in the
 * browser by the capacity client script. They extend the run report's chart contracts, so the
 * run report's chart sections lay them out.
 */
import type { ChartGroup, ChartSeries, ChartSpec } from '../../report/html/types.js';

/** A vertical line across a chart at `x`, labelled: the knee, the maximum sustainable rate. */
export interface ChartMarker {
  readonly label: string;
  readonly x: number;
}

/** One series of a capacity chart: a line (dashed for a model or a bound) or measured points. */
export interface CapacitySeries extends ChartSeries {
  /** Draw the points only, no line between them (measurements against a fitted curve). */
  readonly pointsOnly: boolean;
}

/** One chart of capacity.html, drawn into `#<id>`; its `x` is a load figure, ascending. */
export interface CapacityChart extends ChartSpec {
  /** What `x` holds, for the x axis: `offered iterations/s`, `concurrency`. */
  readonly xLabel: string;
  readonly series: readonly CapacitySeries[];
  readonly markers: readonly ChartMarker[];
}

/** A titled group of capacity charts: one `<section>` of the page. */
export interface CapacityChartGroup extends ChartGroup {
  readonly charts: readonly CapacityChart[];
}

/** What capacity.html embeds as JSON in `<script type="application/json" id="capacity-data">`. */
export interface CapacityData {
  readonly charts: readonly CapacityChart[];
}
