/** The public surface of compare/: the pure comparison of two sides of runs. */
export { INCOMPARABILITY_KINDS } from './comparability.js';
export {
  type CompareInput,
  type CompareOptions,
  compareSides,
  DEFAULT_COMPARE_OPTIONS,
} from './compare-sides.js';
export { metricLabel } from './reason.js';
export type * from './types.js';
