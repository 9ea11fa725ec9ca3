import { LAUNCHDAY_ROOT } from '../core/environment.js';
import { createMonotoneSpline, readCurveCsv } from '../executors/index.js';
import type { DailyActiveDemand, Forecast, SignupCurveDemand } from './types.js';

const SECONDS_PER_HOUR = 3600;
const MINUTES_PER_DAY = 1440;

/**
 * The Threads launch curve, [hours since launch, cumulative sign-ups], from
 * scenarios/data/threads-launch-signups.csv with the launch itself, [0, 0], prepended (as
 * scenarios/launch-day.ts does): the default curve of a `signup-curve` forecast. Read on each
 * call; throws the LaunchdayError of `readCurveCsv` when the file is missing or malformed.
 */
export function threadsSignupCurve(): [number, number][] {
  const points = readCurveCsv(
    new URL('scenarios/data/threads-launch-signups.csv', LAUNCHDAY_ROOT),
    {
      time: 'hours_since_launch',
      cumulative: 'cumulative_signups_millions',
      multiplier: 1e6,
    },
  );
  return [[0, 0], ...points.map(([hours, signups]): [number, number] => [hours, signups])];
}

/**
 * The peak requests/s of each request name that `forecast`'s demand expects, before burst
 * (the plan applies it):
 * - `signup-curve`: the peak sign-up rate is the largest slope of the monotone (Steffen)
 *   interpolation of the cumulative curve (the Threads curve by default), scaled so that the
 *   curve ends at `total`, in sign-ups per second; each name gets it × its requests per sign-up.
 * - `daily-active`: dailyActiveUsers × sessionMinutes / 1440 users are active on average,
 *   × peakFactor at the peak; each name gets that × its requests per minute / 60.
 * Called by the capacity command with the loaded forecast.
 */
export function peakDemand(forecast: Forecast): Record<string, number> {
  const { demand } = forecast;
  const [perUnit, rates] =
    demand.kind === 'signup-curve'
      ? [peakSignupsPerSecond(demand), demand.requestsPerSignup]
      : [peakActiveUsers(demand) / 60, demand.requestsPerMinute];
  return Object.fromEntries(Object.entries(rates).map(([name, rate]) => [name, perUnit * rate]));
}

/**
 * The largest slope of the curve, sign-ups per second at `total`. The spline's slope is a
 * quadratic over each interval, so its maximum is at a knot or where the quadratic turns.
 */
function peakSignupsPerSecond(demand: SignupCurveDemand): number {
  const curve = demand.curve ?? threadsSignupCurve();
  const spline = createMonotoneSpline(
    curve.map((point) => point[0]),
    curve.map((point) => point[1]),
  );
  const turns = spline.xs.slice(0, -1).flatMap((_, i) => spline.slopeTurnIn(i) ?? []);
  const peakPerHour = Math.max(...spline.slopes, ...turns.map((x) => spline.slopeAt(x)));
  const scale = demand.total / curve.at(-1)![1];
  return (peakPerHour * scale) / SECONDS_PER_HOUR;
}

/** Users active at once in the peak hour. */
function peakActiveUsers(demand: DailyActiveDemand): number {
  return ((demand.dailyActiveUsers * demand.sessionMinutes) / MINUTES_PER_DAY) * demand.peakFactor;
}
