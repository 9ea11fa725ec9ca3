import { type Issue, LaunchdayError } from '../core/errors.js';
import { type ConstantArrivalRateConfig, constantArrivalRate } from './constant-arrival-rate.js';
import { type ConstantVusConfig, constantVus } from './constant-vus.js';
import { type CurveReplayConfig, curveReplay } from './curve-replay.js';
import { type RampingArrivalRateConfig, rampingArrivalRate } from './ramping-arrival-rate.js';
import { type RampingVusConfig, rampingVus } from './ramping-vus.js';
import { type StepArrivalRateConfig, stepArrivalRate } from './step-arrival-rate.js';
import type { ExecutorDefinition, ExecutorPlan, ExecutorType } from './types.js';

/**
 * An executor config as a scenario author writes it in `workloads.<name>.executor`: one of the
 * load models, chosen by `type`. Durations are k6 strings such as '30s'.
 */
export type ExecutorConfig =
  | ConstantArrivalRateConfig
  | RampingArrivalRateConfig
  | StepArrivalRateConfig
  | CurveReplayConfig
  | ConstantVusConfig
  | RampingVusConfig;

const definitions: ReadonlyMap<string, ExecutorDefinition> = new Map(
  [
    constantArrivalRate,
    rampingArrivalRate,
    stepArrivalRate,
    curveReplay,
    constantVus,
    rampingVus,
  ].map((definition) => [definition.type, definition]),
);

/** Every executor type the registry knows, in the order hints list them. */
export const executorTypes: readonly ExecutorType[] = [...definitions.values()].map((d) => d.type);

/** The definition of executor `type`, or undefined when there is none. */
export function executorDefinition(type: string): ExecutorDefinition | undefined {
  return definitions.get(type);
}

/**
 * Validates an author's executor `config` and returns its plan. Called by config resolution
 * for each workload, with `path` such as `workloads.readers.executor`. Throws a LaunchdayError
 * LAUNCHDAY_ERR_INVALID_SCENARIO listing every problem as an issue under `path`, with a hint
 * naming the keys the executor takes (or the known types, when `type` is unknown).
 */
export function planExecutor(config: unknown, path: string): ExecutorPlan {
  const type =
    typeof config === 'object' && config !== null ? (config as { type?: unknown }).type : undefined;
  const definition = typeof type === 'string' ? definitions.get(type) : undefined;
  if (!definition) throw unknownType(config, type, path);
  const outcome = definition.plan(config, path);
  if (outcome.ok) return outcome.plan;
  throw invalid(
    `invalid ${definition.type} executor`,
    outcome.issues,
    `${definition.type} takes: ${definition.keys}; durations are strings such as '500ms', '30s', '1m30s'`,
  );
}

function unknownType(config: unknown, type: unknown, path: string): LaunchdayError {
  const known = executorTypes.join(', ');
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    return invalid(
      'invalid executor',
      [{ path, message: 'must be an object with a type' }],
      `write e.g. { type: 'constant-arrival-rate', rate: 100, duration: '1m' }; types: ${known}`,
    );
  }
  const message = type === undefined ? 'is required' : `'${String(type)}' is not an executor type`;
  return invalid(
    'invalid executor',
    [{ path: `${path}.type`, message }],
    `executor types: ${known}`,
  );
}

/** The error for `issues`; its message reads `<what>: <path> <message>; …`. */
function invalid(what: string, issues: readonly Issue[], hint: string): LaunchdayError {
  const details = issues.map((issue) => `${issue.path} ${issue.message}`).join('; ');
  return new LaunchdayError('LAUNCHDAY_ERR_INVALID_SCENARIO', `${what}: ${details}`, {
    hint,
    issues,
  });
}
