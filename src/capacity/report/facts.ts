/**
 * The capacity report's answers as labelled sentences (plain text, not yet escaped), shared by
 * the Markdown renderer (a list) and the HTML renderer (a definition list): the demand model,
 * the plan, and the measured capacity with the USL fit.
 */
import { formatMs, formatPercent } from '../../report/format.js';
import type { CapacityPlan, CapacityReport, Forecast, UslFit } from '../types.js';
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

/** The measured answers: maximum sustainable rate, breakpoint, knee, then the USL fit. */
export function capacityFacts(report: CapacityReport): Fact[] {
  const { knee } = report;
  return [
    {
      label: 'maximum sustainable rate',
      text:
        `${formatRateOf(report.maxSustainableRate, 'iterations')}, ` +
        `${formatRateOf(report.maxSustainableThroughput, 'requests')}`,
    },
    { label: 'quick-ramp breakpoint', text: formatRateOf(report.breakpoint, 'iterations') },
    {
      label: 'knee',
      text:
        knee === null
          ? 'none found: latency did not climb sharply over the steps'
          : `at ${formatRateOf(knee.offered, 'iterations')} offered: ` +
            `${formatRateOf(knee.throughput, 'requests')}, p99 ${formatMs(knee.p99Ms)} ms`,
    },
    ...uslFacts(report.usl, 'concurrency'),
  ];
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
