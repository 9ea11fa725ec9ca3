/** Manifests of a segmented run on Kubernetes (`launchday export k8s`): pure, no disk. */
export { buildK8sManifests, START_FILE, validateObject } from './build-manifests.js';
export { MAX_CONFIG_MAP_BYTES } from './config-maps.js';
export {
  defaultExportName,
  IMAGE_CLI,
  MAX_NAME_LENGTH,
  objectNames,
  RESULTS_MOUNT,
  SCENARIO_MOUNT,
  START_KEY,
} from './layout.js';
export { MERGE_CONTAINERS } from './merge-job.js';
export { podRunArguments, workersForCpu } from './run-arguments.js';
export { BUNDLE_PATH, GENERATOR_CONTAINER } from './run-job.js';
export type * from './types.js';
