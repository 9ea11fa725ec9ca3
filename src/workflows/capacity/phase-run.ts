import { type RunScenarioOptions, runScenario } from '../../api.js';
import { toCapacityStep } from '../../capacity/step-result.js';
import type { CapacityStep, Slo, StepWindow, WindowMeasurement } from '../../capacity/types.js';
import type { Output } from '../../outputs/types.js';
import type { LoadedScenario } from '../../scenario/index.js';
import { StepCollector } from './step-collector.js';
import { sampleUsage, type UsageSample, usageBetween } from './target-usage.js';

/** What every phase of a capacity search shares. */
export interface PhaseContext {
  readonly loaded: LoadedScenario;
  /** The workload driven; the scenario's other workloads are left out. */
  readonly workload: string;
  readonly otherWorkloads: readonly string[];
  readonly slos: readonly Slo[];
  /** The run options of every phase (params, tags, seed, workers, base URL, out dir...). */
  readonly runOptions: RunScenarioOptions;
  /** The target's /metrics, or null when it has none. */
  readonly metricsUrl: string | null;
  /** Aborting it stops the phase running and the search. */
  readonly signal?: AbortSignal;
  /** Makes the live outputs of each phase's run (`--out`), fresh for every run. */
  readonly outputs?: () => Output[];
  /** Told each level as it is measured, with the phase's name. */
  readonly onLevel?: (phase: string, step: CapacityStep) => void;
}

/** One phase: load levels of equal length, each with a warm-up, and when to stop early. */
export interface PhasePlan {
  /** Names the phase's run folder, e.g. `staircase`. */
  readonly name: string;
  /** The arrival rates, one level each, in order. */
  readonly rates: readonly number[];
  /** Seconds per level, of which the first `warmupS` are not measured. */
  readonly levelS: number;
  readonly warmupS: number;
  /** Stop the phase after a level for which this is true. */
  readonly stopAfter?: (step: CapacityStep) => boolean;
}

/**
 * Runs `plan` as one run of the scenario whose workload under test follows a
 * `step-arrival-rate` staircase of the plan's rates, and returns a {@link CapacityStep} per level
 * measured in full (a level cut short by an early stop is left out). The target's /metrics is
 * read as each level's warm-up ends and as it ends, for its CPU and event-loop use.
 */
export async function runPhase(context: PhaseContext, plan: PhasePlan): Promise<CapacityStep[]> {
  const windows = levelWindows(plan);
  const usage = new Map<WindowMeasurement, Promise<UsageSample | null>[]>();
  const sample = () =>
    context.metricsUrl === null ? Promise.resolve(null) : sampleUsage(context.metricsUrl);
  const stop = new AbortController();
  const steps: Promise<CapacityStep>[] = [];
  const collector = new StepCollector(windows, context.workload, {
    warmedUp: (measurement) => usage.set(measurement, [sample()]),
    completed: (measurement) => {
      // After an early stop, the levels still ending had no load started in them.
      if (stop.signal.aborted) return;
      const readings = [...(usage.get(measurement) ?? [Promise.resolve(null)]), sample()];
      const step = Promise.all(readings).then(([from, to]) =>
        toCapacityStep(measurement, context.slos, usageBetween(from ?? null, to ?? null)),
      );
      steps.push(step);
      void step.then((done) => {
        context.onLevel?.(plan.name, done);
        if (plan.stopAfter?.(done)) stop.abort();
      });
    },
  });
  await runScenario(context.loaded, {
    ...context.runOptions,
    runId: plan.name,
    workloads: phaseWorkloads(context, plan, windows),
    outputs: [...(context.outputs?.() ?? []), collector],
    signal: AbortSignal.any([stop.signal, ...(context.signal ? [context.signal] : [])]),
  });
  return Promise.all(steps);
}

function levelWindows(plan: PhasePlan): StepWindow[] {
  return plan.rates.map((offered, i) => ({
    offered,
    startS: i * plan.levelS,
    warmupS: plan.warmupS,
    endS: (i + 1) * plan.levelS,
  }));
}

function phaseWorkloads(
  context: PhaseContext,
  plan: PhasePlan,
  windows: readonly StepWindow[],
): RunScenarioOptions['workloads'] {
  const peak = Math.max(...plan.rates);
  return {
    ...Object.fromEntries(context.otherWorkloads.map((name) => [name, null])),
    [context.workload]: {
      type: 'step-arrival-rate',
      steps: windows.map((window) => ({ rate: window.offered, duration: `${plan.levelS}s` })),
      // Room for ten seconds of queueing at the highest rate: drops then mean real overload.
      maxInFlight: Math.min(20_000, Math.max(1000, Math.ceil(peak * 10))),
      gracefulStop: '5s',
    },
  };
}
