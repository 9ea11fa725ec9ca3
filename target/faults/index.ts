export { busyWait } from './busy-wait.js';
export { createFaultController } from './fault-controller.js';
export {
  createFaultRouteTable,
  type FaultRouteTable,
  type FaultScopeProblem,
} from './fault-scope.js';
export {
  FAULT_SPEC_FORMS,
  faultSpecProblems,
  formatFaultSpec,
  parseFaultSpec,
} from './fault-spec.js';
