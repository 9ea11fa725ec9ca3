/** The contracts of the report renderers: their options and the documents they return. */

/** Options of `renderTerminalSummary`. */
export interface TerminalSummaryOptions {
  /** Style with ANSI colours; the CLI decides with `shouldColor(process.stdout)`. */
  readonly color: boolean;
}

/**
 * One metric in k6's `--summary-export` file: its values flat, plus `thresholds` mapping each
 * expression to whether it FAILED (k6's legacy inversion: `false` means the threshold held).
 */
export type K6ExportMetric = { [stat: string]: number | Record<string, boolean> } & {
  thresholds?: Record<string, boolean>;
};

/** One check in k6's export: `path` is `::<name>` under the root group, `id` its MD5. */
export interface K6ExportCheck {
  name: string;
  path: string;
  id: string;
  passes: number;
  fails: number;
}

/** k6's root group: launchday has no groups, so every check is directly under it. */
export interface K6ExportGroup {
  name: string;
  path: string;
  id: string;
  groups: Record<string, K6ExportGroup>;
  checks: Record<string, K6ExportCheck>;
}

/** The whole `--summary-export` document, as `k6 run --summary-export=file.json` writes it. */
export interface K6SummaryExport {
  root_group: K6ExportGroup;
  metrics: Record<string, K6ExportMetric>;
}
