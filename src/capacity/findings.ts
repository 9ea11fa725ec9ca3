import { formatLiveRate, formatMs, formatPercent } from '../report/format.js';
import { stopsSearch } from './phase-end.js';
import type { CapacityPhase, CapacityStatus, OverloadResult } from './types.js';

/**
 * Below this share of the offered iterations completed, an overloaded service is taken to queue
 * the rest: a service that sheds answers every arrival at once (most with an error), so it
 * completes about as many iterations as it is offered.
 */
export const QUEUEING_SHARE = 0.5;

/**
 * How the search ended, from every phase it ran: `interrupted` when SIGINT or SIGTERM stopped a
 * phase, `incomplete` when any other phase did not finish cleanly, else `complete`.
 */
export function searchStatus(phases: readonly CapacityPhase[]): CapacityStatus {
  if (phases.some((phase) => phase.end === 'interrupted')) return 'interrupted';
  return phases.every((phase) => phase.clean) ? 'complete' : 'incomplete';
}

/**
 * Whether the phases of one search establish its maximum sustainable rate: a staircase ran, and
 * neither it nor the ramp or refinement stopped the search (a `cut-off` phase measured every
 * level it meant to, so it still counts). The overload phase comes after the answer and does
 * not change it.
 */
export function answerEstablished(phases: readonly CapacityPhase[]): boolean {
  const answer = phases.filter((phase) => phase.name !== 'overload');
  return answer.some((phase) => phase.name === 'staircase') && !answer.some(stopsSearch);
}

/** At or above this share of failed requests, an overloaded service is taken to shed some load. */
export const SHEDDING_ERRORS = 0.1;

/**
 * What the overload phase found, for the verdict; empty when it did not run, or ran cleanly and
 * the service kept up with its arrivals. A service queues when, at the highest multiple
 * measured, it completed under {@link QUEUEING_SHARE} of the iterations offered: without
 * errors it does not shed load at all, with {@link SHEDDING_ERRORS} or more it sheds only part.
 * An overload phase that did not finish cleanly adds its note (a cut-off one says the queue
 * outlasted gracefulStop).
 */
export function overloadFinding(
  overload: readonly OverloadResult[],
  phase: CapacityPhase | undefined,
): string {
  if (phase === undefined) return '';
  const worst = overload.at(-1);
  const parts: string[] = [];
  if (worst !== undefined && worst.achieved < QUEUEING_SHARE * worst.offered) {
    const behaviour =
      worst.errorRate < SHEDDING_ERRORS
        ? 'does not shed load, it queues'
        : 'sheds only part of the load and queues the rest';
    parts.push(
      `In overload the service ${behaviour}: at ${worst.multiple}x ` +
        `(${formatLiveRate(worst.offered)}/s offered) it completed ` +
        `${formatPercent(worst.achieved / worst.offered)} of the iterations offered, with p99 ` +
        `${formatMs(worst.p99Ms)} ms and ${formatPercent(worst.errorRate)} errors.`,
    );
  }
  if (!phase.clean) parts.push(phase.note);
  return parts.join(' ');
}
