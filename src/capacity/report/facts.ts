/**
 * The capacity report's answers as labelled sentences (plain text, not yet escaped), shared by
 * the Markdown renderer (a list) and the HTML renderer (a definition list): the demand model,
 * the plan, and the measured capacity with the USL fit; and the notice of an unfinished search.
 */
import { formatMs, formatPercent } from '../../report/format.js';
import type { CapacityPlan, CapacityReport, Forecast, Knee, UslFit } from '../types.js';
import {
  formatCount,
  formatEstimate,
  formatFigure,
  formatPerName,
  formatRateOf,
} from './format.js';

/** One answer: what it is and its value as a sentence fragment. */
export interface Fact {
  readonly label: string;
  readonly text: string;
}

/** The demand model and the sizing intent of `forecast`. */
export function demandFacts(forecast: Forecast): Fact[] {
  const { demand, intent } = forecast;
  const sizing = {
    label: 'sizing',
    text:
      `each instance at ${formatPercent(intent.utilisation)} utilisation, ` +
      `N + ${intent.redundancy} spare, burst ×${formatFigure(intent.burst)} over the modelled peak`,
  };
  if (demand.kind === 'daily-active')
    return [
      {
        label: 'demand model',
        text:
          `${formatCount(demand.dailyActiveUsers)} daily active users, ` +
          `${formatFigure(demand.sessionMinutes)} active minutes a day each, ` +
          `peak hour ×${formatFigure(demand.peakFactor)} the day's average`,
      },
      { label: 'requests per active minute', text: formatPerName(demand.requestsPerMinute) },
      sizing,
    ];
  const curve =
    demand.curve === undefined
      ? 'the Threads launch curve'
      : `a curve of ${demand.curve.length} points`;
  return [
    {
      label: 'demand model',
      text: `sign-ups following ${curve}, scaled to ${formatCount(demand.total)} sign-ups`,
    },
    { label: 'requests per sign-up', text: formatPerName(demand.requestsPerSignup) },
    sizing,
  ];
}

/** The plan's totals: instances (as N + k when the redundancy is known), headroom, bottleneck. */
export function planFacts(plan: CapacityPlan, forecast: Forecast | null): Fact[] {
  const k = forecast?.intent.redundancy;
  const split = k === undefined ? '' : ` (N = ${plan.instances - k} + k = ${k} spare)`;
  return [
    { label: 'instances to run', text: `${plan.instances}${split}` },
    { label: 'headroom at peak', text: formatPercent(plan.headroom) },
    { label: 'saturates first', text: plan.saturatesFirst },
  ];
}

/** What a report's status notice says: a title and the note of each phase not clean. */
export interface StatusNotice {
  readonly title: string;
  readonly notes: readonly string[];
}

/**
 * The notice that heads a report whose search did not finish cleanly, shared by capacity.md
 * and capacity.html; null for a complete search.
 */
export function statusNotice(report: CapacityReport): StatusNotice | null {
  if (report.status === 'complete') return null;
  const title =
    report.status === 'interrupted'
      ? 'Search interrupted (SIGINT or SIGTERM): the report holds what was measured until then.'
      : 'Search incomplete: a phase did not finish cleanly.';
  const provisional = report.maxSustainableEstablished
    ? ''
    : ' The answers are provisional: they rest on the levels measured before the search stopped.';
  const notes = report.phases.filter((phase) => !phase.clean).map((phase) => phase.note);
  return { title: `${title}${provisional}`, notes };
}

/** The measured answers: maximum sustainable rate, breakpoint, knee, then the USL fit. */
export function capacityFacts(report: CapacityReport): Fact[] {
  const established = report.maxSustainableEstablished;
  return [
    {
      label: 'maximum sustainable rate',
      text:
        `${formatRateOf(report.maxSustainableRate, 'iterations')}, ` +
        `${formatRateOf(report.maxSustainableThroughput, 'requests')}` +
        (established ? '' : ' (provisional: the search stopped before establishing it)'),
    },
    {
      label: 'quick-ramp breakpoint',
      text:
        report.breakpoint > 0
          ? formatRateOf(report.breakpoint, 'iterations')
          : 'not found: the ramp stopped before a level broke',
    },
    { label: 'knee', text: kneeText(report.knee, established) },
    ...uslFacts(report.usl, 'concurrency'),
  ];
}

function kneeText(knee: Knee | null, established: boolean): string {
  if (knee !== null)
    return (
      `at ${formatRateOf(knee.offered, 'iterations')} offered: ` +
      `${formatRateOf(knee.throughput, 'requests')}, p99 ${formatMs(knee.p99Ms)} ms`
    );
  return established
    ? 'none found: latency did not climb sharply over the steps'
    : 'not established: the search stopped before its staircase finished';
}

/** The scaling fit across target workers, when the search ran at several worker counts. */
export function scalingFacts(report: CapacityReport): Fact[] {
  return report.scaling.length === 0 ? [] : uslFacts(report.scalingUsl, 'workers');
}

/** The facts of a USL fit whose N is `n` (concurrency, or target workers). */
function uslFacts(usl: UslFit | null, n: 'concurrency' | 'workers'): Fact[] {
  if (usl === null)
    return [
      { label: 'USL fit', text: 'not computed: no steps to fit the Universal Scalability Law to' },
    ];
  const err = usl.stdErr;
  const fit = `R² ${formatFigure(usl.rSquared)}${err === null ? ', standard errors not estimable' : ''}`;
  const status = usl.supported
    ? `supported (${fit})`
    : `not supported by the measurements (${fit}): ${usl.warnings.join(' ')}`;
  return [
    { label: 'USL fit', text: status },
    { label: 'σ (contention)', text: formatEstimate(usl.sigma, err?.sigma) },
    { label: 'κ (coherency)', text: formatEstimate(usl.kappa, err?.kappa) },
    {
      label: `λ (requests/s at ${n} 1)`,
      text: formatEstimate(usl.lambda, err?.lambda),
    },
    {
      label: 'USL peak',
      text:
        usl.peak === null
          ? 'none: κ is 0, so the model never turns down'
          : `${formatRateOf(usl.peak.throughput, 'requests')} at ${n} ${formatFigure(usl.peak.concurrency)}`,
    },
  ];
}
