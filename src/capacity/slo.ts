import { LaunchdayError } from '../core/errors.js';
import type { CapacityStep, Slo } from './types.js';

/** What {@link stepBreaks} reads of a step: the rates and the SLOs' percentiles. */
export type StepMeasurement = Pick<
  CapacityStep,
  'offered' | 'achieved' | 'errorRate' | 'percentilesMs'
>;

const LATENCY =
  /^(?:http_req_duration\s*)?p\(\s*(\d+(?:\.\d+)?)\s*\)\s*<\s*(\d+(?:\.\d+)?)\s*(us|µs|ms|s)?$/;
const ERRORS = /^(?:http_req_failed|errors)\s*<\s*(\d+(?:\.\d+)?)\s*(%)?$/;
const UNIT_MS: Readonly<Record<string, number>> = { us: 0.001, µs: 0.001, ms: 1, s: 1000 };
const FORMS =
  "p(<percentile>)<<latency> ('p(99)<250ms', 'p(95)<1s', 'p(99.9)<500' in ms) or " +
  "http_req_failed|errors<<share> ('http_req_failed<0.1%', 'http_req_failed<0.001', 'errors<1%')";

/**
 * Parses one `--slo` of `launchday capacity`: a latency bound `p(99)<250ms` (units us, ms, s; a
 * bare number is ms) or an error bound `http_req_failed<0.1%` / `errors<0.001` (a percentage, or
 * a share 0–1). Called by the CLI for each `--slo`. Throws LaunchdayError LAUNCHDAY_ERR_USAGE
 * naming the text and the allowed forms, with the issue at path `--slo`.
 */
export function parseSlo(text: string): Slo {
  const trimmed = text.trim();
  const latency = LATENCY.exec(trimmed);
  if (latency) {
    const percentile = Number(latency[1]);
    const maxMs = Number(latency[2]) * UNIT_MS[latency[3] ?? 'ms']!;
    if (!(percentile > 0 && percentile <= 100))
      throw sloError(text, 'the percentile must be in (0, 100]');
    if (!(maxMs > 0)) throw sloError(text, 'the latency bound must be greater than 0');
    return { kind: 'latency', text: trimmed, percentile, maxMs };
  }
  const errors = ERRORS.exec(trimmed);
  if (errors) {
    const maxRate = Number(errors[1]) / (errors[2] === '%' ? 100 : 1);
    if (!(maxRate > 0 && maxRate <= 1)) {
      throw sloError(
        text,
        'the error bound must be a share in (0, 1] or a percentage in (0%, 100%]',
      );
    }
    return { kind: 'errors', text: trimmed, maxRate };
  }
  throw sloError(text, `is not an SLO; write ${FORMS}`);
}

function sloError(text: string, problem: string): LaunchdayError {
  return new LaunchdayError('LAUNCHDAY_ERR_USAGE', `--slo '${text}': ${problem}`, {
    hint: `write each --slo as ${FORMS}`,
    issues: [{ path: '--slo', message: `'${text}': ${problem}` }],
  });
}

/**
 * Why `step` is not sustainable: one phrase per broken condition, empty when it is. A latency
 * SLO breaks when the step's percentile (`percentilesMs[slo.text]`) is not below its bound, or
 * was not measured; an error SLO when `errorRate` is not below its share; and the load when the
 * generator achieved less than `minAchievedShare` of the offered rate. Phrases read
 * "p(99) 312 ms > 250 ms", "errors 0.4% > 0.1%", "achieved 91% of offered". Called by the
 * capacity search for each step it measures.
 */
export function stepBreaks(
  step: StepMeasurement,
  slos: readonly Slo[],
  minAchievedShare = 0.98,
): string[] {
  const breaks = slos.flatMap((slo) => sloBreak(step, slo) ?? []);
  if (step.offered > 0 && step.achieved < minAchievedShare * step.offered) {
    breaks.push(`achieved ${formatPercent(step.achieved / step.offered)} of offered`);
  }
  return breaks;
}

function sloBreak(step: StepMeasurement, slo: Slo): string | undefined {
  if (slo.kind === 'errors') {
    if (step.errorRate < slo.maxRate) return undefined;
    const op = step.errorRate > slo.maxRate ? '>' : '≥';
    return `errors ${formatPercent(step.errorRate)} ${op} ${formatPercent(slo.maxRate)}`;
  }
  const name = `p(${slo.percentile})`;
  const value = step.percentilesMs[slo.text];
  if (value === undefined || !Number.isFinite(value)) return `${name} not measured`;
  if (value < slo.maxMs) return undefined;
  return `${name} ${formatMs(value)} ${value > slo.maxMs ? '>' : '≥'} ${formatMs(slo.maxMs)}`;
}

/** Milliseconds for a phrase: whole from 10 ms, one decimal below. */
function formatMs(ms: number): string {
  return `${ms >= 10 ? Math.round(ms) : Number(ms.toFixed(1))} ms`;
}

/** A share as a percentage with two significant digits below 10%, whole above. */
function formatPercent(share: number): string {
  const percent = share * 100;
  return `${percent >= 10 ? Math.round(percent) : Number(percent.toPrecision(2))}%`;
}
