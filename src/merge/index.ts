/** `launchday merge`: the results of a segmented run's instances made into one result. */
export { type MergeInput, segmentOf } from './merge-input.js';
export { MAX_START_SKEW_MS, mergeResults } from './merge-results.js';
export { checkMergeable } from './mergeable.js';
