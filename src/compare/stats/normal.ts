/** The standard normal distribution, as the statistics of `compare` need it. */

/** Coefficients of the erfc approximation of Numerical Recipes (erfcc), lowest power first. */
const ERFC = [
  -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587,
  -0.82215223, 0.17087277,
];

/**
 * P(Z > z) for a standard normal Z, from the complementary error function (the Chebyshev
 * fit of Numerical Recipes' erfcc, relative error below 1.2e-7 everywhere).
 */
export function normalSurvival(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

function erfc(x: number): number {
  const t = 1 / (1 + 0.5 * Math.abs(x));
  let polynomial = 0;
  for (let i = ERFC.length - 1; i >= 0; i--) polynomial = polynomial * t + ERFC[i]!;
  const y = t * Math.exp(-x * x + polynomial);
  return x >= 0 ? y : 2 - y;
}
