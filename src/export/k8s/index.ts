/** Manifests of a segmented run on Kubernetes (`launchday export k8s`): pure, no disk. */
export { buildK8sManifests, START_FILE, validateObject } from './build-manifests.js';
export {
  IMAGE_CLI,
  objectNames,
  RESULTS_MOUNT,
  SCENARIO_MOUNT,
  START_KEY,
} from './layout.js';
export { MERGE_CONTAINERS } from './merge-job.js';
export { podRunArguments, workersForCpu } from './run-arguments.js';
export { BUNDLE_PATH, GENERATOR_CONTAINER } from './run-job.js';
export type * from './types.js';
