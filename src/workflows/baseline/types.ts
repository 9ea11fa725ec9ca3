/** One run kept in a baseline, as its manifest lists it. */
export interface BaselineRun {
  /** The run's id; its result is `<baseline>/<runId>/result.json`. */
  readonly runId: string;
  /** The scenario's name. */
  readonly scenario: string;
  /** When the run started (ISO 8601). */
  readonly startedAt: string;
  /** Where the result.json was saved from, relative to the folder `save` ran in. */
  readonly source: string;
}

/** `<baseline>/baseline.json`: what a baseline holds. */
export interface BaselineManifest {
  readonly manifestVersion: 1;
  readonly name: string;
  /** When the baseline was last saved (ISO 8601). */
  readonly savedAt: string;
  /** Ordered by `startedAt`. */
  readonly runs: readonly BaselineRun[];
}

/** Options of `saveBaseline`. */
export interface SaveBaselineOptions {
  /** A result.json, a run folder holding one, or a folder of run folders. */
  readonly run: string;
  /** The baseline's name (default `main`). */
  readonly name?: string;
  /** The folder of baselines (default: see `baselineRoot`). */
  readonly dir?: string;
  /** Replace the baseline's runs instead of adding to them. */
  readonly replace?: boolean;
}

/** What `saveBaseline` did. */
export interface SaveBaselineOutcome {
  /** The baseline's folder. */
  readonly path: string;
  readonly manifest: BaselineManifest;
  /** Run ids saved now. */
  readonly added: readonly string[];
  /** Run ids given that the baseline already held, left as they were. */
  readonly alreadyThere: readonly string[];
}
