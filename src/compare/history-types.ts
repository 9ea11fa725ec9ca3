/**
 * The contracts of `launchday history`: a folder of runs in order, the series of each chosen
 * metric over them, and the change points E-divisive found in each series. history.json holds
 * a {@link HistoryReport}; the terminal, Markdown and HTML renderers read it. Pure data:
 * latencies in milliseconds, rates as fractions (0–1), throughput per second.
 */
import type { SegmentFigures } from './stats/e-divisive.js';
import type { CompareUnit, Direction } from './types.js';

/** The version of the {@link HistoryReport} layout. */
export const HISTORY_SCHEMA_VERSION = 1;

/** One run of the history, in its place in the order. */
export interface HistoryRun {
  /** Its place in the order, from 1: "run 12" in the sentences. */
  readonly position: number;
  readonly runId: string;
  readonly startedAt: string;
  readonly scenario: string;
  /** The file it was read from, as found under the folder given. */
  readonly source: string;
  /** The value of the ordering tag (`--tag commit` → its commit), or null without `--tag`. */
  readonly tag: string | null;
}

/** One change point of a metric's series, at the first run after the change. */
export interface HistoryChange {
  /** The {@link HistoryRun.position} of the first run after the change. */
  readonly position: number;
  readonly runId: string;
  readonly tag: string | null;
  /** The permutation test's p-value. */
  readonly pValue: number;
  /** The energy statistic of the split (α = 1), in the metric's unit. */
  readonly statistic: number;
  /** The runs with a value between the previous change point (or the start) and this one. */
  readonly before: SegmentFigures;
  /** The runs with a value from this change point to the next one (or the end). */
  readonly after: SegmentFigures;
  /** after.mean / before.mean − 1; null when the mean before is 0. */
  readonly relativeChange: number | null;
  readonly direction: 'rose' | 'fell';
  /** Whether the change is for the worse, by the metric's {@link Direction}. */
  readonly worse: boolean;
  /** E.g. "p(99) of feed rose 18% at run 12 (commit abc123)". */
  readonly sentence: string;
}

/** One metric over the runs. */
export interface MetricHistory {
  /** The selector's canonical key, e.g. `http_req_duration{name:feed}:p(99)`. */
  readonly key: string;
  /** What the sentences call it: `p(99) of feed`, `p(99) of all requests`, `rate of http_req_failed`. */
  readonly label: string;
  readonly unit: CompareUnit;
  readonly direction: Direction;
  /** One value per run of {@link HistoryReport.runs}, in order; null where a run has no data. */
  readonly values: readonly (number | null)[];
  /** The change points, in order of position. */
  readonly changes: readonly HistoryChange[];
}

/** How the change points were found. */
export interface HistoryMethod {
  readonly name: 'e-divisive means';
  /** The exponent of the energy distance. */
  readonly alpha: 1;
  readonly significance: number;
  readonly permutations: number;
  readonly minSegment: number;
  /** The seed of the permutations: metric i draws from stream i of it. */
  readonly seed: number;
}

/** What history.json holds. */
export interface HistoryReport {
  readonly schemaVersion: typeof HISTORY_SCHEMA_VERSION;
  /** The folder of runs, as given. */
  readonly source: string;
  /** `startedAt`: by start time; `tag`: by the value of {@link HistoryReport.tag}. */
  readonly orderedBy: 'startedAt' | 'tag';
  /** The tag the runs are ordered and labelled by (`commit`), or null. */
  readonly tag: string | null;
  readonly runs: readonly HistoryRun[];
  readonly metrics: readonly MetricHistory[];
  readonly method: HistoryMethod;
}
