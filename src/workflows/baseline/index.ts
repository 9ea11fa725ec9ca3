/** Named baselines: runs kept in a folder for `compare --baseline NAME`. */
export { formatBaselineTable, listBaselines } from './list-baselines.js';
export {
  BASELINE_DIR_ENV,
  baselineRoot,
  DEFAULT_BASELINE_DIR,
  knownBaselines,
  MANIFEST_FILE,
  resolveBaseline,
} from './location.js';
export { readManifest } from './manifest.js';
export { saveBaseline } from './save-baseline.js';
export type {
  BaselineManifest,
  BaselineRun,
  SaveBaselineOptions,
  SaveBaselineOutcome,
} from './types.js';
