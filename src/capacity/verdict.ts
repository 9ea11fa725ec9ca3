import { formatLiveRate as rate } from '../report/format.js';
import { overloadFinding, searchStatus } from './findings.js';
import { maxSustainable } from './sustainable.js';
import type { CapacityPhase, CapacityPlan, CapacityStep, OverloadResult, Slo } from './types.js';

/** What {@link capacityVerdict} reads. */
export interface VerdictInputs {
  readonly slos: readonly Slo[];
  /** The staircase and refinement levels measured, in any order. */
  readonly steps: readonly CapacityStep[];
  /** Whether the phases the maximum sustainable rate rests on all measured what they meant to. */
  readonly established: boolean;
  /** Every phase the search ran. */
  readonly phases: readonly CapacityPhase[];
  /** The overload runs measured, and the phase that ran them (undefined when none ran). */
  readonly overload: readonly OverloadResult[];
  readonly overloadPhase: CapacityPhase | undefined;
  readonly plan: CapacityPlan | null;
  /** Whether a forecast was given: the verdict says when it could not be sized. */
  readonly forecast: boolean;
}

/**
 * The verdict of a capacity search, in sentences a launch review can act on: first, when the
 * search stopped early or a phase did not finish cleanly, what happened; then the maximum
 * sustainable rate and what broke above it, said as provisional unless established; what the
 * overload phase found (a service that queues instead of shedding); and the plan's size. Pure.
 */
export function capacityVerdict(inputs: VerdictInputs): string {
  return [
    leadSentence(inputs),
    capacitySentence(inputs),
    overloadFinding(inputs.overload, inputs.overloadPhase),
    planSentence(inputs),
  ]
    .filter((sentence) => sentence !== '')
    .join(' ');
}

/** The notes of the phases that did not finish cleanly, but for the overload phase's. */
function leadSentence({ phases, overloadPhase }: VerdictInputs): string {
  const notes = phases
    .filter((phase) => !phase.clean && phase !== overloadPhase)
    .map((phase) => phase.note);
  if (notes.length === 0) return '';
  const status = searchStatus(phases) === 'interrupted' ? 'interrupted' : 'incomplete';
  return `Search ${status}. ${notes.join(' ')}`;
}

function capacitySentence({ steps, slos, established }: VerdictInputs): string {
  if (steps.length === 0) return 'No staircase level was measured: there is no capacity answer.';
  const within = slos.map((slo) => slo.text).join(' and ');
  const sorted = [...steps].sort((a, b) => a.offered - b.offered);
  const best = maxSustainable(sorted);
  const broken = sorted.find((step) => !step.sustainable);
  const why = broken?.broken.join(', ') ?? '';
  if (best === null) {
    const lowest = `${rate(sorted[0]!.offered)}/s`;
    return established
      ? `No load level met ${within}: the service is over its limit even at ${lowest}.`
      : `Provisional: no level measured met ${within}; the lowest, ${lowest}, already broke it (${why}).`;
  }
  const sustains = `${rate(best.offered)} iterations/s (${rate(best.throughput)} requests/s)`;
  if (!established)
    return broken === undefined
      ? `Provisional: of the levels measured, the highest that met ${within} is ${sustains}, and none broke it: the limit is at least that.`
      : `Provisional: of the levels measured, the highest that met ${within} is ${sustains}, and ${rate(broken.offered)}/s broke it (${why}): the limit lies between the two.`;
  const next =
    broken === undefined
      ? ' No level broke an SLO: the limit is above the highest level tried.'
      : ` Above it, at ${rate(broken.offered)}/s: ${why}.`;
  return `One instance sustains ${sustains} within ${within}.${next}`;
}

function planSentence({ plan, forecast, established }: VerdictInputs): string {
  if (plan === null)
    return forecast && !established
      ? 'The forecast was not sized: the capacity it needs was not established.'
      : '';
  const redundancy = plan.instances - Math.max(...plan.endpoints.map((e) => e.instances));
  return `The forecast needs ${plan.instances} instances (${plan.instances - redundancy} + spares); ${plan.saturatesFirst} saturates first.`;
}
