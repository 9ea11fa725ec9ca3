import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isLaunchdayError, LaunchdayError } from '../core/errors.js';
import { bundleScenario } from './bundle-scenario.js';
import type { LoadedScenario } from './types.js';
import { validateScenarioDefinition } from './validate-definition.js';

/**
 * Loads a scenario file (`.ts`, `.js` or `.mjs`; relative paths resolve against the current
 * directory): bundles it (see `bundleScenario`), imports the bundle and validates its default
 * export. Enables Node's source maps for the process, so stack traces from the scenario point
 * into its own source files. Called by the CLI and the API in the main thread; worker threads
 * import `bundleFile` themselves.
 * Throws LaunchdayError `LAUNCHDAY_ERR_SCENARIO_LOAD` (file missing, bundling failed, the
 * module threw while loading, no default export) or `LAUNCHDAY_ERR_INVALID_SCENARIO`.
 */
export async function loadScenario(file: string): Promise<LoadedScenario> {
  const absolute = resolve(file);
  await assertFile(absolute, file);
  const bundleFile = await bundleScenario(absolute);
  process.setSourceMapsEnabled(true);
  const module = await importBundle(bundleFile, absolute);
  if (!('default' in module)) {
    throw new LaunchdayError('LAUNCHDAY_ERR_SCENARIO_LOAD', `${absolute} has no default export`, {
      hint: "end the scenario with `export default defineScenario({ ... })`, importing defineScenario from 'launchday'",
    });
  }
  const definition = validateScenarioDefinition(module.default, absolute);
  return Object.freeze({ file: absolute, bundleFile, definition });
}

async function assertFile(absolute: string, given: string): Promise<void> {
  const stats = await stat(absolute).catch(() => undefined);
  if (stats?.isFile()) return;
  const what = stats === undefined ? 'not found' : 'not a file';
  throw new LaunchdayError(
    'LAUNCHDAY_ERR_SCENARIO_LOAD',
    `scenario ${given}: ${what} (${absolute})`,
    {
      hint: `give the path of a scenario module (.ts, .js or .mjs), relative to ${process.cwd()} or absolute`,
    },
  );
}

async function importBundle(bundleFile: string, source: string): Promise<Record<string, unknown>> {
  try {
    return await import(pathToFileURL(bundleFile).href);
  } catch (error) {
    if (isLaunchdayError(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new LaunchdayError(
      'LAUNCHDAY_ERR_SCENARIO_LOAD',
      `${source} threw while loading: ${reason}`,
      {
        hint: 'the error was thrown by top-level code of the scenario or a module it imports; the cause has the stack trace',
        cause: error,
      },
    );
  }
}
