import { type LeastSquaresSolution, levenbergMarquardt } from './levenberg-marquardt.js';
import { normalEquations, solveSymmetric } from './matrix.js';
import type { UslFit } from './types.js';

/**
 * The parameters of the Universal Scalability Law: λ the throughput of one unit of
 * concurrency (requests/s), σ contention (serial share), κ coherency (crosstalk) cost.
 */
export interface UslParams {
  readonly lambda: number;
  readonly sigma: number;
  readonly kappa: number;
}

/** One measured load level for the fit: requests in the system and requests/s completed. */
export interface UslPoint {
  /** Mean requests in flight (Little's law: throughput × mean latency), > 0. */
  readonly concurrency: number;
  /** Requests completed per second, ≥ 0. */
  readonly throughput: number;
}

const MIN_POINTS = 4;
const MIN_RANGE = 3;
const MIN_R_SQUARED = 0.9;
const NAMES = { lambda: 'λ', sigma: 'σ', kappa: 'κ' } as const;

/** X(N) = λN / (1 + σ(N − 1) + κN(N − 1)): requests/s at concurrency `n`. */
export function uslThroughput({ lambda, sigma, kappa }: UslParams, n: number): number {
  return (lambda * n) / (1 + sigma * (n - 1) + kappa * n * (n - 1));
}

/**
 * The concurrency of peak throughput N* = √((1 − σ)/κ) and X(N*); N* is at least 1 (with
 * σ ≥ 1 throughput falls from the first unit on). Null when κ is 0: throughput then rises
 * towards λ/σ without a peak.
 */
export function uslPeak(params: UslParams): { concurrency: number; throughput: number } | null {
  if (!(params.kappa > 0)) return null;
  const concurrency = Math.max(1, Math.sqrt(Math.max(0, 1 - params.sigma) / params.kappa));
  return { concurrency, throughput: uslThroughput(params, concurrency) };
}

/**
 * Fits the USL to measured `points` by nonlinear least squares on throughput
 * (Levenberg–Marquardt, σ and κ kept ≥ 0), started from the linear regression of N/X on
 * 1, N − 1 and N(N − 1). Standard errors come from (JᵀJ)⁻¹·s², s² = SSR/(n − 3), and are null
 * with 3 points or fewer or a singular JᵀJ. The fit is `supported` only with at least 4 points,
 * a concurrency range max/min of at least 3, R² ≥ 0.9 and every standard error within its
 * estimate; otherwise each failing condition is a warning. Points that cannot be fitted
 * (concurrency not above 0, throughput below 0, not finite: a step where nothing completed)
 * are left out with a warning; with none left the fit is all zeros and not supported. Called
 * by the capacity report on the steps' (concurrency, throughput). Never throws.
 */
export function fitUsl(points: readonly UslPoint[]): UslFit {
  const usable = points.filter(isUsable);
  const left = points.length - usable.length;
  const warnings =
    left > 0
      ? [`${left} of ${points.length} points were left out: no concurrency or throughput measured.`]
      : [];
  if (usable.length === 0) {
    const none = { lambda: 0, sigma: 0, kappa: 0, stdErr: null, rSquared: 0, peak: null };
    return { ...none, supported: false, warnings: [...warnings, 'no point to fit.'] };
  }
  const solution = levenbergMarquardt(
    { evaluate: (params) => residualsAt(usable, params), lower: [0, 0, 0] },
    startValues(usable),
  );
  const [lambda, sigma, kappa] = solution.params as [number, number, number];
  const params = { lambda, sigma, kappa };
  const stdErr = standardErrors(solution, usable.length);
  const rSquared = coefficientOfDetermination(usable, solution.sumSquares);
  warnings.push(...fitWarnings(usable, params, stdErr, rSquared, solution.inverseNormal !== null));
  if (!solution.converged) warnings.push('the least-squares fit did not converge in 500 steps.');
  return {
    ...params,
    stdErr,
    rSquared,
    peak: uslPeak(params),
    supported: warnings.length === 0,
    warnings,
  };
}

function isUsable({ concurrency, throughput }: UslPoint): boolean {
  return (
    Number.isFinite(concurrency) &&
    concurrency > 0 &&
    Number.isFinite(throughput) &&
    throughput >= 0
  );
}

