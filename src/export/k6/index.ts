/** The pure part of `launchday export k6`: k6 options, the adapter's entry, k6-operator manifests. */
export { type EntryImports, entrySource } from './entry-source.js';
export { k6Scenario } from './executor-mapping.js';
export { k6Duration } from './k6-duration.js';
export { type K6Mapping, k6Mapping } from './k6-options.js';
export { type K6RateStages, k6Iterations, rateStages } from './rate-stages.js';
export {
  type Manifest,
  remoteWriteArguments,
  remoteWriteEnv,
  scriptConfigMap,
  type TestRunInput,
  testRun,
} from './test-run.js';
export type * from './types.js';
