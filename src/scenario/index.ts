/** The scenario layer: defining, loading and the running context of scenarios. */
export { BUNDLE_CACHE_DIR, bundleScenario, LAUNCHDAY_ENTRY_URL } from './bundle-scenario.js';
export { deepFreeze } from './deep-freeze.js';
export { defineScenario } from './define-scenario.js';
export { JourneyContextImpl, type JourneyContextInit } from './journey-context.js';
export { loadScenario } from './loader.js';
export type { RawParam } from './param-values.js';
export { describeParams, type ParamDescription, param, resolveParams } from './params.js';
export {
  bundlePortableScenario,
  PORTABLE_BUNDLE_NAME,
  type PortableAsset,
  type PortableBundle,
} from './portable-bundle.js';
export { createSetupContext, createTeardownContext } from './setup-context.js';
export type * from './types.js';
export {
  scenarioIssues,
  thresholdsIssues,
  validateScenarioDefinition,
  workloadsIssues,
} from './validate-definition.js';
