import { LaunchdayError } from '../../core/errors.js';
import type { ParamSpecs } from '../../scenario/index.js';

/** The shorthands `rehearse` offers for scenario parameters. */
export interface RehearsalShorthands {
  /** `--duration D`: the scenario's `duration` parameter. */
  readonly duration?: string;
  /** `--users N`: the scenario's `users` parameter (the accounts seeded in the target). */
  readonly users?: number;
}

/**
 * `params` (the `--param` texts) with the shorthands set as the scenario's `duration` and
 * `users` parameters. Throws LAUNCHDAY_ERR_USAGE when the scenario has no such parameter, or
 * when `--param` already gives it another value.
 */
export function withShorthands(
  specs: ParamSpecs | undefined,
  params: Readonly<Record<string, string>>,
  shorthands: RehearsalShorthands,
): Record<string, string> {
  const merged = { ...params };
  for (const [key, value] of Object.entries(shorthands)) {
    if (value === undefined) continue;
    const text = String(value);
    if (specs?.[key] === undefined) {
      if (key === 'users') continue;
      throw shorthandError(`--${key}`, `the scenario has no ${key} parameter`, specs);
    }
    if (merged[key] !== undefined && merged[key] !== text)
      throw shorthandError(
        `--${key}`,
        `--${key} ${text} and --param ${key}=${merged[key]} disagree; give one of them`,
        specs,
      );
    merged[key] = text;
  }
  return merged;
}

function shorthandError(flag: string, message: string, specs: ParamSpecs | undefined) {
  const names = Object.keys(specs ?? {});
  return new LaunchdayError('LAUNCHDAY_ERR_USAGE', `${flag}: ${message}`, {
    hint: names.length
      ? `set the scenario's own parameters with --param key=value: ${names.join(', ')}`
      : 'this scenario takes no parameters',
    issues: [{ path: flag, message }],
  });
}
