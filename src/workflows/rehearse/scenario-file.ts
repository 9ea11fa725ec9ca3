import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAUNCHDAY_ROOT } from '../../core/environment.js';
import { LaunchdayError } from '../../core/errors.js';

/** The launch-day scenarios that come with launchday (scenarios/ at the package root). */
export const BUILT_IN_SCENARIOS_DIR = fileURLToPath(new URL('scenarios/', LAUNCHDAY_ROOT));

/** The scenario `launchday rehearse` runs when none is named. */
export const DEFAULT_REHEARSAL = 'launch-day';

/**
 * The file of the scenario `nameOrFile`: a built-in scenario's name (`launch-day`, `smoke`, ...)
 * or a path to a scenario file. Throws LAUNCHDAY_ERR_USAGE listing the built-in names when it
 * is neither.
 */
export function resolveScenarioFile(nameOrFile: string): string {
  const builtIn = join(BUILT_IN_SCENARIOS_DIR, `${nameOrFile}.ts`);
  if (/^[a-z0-9-]+$/.test(nameOrFile) && existsSync(builtIn)) return builtIn;
  if (existsSync(nameOrFile)) return resolve(nameOrFile);
  throw new LaunchdayError(
    'LAUNCHDAY_ERR_USAGE',
    `no scenario called ${JSON.stringify(nameOrFile)}: it is neither a built-in scenario nor a file`,
    { hint: `name one of ${builtInScenarios().join(', ')}, or give the path of a scenario file` },
  );
}

/** The names of the built-in scenarios, sorted. */
export function builtInScenarios(): string[] {
  return readdirSync(BUILT_IN_SCENARIOS_DIR)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.slice(0, -'.ts'.length))
    .sort();
}
