import { parseArgs } from 'node:util';
import { type Issue, LaunchdayError } from 'launchday';
import { RESULTS_DIR } from './paths.js';

/** What {@link parseBenchFlags} found: the benchmark's own flags, `--out` and `--help`. */
export interface BenchFlags<F extends string> {
  readonly values: Readonly<Record<F, string | undefined>>;
  readonly out: string | undefined;
  readonly help: boolean;
}

/**
 * Parses the flags of `npm run bench:<bench>` with node's parseArgs (strict, no positionals):
 * the string flags `own` plus `--out FILE` and `--help`. Throws a usage LaunchdayError naming
 * the bad flag.
 */
export function parseBenchFlags<F extends string>(
  bench: string,
  args: readonly string[],
  own: readonly F[],
): BenchFlags<F> {
  const options: Record<string, { type: 'string' } | { type: 'boolean'; short: string }> = {
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  };
  for (const flag of own) options[flag] = { type: 'string' };
  try {
    const { values } = parseArgs({
      args: [...args],
      options,
      strict: true,
      allowPositionals: false,
    });
    return {
      values: values as Record<F, string | undefined>,
      out: values.out as string | undefined,
      help: values.help === true,
    };
  } catch (error) {
    throw benchUsageError(bench, (error as Error).message, []);
  }
}

/**
 * The value of a whole-number flag (`fallback` when absent); pushes an issue and returns the
 * fallback when it is not a whole number of at least `min`.
 */
export function wholeNumberFlag(
  flag: string,
  text: string | undefined,
  fallback: number,
  min: number,
  issues: Issue[],
): number {
  const value = Number(text ?? fallback);
  if (Number.isInteger(value) && value >= min) return value;
  issues.push({ path: flag, message: `must be a whole number, at least ${min}` });
  return fallback;
}

/** The usage error of `npm run bench:<bench>`, pointing at its `--help`. */
export function benchUsageError(bench: string, message: string, issues: Issue[]): LaunchdayError {
  return new LaunchdayError('LAUNCHDAY_ERR_USAGE', message, {
    hint: `run \`npm run bench:${bench} -- --help\` for the flags`,
    issues,
  });
}

/** bench/results/<bench>-<UTC date and time>.json, e.g. engine-2025-01-31T12-00-00.json. */
export function defaultReportFile(bench: string, now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replaceAll(':', '-');
  return `${RESULTS_DIR}/${bench}-${stamp}.json`;
}
