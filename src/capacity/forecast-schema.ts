import { z } from 'zod';
import { type Issue, joinPath, LaunchdayError } from '../core/errors.js';
import type { Forecast } from './types.js';

const FORECAST_HINT =
  "write a forecast as { demand: { kind: 'signup-curve', total, requestsPerSignup: { signup: 1 } } " +
  "or { kind: 'daily-active', dailyActiveUsers, sessionMinutes, peakFactor, requestsPerMinute }, " +
  'intent: { utilisation, redundancy, burst } }, in a .json file or as the default export of a .ts/.js module';

/** Words for a value of the wrong type; a missing one "is required". */
const typeError = (what: string) => ({
  error: (issue: { input?: unknown }) =>
    issue.input === undefined ? 'is required' : `must be ${what}`,
});
const number = () => z.number(typeError('a number'));
const positive = number().positive({ error: 'must be greater than 0' });
const atLeastOne = number().min(1, { error: 'must be at least 1' });
const requestRates = z
  .record(
    z.string().min(1, { error: 'a request name must not be empty' }),
    number().min(0, { error: 'must be 0 or more' }),
    typeError('an object mapping request names to rates, e.g. { signup: 1, feed: 2 }'),
  )
  .refine((rates) => Object.values(rates).some((rate) => rate > 0), {
    error: 'must give at least one request name a rate above 0',
  });
const curvePoint = z
  .tuple([z.number().min(0), z.number().min(0)], {
    error: 'must be a [hours since launch, cumulative sign-ups] pair, both 0 or more',
  })
  .readonly();

const signupCurveSchema = z.strictObject(
  {
    kind: z.literal('signup-curve'),
    curve: z
      .array(curvePoint, { error: 'must be a list of [hours, cumulative sign-ups] pairs' })
      .min(2, { error: 'needs at least 2 points' })
      .readonly()
      .superRefine(checkCurve)
      .optional(),
    total: positive,
    requestsPerSignup: requestRates,
  },
  typeError('an object'),
);

const dailyActiveSchema = z.strictObject(
  {
    kind: z.literal('daily-active'),
    dailyActiveUsers: positive,
    sessionMinutes: positive.max(1440, { error: 'must be at most 1440 (a day)' }),
    peakFactor: atLeastOne,
    requestsPerMinute: requestRates,
  },
  typeError('an object'),
);

/**
 * The schema of a {@link Forecast}: strict (unknown keys are errors), every number checked
 * (utilisation in (0, 1], redundancy a whole number ≥ 0, burst and peakFactor ≥ 1, a curve
 * with times strictly increasing and cumulatives never falling). Used by `loadForecast`;
 * exported for the JSON schema and for callers validating a forecast built in code.
 */
export const forecastSchema = z.strictObject(
  {
    demand: z.discriminatedUnion('kind', [signupCurveSchema, dailyActiveSchema], {
      error: (issue) => {
        if (issue.input === undefined) return 'is required';
        return issue.code === 'invalid_union'
          ? "must have kind 'signup-curve' or 'daily-active'"
          : 'must be an object with a kind';
      },
    }),
    intent: z.strictObject(
      {
        utilisation: positive.max(1, { error: 'must be at most 1 (a share, e.g. 0.7)' }),
        redundancy: number()
          .int({ error: 'must be a whole number' })
          .min(0, { error: 'must be 0 or more' }),
        burst: atLeastOne,
      },
      typeError('an object { utilisation, redundancy, burst }'),
    ),
  },
  typeError('an object { demand, intent }'),
) satisfies z.ZodType<Forecast>;

function checkCurve(points: readonly (readonly [number, number])[], ctx: z.RefinementCtx): void {
  for (let i = 1; i < points.length; i++) {
    const [[before, cumulativeBefore], [time, cumulative]] = [points[i - 1]!, points[i]!];
    if (!(time > before)) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 0],
        message: `must be after ${before}: hours strictly increase`,
      });
    }
    if (cumulative < cumulativeBefore) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 1],
        message: `must not be below ${cumulativeBefore}: a cumulative curve never falls`,
      });
    }
  }
  if (!(points.at(-1)![1] > points[0]![1])) {
    ctx.addIssue({
      code: 'custom',
      message: 'must rise: its last cumulative must be above its first',
    });
  }
}

/**
 * Validates `value` as a {@link Forecast} from `source` (a file, for messages). Throws
 * LaunchdayError LAUNCHDAY_ERR_INVALID_CONFIG naming `source`, with every problem as an issue
 * at its path (`demand.total`, `intent.burst`, an unknown key at its own path).
 */
export function parseForecast(value: unknown, source: string): Forecast {
  const parsed = forecastSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.flatMap((issue): Issue[] => {
    const path = joinPath('', issue.path);
    if (issue.code !== 'unrecognized_keys')
      return [{ path: path || '(forecast)', message: issue.message }];
    return issue.keys.map((key) => ({
      path: joinPath(path, [key]),
      message: 'is not a known key',
    }));
  });
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  throw new LaunchdayError(
    'LAUNCHDAY_ERR_INVALID_CONFIG',
    `forecast ${source} is invalid (${count})`,
    {
      hint: FORECAST_HINT,
      issues,
    },
  );
}
