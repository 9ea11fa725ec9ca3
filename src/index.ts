/**
 * launchday's public API: what scenario files import (`defineScenario`, `param`, the types of
 * the journey context) and the programmatic API the CLI is built on.
 */
export {
  createRunId,
  type RunOutcome,
  type RunScenarioOptions,
  runScenario,
  type ValidatedScenario,
  validateScenario,
} from './api.js';
export type { UslFit } from './capacity/types.js';
export { fitUsl, type UslParams, type UslPoint, uslThroughput } from './capacity/usl.js';
export {
  type CompareInput,
  type CompareOptions,
  compareSides,
  DEFAULT_COMPARE_OPTIONS,
} from './compare/index.js';
export type { CompareReport, MetricComparison, Verdict } from './compare/types.js';
export type { ResolvedRun, RunOptions } from './config/types.js';
export { parseDuration } from './core/duration.js';
export { ErrorCodes, type Issue, isLaunchdayError, LaunchdayError } from './core/errors.js';
export { ExitCode } from './core/exit-codes.js';
export { readResult } from './core/read-result.js';
export type * from './core/result.js';
export { RESULT_SCHEMA_VERSION } from './core/result.js';
export type {
  CurveCsvOptions,
  CurvePoint,
  CurveReplayConfig,
  ExecutorConfig,
} from './executors/index.js';
export { createPrng, type Prng, readCurveCsv } from './executors/index.js';
export type {
  ByteSize,
  HttpOptions,
  HttpResponse,
  RequestOptions,
  ScenarioHttpOptions,
} from './http/index.js';
export { type OutSpec, outputsFromSpecs, parseOutSpec } from './outputs/out-spec.js';
export {
  type PrometheusRemoteWriteOutput,
  type PrometheusScrapeOutput,
  prometheusRemoteWrite,
  prometheusScrape,
  type RemoteWriteOptions,
  type ScrapeOptions,
} from './outputs/prometheus/index.js';
export { writeReportFiles } from './outputs/report-files.js';
export type { LiveState, Output, ReportFilePaths, RunStart } from './outputs/types.js';
export type {
  JourneyContext,
  ParamSpecs,
  ParamValues,
  ScenarioCompare,
  ScenarioDefinition,
  SetupContext,
  TeardownContext,
  WorkloadDefinition,
} from './scenario/index.js';
export { defineScenario, param } from './scenario/index.js';
export {
  builtInScenarios,
  type RehearseOptions,
  type RehearseOutcome,
  rehearse,
} from './workflows/rehearse/index.js';
