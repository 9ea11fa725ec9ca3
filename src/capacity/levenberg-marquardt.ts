import { invertSymmetric, type Matrix, normalEquations, solveSymmetric } from './matrix.js';

/** A nonlinear least-squares problem: the model's residuals and Jacobian at some parameters. */
export interface LeastSquaresProblem {
  /**
   * At `params`: each point's residual (observed − model) and the row of the model's partial
   * derivatives with respect to each parameter.
   */
  evaluate(params: readonly number[]): { residuals: number[]; jacobian: number[][] };
  /** The smallest value each parameter may take (a step past it stops at it). */
  readonly lower: readonly number[];
}

/** Where {@link levenbergMarquardt} ended. */
export interface LeastSquaresSolution {
  readonly params: readonly number[];
  /** Σ residual² at `params`. */
  readonly sumSquares: number;
  /** (JᵀJ)⁻¹ at `params`, to be multiplied by the residual variance; null when singular. */
  readonly inverseNormal: Matrix | null;
  readonly converged: boolean;
}

const MAX_ITERATIONS = 500;
const RELATIVE_TOLERANCE = 1e-14;
const MAX_DAMPING = 1e16;

/**
 * Minimises Σ residual² from `start` by Levenberg–Marquardt with Marquardt's scaling (the
 * damping is μ·diag(JᵀJ), so each parameter is damped in its own units), parameters held at or
 * above `problem.lower` by projecting each step onto the bounds. Stops when a step improves
 * the sum by less than 1e-14 of it, when no damping finds a better point, or after 500 steps.
 * Used by the USL fit.
 */
export function levenbergMarquardt(
  problem: LeastSquaresProblem,
  start: readonly number[],
): LeastSquaresSolution {
  let params = project(start, problem.lower);
  let current = problem.evaluate(params);
  let sumSquares = sumOfSquares(current.residuals);
  let damping = 1e-3;
  let converged = false;
  for (let iteration = 0; iteration < MAX_ITERATIONS && !converged; iteration++) {
    if (sumSquares === 0) converged = true;
    const { jtj, jtr } = normalEquations(current.jacobian, current.residuals);
    while (!converged && damping < MAX_DAMPING) {
      const candidate = dampedStep(params, jtj, jtr, damping, problem.lower);
      const next = candidate && problem.evaluate(candidate);
      const nextSquares = next ? sumOfSquares(next.residuals) : Number.POSITIVE_INFINITY;
      if (candidate && next && nextSquares < sumSquares) {
        converged = sumSquares - nextSquares <= RELATIVE_TOLERANCE * sumSquares;
        [params, current, sumSquares] = [candidate, next, nextSquares];
        damping = Math.max(damping / 10, 1e-12);
        break;
      }
      damping *= 10;
    }
    if (damping >= MAX_DAMPING) converged = true;
  }
  const { jtj } = normalEquations(current.jacobian, current.residuals);
  return { params, sumSquares, inverseNormal: invertSymmetric(jtj), converged };
}

function dampedStep(
  params: readonly number[],
  jtj: Matrix,
  jtr: readonly number[],
  damping: number,
  lower: readonly number[],
): number[] | null {
  const largest = Math.max(...jtj.map((row, i) => row[i]!));
  // A parameter the residuals do not depend on still gets a damping term, so the system solves.
  const damped = jtj.map((row, i) =>
    row.map((value, k) => (i === k ? value + damping * Math.max(value, 1e-12 * largest) : value)),
  );
  const step = solveSymmetric(damped, jtr);
  if (!step?.every(Number.isFinite)) return null;
  return project(
    params.map((value, i) => value + step[i]!),
    lower,
  );
}

function project(params: readonly number[], lower: readonly number[]): number[] {
  return params.map((value, i) => Math.max(value, lower[i] ?? Number.NEGATIVE_INFINITY));
}

function sumOfSquares(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value * value, 0);
}
