import { stopsSearch } from '../../capacity/phase-end.js';
import { maxSustainable } from '../../capacity/sustainable.js';
import type { CapacityStep, OverloadResult, SearchOutcome, Slo } from '../../capacity/types.js';
import { type PhaseContext, type PhaseOutcome, type PhasePlan, runPhase } from './phase-run.js';

/** How the search steps the load; every field has a default (see {@link SEARCH_DEFAULTS}). */
export interface SearchSettings {
  /** The quick ramp's first rate; it doubles every `rampLevelS` up to `maxRate`. */
  readonly startRate: number;
  readonly maxRate: number;
  readonly rampLevelS: number;
  /** Levels of the staircase, between 10% and 120% of the breakpoint. */
  readonly levels: number;
  /** Seconds per staircase level, of which `warmupS` are discarded. */
  readonly levelS: number;
  readonly warmupS: number;
}

/** Defaults that keep a whole search under about 4 minutes. */
export const SEARCH_DEFAULTS: SearchSettings = Object.freeze({
  startRate: 5,
  maxRate: 20_000,
  rampLevelS: 2,
  levels: 10,
  levelS: 10,
  warmupS: 3,
});

/** Levels put between the last sustainable level and the first broken one. */
const REFINE_LEVELS = 3;
const OVERLOAD_MULTIPLES = [2, 10];

/** Runs one phase of a search and keeps its outcome. */
type PhaseRunner = (plan: PhasePlan) => Promise<PhaseOutcome>;

/**
 * Finds a service's limit as Kraken does, by stepping live load up until the SLOs break: a
 * quick exponential ramp finds the breakpoint (the first rate that broke an SLO); a staircase
 * of `levels` levels from 10% to 120% of it measures each level in steady state, stopping once
 * one breaks badly; three levels between the last sustainable and the first broken level refine
 * the answer; and two short runs at 2x and 10x the maximum sustainable rate show how the
 * service behaves in overload. A phase that fails, is aborted or interrupted ends the search
 * there; what was measured until then is returned, never an error. `report` tells each phase as
 * it starts, and what happened when one did not finish cleanly.
 */
export async function searchCapacity(
  context: PhaseContext,
  settings: SearchSettings,
  report: (message: string) => void = () => {},
): Promise<SearchOutcome> {
  const phases: PhaseOutcome[] = [];
  const run: PhaseRunner = async (plan) => {
    const outcome = await runPhase(context, plan);
    phases.push(outcome);
    if (!outcome.phase.clean) report(outcome.phase.note);
    return outcome;
  };
  const halted = () => stopsSearch(phases.at(-1)!.phase);
  report(`ramp: from ${settings.startRate}/s, doubling every ${settings.rampLevelS} s`);
  const breakpoint = await findBreakpoint(run, settings);
  if (halted()) return outcomeOf(phases, breakpoint, [], []);
  report(`breakpoint near ${round(breakpoint)}/s; staircase of ${settings.levels} levels`);
  const stairs = await run({
    name: 'staircase',
    rates: spread(0.1 * breakpoint, 1.2 * breakpoint, settings.levels),
    ...levelTimes(settings),
    stopAfter: (step) => brokenBadly(step, context.slos),
  });
  const refine = halted() ? [] : refinementRates(stairs.steps);
  if (refine.length > 0)
    report(`refining between ${round(refine[0]!)} and ${round(refine.at(-1)!)}/s`);
  const refined =
    refine.length === 0
      ? []
      : (await run({ name: 'refine', rates: refine, ...levelTimes(settings) })).steps;
  const steps = [...stairs.steps, ...refined].sort((a, b) => a.offered - b.offered);
  const sustainable = maxSustainable(steps);
  if (halted() || sustainable === null) return outcomeOf(phases, breakpoint, steps, []);
  return outcomeOf(
    phases,
    breakpoint,
    steps,
    await runOverload(run, settings, sustainable, report),
  );
}

function outcomeOf(
  phases: readonly PhaseOutcome[],
  breakpoint: number,
  steps: readonly CapacityStep[],
  overload: readonly OverloadResult[],
): SearchOutcome {
  return {
    breakpoint,
    steps,
    sustainable: maxSustainable(steps),
    overload,
    phases: phases.map(({ phase }) => phase),
    failure: phases.find(({ failure }) => failure !== null)?.failure ?? null,
  };
}

function levelTimes(settings: SearchSettings): Pick<PhasePlan, 'levelS' | 'warmupS'> {
  return { levelS: settings.levelS, warmupS: settings.warmupS };
}

/**
 * The first rate of the exponential ramp at which a level broke an SLO: `maxRate` if the ramp
 * measured every level without one breaking, 0 if it stopped before.
 */
async function findBreakpoint(run: PhaseRunner, settings: SearchSettings): Promise<number> {
  const rates: number[] = [];
  for (let rate = settings.startRate; rate <= settings.maxRate; rate *= 2) rates.push(rate);
  const { steps } = await run({
    name: 'ramp',
    rates,
    levelS: settings.rampLevelS,
    warmupS: settings.rampLevelS / 2,
    stopAfter: (step) => !step.sustainable,
  });
  const broken = steps.find((step) => !step.sustainable);
  if (broken !== undefined) return broken.offered;
  return steps.length === rates.length ? settings.maxRate : 0;
}

/** Rates between the last sustainable level and the first broken one, or none. */
function refinementRates(steps: readonly CapacityStep[]): number[] {
  const firstBroken = steps.findIndex((step) => !step.sustainable);
  if (firstBroken < 0) return [];
  const low = firstBroken === 0 ? 0 : steps[firstBroken - 1]!.offered;
  const high = steps[firstBroken]!.offered;
  return spread(low, high, REFINE_LEVELS + 2).slice(1, -1);
}

async function runOverload(
  run: PhaseRunner,
  settings: SearchSettings,
  capacity: CapacityStep,
  report: (message: string) => void,
): Promise<OverloadResult[]> {
  const rates = OVERLOAD_MULTIPLES.map((multiple) => multiple * capacity.offered);
  report(`overload: ${rates.map(round).join('/s and ')}/s`);
  const levelS = Math.max(4, Math.ceil(settings.levelS / 2));
  const { steps } = await run({
    name: 'overload',
    rates,
    levelS,
    warmupS: Math.min(settings.warmupS, levelS - 1),
  });
  return steps.map((step, i) => ({
    multiple: OVERLOAD_MULTIPLES[i]!,
    offered: step.offered,
    achieved: step.achieved,
    goodput: step.goodput,
    errorRate: step.errorRate,
    p99Ms: step.p99Ms,
    goodputShare: capacity.goodput > 0 ? step.goodput / capacity.goodput : 0,
  }));
}

/**
 * A level far past the limit, not worth going beyond: a latency SLO's percentile over 4 times
 * its bound, errors over 10 times theirs (and over 5%), or under 80% of the load achieved.
 */
function brokenBadly(step: CapacityStep, slos: readonly Slo[]): boolean {
  if (step.achieved < 0.8 * step.offered) return true;
  return slos.some((slo) =>
    slo.kind === 'latency'
      ? (step.percentilesMs[slo.text] ?? 0) > 4 * slo.maxMs
      : step.errorRate > Math.max(0.05, 10 * slo.maxRate),
  );
}

/** `count` rates evenly from `from` to `to`, both included, each rounded to 0.1/s. */
function spread(from: number, to: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) =>
    Math.max(0.1, round(from + ((to - from) * i) / (count - 1))),
  );
}

function round(rate: number): number {
  return Math.round(rate * 10) / 10;
}
