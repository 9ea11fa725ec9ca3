import { type RunScenarioOptions, runScenario } from '../../api.js';
import { describePhase, errorText, interruptedIterationsOf } from '../../capacity/phase-end.js';
import { toCapacityStep } from '../../capacity/step-result.js';
import type {
  CapacityPhase,
  CapacityStep,
  PhaseFailure,
  PhaseName,
  Slo,
  StepWindow,
  WindowMeasurement,
} from '../../capacity/types.js';
import type { RunResult } from '../../core/result.js';
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
  /** The reference target's worker count (`--target-workers`), or null for a given target. */
  readonly targetWorkers: number | null;
}

/** One phase: load levels of equal length, each with a warm-up, and when to stop early. */
export interface PhasePlan {
  /** Names the phase and its run folder, e.g. `staircase`. */
  readonly name: Exclude<PhaseName, 'start-target'>;
  /** The arrival rates, one level each, in order. */
  readonly rates: readonly number[];
  /** Seconds per level, of which the first `warmupS` are not measured. */
  readonly levelS: number;
  readonly warmupS: number;
  /** Stop the phase after a level for which this is true. */
  readonly stopAfter?: (step: CapacityStep) => boolean;
}

/** What a phase came to: the levels it measured in full, its record, the error it failed with. */
export interface PhaseOutcome {
  readonly steps: CapacityStep[];
  readonly phase: CapacityPhase;
  /** The error its run failed with, and whether load had been sent by then; null otherwise. */
  readonly failure: PhaseFailure | null;
}

/**
 * Runs `plan` as one run of the scenario whose workload under test follows a
 * `step-arrival-rate` staircase of the plan's rates, and returns a {@link CapacityStep} per level
 * measured in full (a level cut short by an early stop is left out) with the phase's record
 * (see {@link describePhase}). The target's /metrics is read as each level's warm-up ends and as
 * it ends, for its CPU and event-loop use. Never rejects: a run that fails is recorded with the
 * levels measured before, and its error returned. With the context's signal already aborted,
 * runs nothing and records the phase as interrupted.
 */
export async function runPhase(context: PhaseContext, plan: PhasePlan): Promise<PhaseOutcome> {
  const facts = {
    name: plan.name,
    workers: context.targetWorkers,
    planned: plan.rates,
    levelS: plan.levelS,
  };
  if (context.signal?.aborted) {
    const run = { measured: [], stoppedEarly: false, interrupted: true, error: null, run: null };
    return { steps: [], failure: null, phase: describePhase({ ...facts, ...run }) };
  }
  const levels = measureLevels(context, plan);
  const ran = await runMeasured(context, plan, levels);
  const steps = await Promise.all(levels.steps);
  const { result, error } = ran;
  const phase = describePhase({
    ...facts,
    measured: steps.map((step) => step.offered),
    stoppedEarly: levels.stop.signal.aborted,
    interrupted: ran.interrupted,
    error: error === undefined ? null : errorText(error),
    run: result && {
      status: result.status,
      stopReason: result.stopReason,
      interruptedIterations: interruptedIterationsOf(result),
    },
  });
  return { steps, phase, failure: error === undefined ? null : { error, loadSent: ran.loadSent } };
}

/** The measuring side of a phase's run: its collector, its steps as measured, its early stop. */
interface LevelMeasures {
  readonly collector: StepCollector;
  readonly windows: readonly StepWindow[];
  readonly steps: Promise<CapacityStep>[];
  readonly stop: AbortController;
}

function measureLevels(context: PhaseContext, plan: PhasePlan): LevelMeasures {
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
  return { collector, windows, steps, stop };
}

/** What running a phase's scenario came to: its result or its error, and what happened. */
interface RunMeasured {
  readonly result: RunResult | null;
  readonly error?: unknown;
  /** The load had begun (the outputs were started). */
  readonly loadSent: boolean;
  /** The context's signal was aborted while it ran. */
  readonly interrupted: boolean;
}

async function runMeasured(
  context: PhaseContext,
  plan: PhasePlan,
  levels: LevelMeasures,
): Promise<RunMeasured> {
  let loadSent = false;
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
  };
  context.signal?.addEventListener('abort', onSignal, { once: true });
  const started: Output = {
    start: () => {
      loadSent = true;
    },
  };
  try {
    const { result } = await runScenario(context.loaded, {
      ...context.runOptions,
      runId: plan.name,
      workloads: phaseWorkloads(context, plan, levels.windows),
      outputs: [...(context.outputs?.() ?? []), levels.collector, started],
      signal: AbortSignal.any([levels.stop.signal, ...(context.signal ? [context.signal] : [])]),
    });
    return { result, loadSent, interrupted };
  } catch (error) {
    return { result: null, error, loadSent, interrupted };
  } finally {
    context.signal?.removeEventListener('abort', onSignal);
  }
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
