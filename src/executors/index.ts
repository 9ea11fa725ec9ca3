export {
  type ArrivalSchedule,
  createArrivalSchedule,
  type SchedulePlan,
} from './arrival-schedule.js';
export {
  type ConstantArrivalRateConfig,
  constantArrivalRateSchema,
} from './constant-arrival-rate.js';
export { type ConstantVusConfig, constantVusSchema } from './constant-vus.js';
export { type CurveRate, type CurveReplayTiming, curveRate } from './curve-rate.js';
export { type CurvePoint, type CurveReplayConfig, curveReplaySchema } from './curve-replay.js';
export { createMonotoneSpline, type MonotoneSpline } from './monotone-spline.js';
export { type CurveCsvOptions, parseCurveCsv } from './parse-curve-csv.js';
export { createPrng, deriveSeed, exponential, type Prng } from './prng.js';
export {
  type RampingArrivalRateConfig,
  rampingArrivalRateSchema,
} from './ramping-arrival-rate.js';
export { type RampingVusConfig, rampingVusSchema } from './ramping-vus.js';
export { createRateCurve, type RateCurve } from './rate-profile.js';
export { readCurveCsv } from './read-curve-csv.js';
export {
  type ExecutorConfig,
  executorDefinition,
  executorTypes,
  planExecutor,
} from './registry.js';
export { createRuntime } from './runtime.js';
export {
  type ExecutionSegment,
  formatSegment,
  parseSegment,
  segmentShare,
  WHOLE_RUN,
} from './segment.js';
export {
  type RateStep,
  type StepArrivalRateConfig,
  stepArrivalRateSchema,
} from './step-arrival-rate.js';
export type {
  ArrivalDistribution,
  ArrivalRateExecutorConfig,
  ArrivalRatePlan,
  BaseExecutorConfig,
  ExecutorDefinition,
  ExecutorPlan,
  ExecutorRuntime,
  ExecutorType,
  IterationStarter,
  PlanBase,
  PlanOutcome,
  PlanStage,
  RateProfile,
  RateSegment,
  RuntimeOutcome,
  Stage,
  VuSegment,
  VusPlan,
  WorkerShare,
} from './types.js';
export { nextVuChange, vusAt } from './vu-profile.js';
export { globalId, shareCount } from './worker-share.js';
