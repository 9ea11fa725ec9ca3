/**
 * The Mann-Whitney U test (Wilcoxon rank-sum) of two independent samples, two-sided: what
 * `compare` ranks the runs' values with when both sides have repeats, as benchstat does. Exact
 * p-values for small samples without ties, the normal approximation with tie and continuity
 * corrections otherwise.
 */
import { normalSurvival } from './normal.js';

/** The outcome of {@link mannWhitney}. */
export interface MannWhitneyResult {
  /** U of the first sample: pairs where it is larger, plus half the ties. */
  readonly u: number;
  /** The two-sided p-value of "both samples come from one distribution". */
  readonly pValue: number;
  /** Whether the p-value is exact (the permutation distribution) or the normal approximation. */
  readonly exact: boolean;
}

/** Both sample sizes at most this, without ties: the exact distribution of U is enumerated. */
const EXACT_LIMIT = 50;

/** Mann-Whitney U of `a` against `b`; both must be non-empty. */
export function mannWhitney(a: readonly number[], b: readonly number[]): MannWhitneyResult {
  if (a.length === 0 || b.length === 0)
    throw new RangeError('mannWhitney needs two non-empty samples');
  const { rankSumA, tieTerm } = rankSums(a, b);
  const n1 = a.length;
  const n2 = b.length;
  const u = rankSumA - (n1 * (n1 + 1)) / 2;
  if (tieTerm === 0 && n1 <= EXACT_LIMIT && n2 <= EXACT_LIMIT)
    return { u, pValue: exactPValue(u, n1, n2), exact: true };
  return { u, pValue: normalPValue(u, n1, n2, tieTerm), exact: false };
}

/**
 * The smallest two-sided p-value samples of these sizes can reach: 2 / C(n1 + n2, n1). With 3
 * runs a side it is 0.1, so no difference can be significant at 0.05; `compare` then pools
 * the runs' seconds instead.
 */
export function smallestPValue(n1: number, n2: number): number {
  return Math.min(1, 2 / binomial(n1 + n2, n1));
}

/** The sum of the ranks of `a` in `a` ∪ `b` (mid-ranks for ties), and Σ(t³ − t) over tie groups. */
function rankSums(a: readonly number[], b: readonly number[]) {
  const all = [
    ...a.map((value) => ({ value, inA: true })),
    ...b.map((value) => ({ value, inA: false })),
  ];
  all.sort((x, y) => x.value - y.value);
  let rankSumA = 0;
  let tieTerm = 0;
  for (let start = 0; start < all.length; ) {
    let end = start + 1;
    while (end < all.length && all[end]!.value === all[start]!.value) end++;
    const midRank = (start + end + 1) / 2;
    for (let i = start; i < end; i++) if (all[i]!.inA) rankSumA += midRank;
    const t = end - start;
    tieTerm += t * t * t - t;
    start = end;
  }
  return { rankSumA, tieTerm };
}

/** Two-sided exact p-value: twice the smaller tail of U's permutation distribution, at most 1. */
function exactPValue(u: number, n1: number, n2: number): number {
  const counts = uDistribution(n1, n2);
  const total = counts.reduce((sum, count) => sum + count, 0);
  const low = Math.floor(u);
  let below = 0;
  for (let k = 0; k <= low; k++) below += counts[k]!;
  let above = 0;
  for (let k = Math.ceil(u); k < counts.length; k++) above += counts[k]!;
  return Math.min(1, (2 * Math.min(below, above)) / total);
}

/**
 * How many of the C(n1 + n2, n1) arrangements give each U = 0 … n1·n2, by the recurrence
 * f(n1, n2, u) = f(n1 − 1, n2, u − n2) + f(n1, n2 − 1, u), one row of n2 at a time.
 */
function uDistribution(n1: number, n2: number): number[] {
  // table[j][u]: arrangements of i elements of a and j of b with U = u, for the current i.
  let table = Array.from({ length: n2 + 1 }, () => [1]);
  for (let i = 1; i <= n1; i++) {
    const next: number[][] = [[1]];
    for (let j = 1; j <= n2; j++) {
      const size = i * j + 1;
      const row = new Array<number>(size).fill(0);
      const left = next[j - 1]!;
      const up = table[j]!;
      for (let k = 0; k < size; k++) row[k] = (left[k] ?? 0) + (k >= j ? (up[k - j] ?? 0) : 0);
      next.push(row);
    }
    table = next;
  }
  return table[n2]!;
}

/** Two-sided p-value from the normal approximation, with the tie and continuity corrections. */
function normalPValue(u: number, n1: number, n2: number, tieTerm: number): number {
  const n = n1 + n2;
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (variance <= 0) return 1;
  const z = Math.max(0, Math.abs(u - mean) - 0.5) / Math.sqrt(variance);
  return Math.min(1, 2 * normalSurvival(z));
}

function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return result;
}
