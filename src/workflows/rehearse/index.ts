/** The one-command rehearsal: the reference target started, driven and checked for lost writes. */
export { checkConsistency, judgeConsistency } from './consistency-check.js';
export {
  type RehearseOptions,
  type RehearseOutcome,
  rehearse,
  withConsistency,
} from './rehearse.js';
export { builtInScenarios, DEFAULT_REHEARSAL, resolveScenarioFile } from './scenario-file.js';
export { TargetAdmin } from './target-admin.js';
