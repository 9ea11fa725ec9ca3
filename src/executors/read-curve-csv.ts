import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LaunchdayError } from '../core/errors.js';
import type { CurvePoint } from './curve-replay.js';
import { type CurveCsvOptions, parseCurveCsv } from './parse-curve-csv.js';

export type { CurveCsvOptions } from './parse-curve-csv.js';

/**
 * Reads a cumulative curve from the CSV `file` (a path, or a file URL such as
 * `new URL('./data/curve.csv', import.meta.url)` from a scenario) into `[time, cumulative]`
 * points for a `curve-replay` executor (see {@link parseCurveCsv} for the format). Synchronous,
 * so a scenario can read its data at module level. Throws a LaunchdayError
 * LAUNCHDAY_ERR_SCENARIO_LOAD for an unreadable file or any problem {@link parseCurveCsv} finds.
 */
export function readCurveCsv(file: string | URL, options: CurveCsvOptions): CurvePoint[] {
  const path = file instanceof URL ? fileURLToPath(file) : file;
  return parseCurveCsv(readText(path), path, options);
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new LaunchdayError('LAUNCHDAY_ERR_SCENARIO_LOAD', `cannot read ${path} (${reason})`, {
      hint: "check the path; a scenario finds files beside it with new URL('./data/file.csv', import.meta.url)",
      issues: [{ path, message: `cannot be read (${reason})` }],
      cause: error,
    });
  }
}