function standardErrors(solution: LeastSquaresSolution, count: number): UslParams | null {
  const inverse = solution.inverseNormal;
  const freedom = count - 3;
  if (inverse === null || freedom <= 0) return null;
  const variance = solution.sumSquares / freedom;
  const [lambda, sigma, kappa] = [0, 1, 2].map((i) => Math.sqrt(inverse[i]![i]! * variance));
  return { lambda: lambda!, sigma: sigma!, kappa: kappa! };
}

function residualsAt(
  points: readonly UslPoint[],
  [lambda = 0, sigma = 0, kappa = 0]: readonly number[],
) {
  const residuals: number[] = [];
  const jacobian: number[][] = [];
  for (const { concurrency: n, throughput } of points) {
    const d = 1 + sigma * (n - 1) + kappa * n * (n - 1);
    residuals.push(throughput - (lambda * n) / d);
    const shrink = (lambda * n) / (d * d);
    jacobian.push([n / d, -shrink * (n - 1), -shrink * n * (n - 1)]);
  }
  return { residuals, jacobian };
}

/**
 * N/X = (1 + σ(N − 1) + κN(N − 1))/λ is linear in 1/λ, σ/λ and κ/λ: its least-squares
 * solution is exact on exact data and close on noisy data. Without a usable one, λ is the best
 * X/N seen and σ = κ = 0.
 */
function startValues(points: readonly UslPoint[]): number[] {
  const usable = points.filter((point) => point.throughput > 0);
  const rows = usable.map(({ concurrency: n }) => [1, n - 1, n * (n - 1)]);
  const ys = usable.map((point) => point.concurrency / point.throughput);
  const { jtj, jtr } = normalEquations(rows, ys);
  const solution = usable.length >= 3 ? solveSymmetric(jtj, jtr) : null;
  if (solution && solution[0]! > 0) {
    const [a, b, c] = solution as [number, number, number];
    return [1 / a, Math.max(0, b / a), Math.max(0, c / a)];
  }
  return [Math.max(...points.map((point) => point.throughput / point.concurrency)), 0, 0];
}

function coefficientOfDetermination(points: readonly UslPoint[], sumSquares: number): number {
  const mean = points.reduce((sum, point) => sum + point.throughput, 0) / points.length;
  const total = points.reduce((sum, point) => sum + (point.throughput - mean) ** 2, 0);
  if (total === 0) return sumSquares === 0 ? 1 : 0;
  return Math.max(0, 1 - sumSquares / total);
}

function fitWarnings(
  points: readonly UslPoint[],
  params: UslParams,
  stdErr: UslParams | null,
  rSquared: number,
  identifiable: boolean,
): string[] {
  const warnings: string[] = [];
  if (points.length < MIN_POINTS) {
    warnings.push(
      `only ${points.length} points: the fit has 3 parameters and needs at least ${MIN_POINTS}.`,
    );
  } else if (!identifiable) {
    warnings.push('the points do not determine the 3 parameters (JᵀJ is singular).');
  }
  const levels = points.map((point) => point.concurrency);
  const [low, high] = [Math.min(...levels), Math.max(...levels)];
  if (high / low < MIN_RANGE) {
    warnings.push(
      `concurrency spans only ${round(high / low)}× (${round(low)} to ${round(high)}): the fit needs at least ${MIN_RANGE}×.`,
    );
  }
  if (rSquared < MIN_R_SQUARED) {
    warnings.push(
      `R² is ${round(rSquared)}, below ${MIN_R_SQUARED}: the model fits the points poorly.`,
    );
  }
  for (const key of ['lambda', 'sigma', 'kappa'] as const) {
    if (stdErr && stdErr[key] > params[key]) {
      warnings.push(
        `the standard error of ${NAMES[key]} (${round(stdErr[key])}) exceeds its estimate (${round(params[key])}): these points do not determine ${NAMES[key]}.`,
      );
    }
  }
  return warnings;
}

/** Three significant digits, for warnings. */
function round(value: number): number {
  return Number(value.toPrecision(3));
}
