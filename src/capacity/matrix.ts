/** A small dense square matrix, rows of numbers. */
export type Matrix = readonly (readonly number[])[];

/**
 * The inverse of the symmetric matrix `a` with a positive diagonal (normal equations JᵀJ), or
 * null when it is singular. `a` is first scaled to a unit diagonal, so parameters of very
 * different sizes (λ ≈ 1000 and κ ≈ 0.0002 in the USL) do not pass for a singular matrix.
 * For the 3×3 systems of the USL fit; not meant for large systems.
 */
export function invertSymmetric(a: Matrix): number[][] | null {
  const d = a.map((row, i) => Math.sqrt(row[i]!));
  if (!d.every((value) => value > 0 && Number.isFinite(value))) return null;
  const scaled = a.map((row, i) => row.map((value, k) => value / (d[i]! * d[k]!)));
  const inverse = invert(scaled);
  if (inverse === null) return null;
  return inverse.map((row, i) => row.map((value, k) => value / (d[i]! * d[k]!)));
}

/**
 * The solution x of `a`·x = `b` for `a` as {@link invertSymmetric} takes it, or null when `a`
 * is singular.
 */
export function solveSymmetric(a: Matrix, b: readonly number[]): number[] | null {
  const inverse = invertSymmetric(a);
  return inverse && multiply(inverse, b);
}

/** Gauss–Jordan elimination with partial pivoting; null on a pivot below 1e-12 of the largest. */
function invert(a: Matrix): number[][] | null {
  const n = a.length;
  const rows = a.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => +(i === j))]);
  const scale = Math.max(...a.flat().map(Math.abs));
  if (!(scale > 0)) return null;
  for (let col = 0; col < n; col++) {
    const pivot = pivotRow(rows, col);
    if (Math.abs(rows[pivot]![col]!) <= 1e-12 * scale) return null;
    [rows[col], rows[pivot]] = [rows[pivot]!, rows[col]!];
    const lead = rows[col]!;
    const divisor = lead[col]!;
    for (let k = 0; k < 2 * n; k++) lead[k]! /= divisor;
    for (let r = 0; r < n; r++) {
      const factor = rows[r]![col]!;
      if (r === col || factor === 0) continue;
      for (let k = 0; k < 2 * n; k++) rows[r]![k]! -= factor * lead[k]!;
    }
  }
  return rows.map((row) => row.slice(n));
}

/** The product `a`·`v` of a matrix and a vector. */
export function multiply(a: Matrix, v: readonly number[]): number[] {
  return a.map((row) => row.reduce((sum, value, k) => sum + value * v[k]!, 0));
}

/** JᵀJ and Jᵀr for the rows of a Jacobian `j` (one row per point) and residuals `r`. */
export function normalEquations(
  j: Matrix,
  r: readonly number[],
): { jtj: number[][]; jtr: number[] } {
  const p = j[0]?.length ?? 0;
  const jtj = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const jtr = new Array<number>(p).fill(0);
  j.forEach((row, i) => {
    for (let a = 0; a < p; a++) {
      jtr[a]! += row[a]! * r[i]!;
      for (let b = 0; b < p; b++) jtj[a]![b]! += row[a]! * row[b]!;
    }
  });
  return { jtj, jtr };
}

function pivotRow(rows: readonly (readonly number[])[], col: number): number {
  let best = col;
  for (let r = col + 1; r < rows.length; r++) {
    if (Math.abs(rows[r]![col]!) > Math.abs(rows[best]![col]!)) best = r;
  }
  return best;
}
