import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseForecast } from '../../capacity/forecast-schema.js';
import type { Forecast } from '../../capacity/types.js';
import { isLaunchdayError, LaunchdayError } from '../../core/errors.js';
import { bundleScenario } from '../../scenario/index.js';

const MODULE_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];

/**
 * Loads the forecast in `file` (relative paths resolve against the current directory): a
 * `.json` file, or a `.ts`/`.js` module whose default export is the forecast, bundled as
 * scenarios are (see `bundleScenario`). Called by the capacity command for `--forecast`.
 * Throws LaunchdayError LAUNCHDAY_ERR_INVALID_CONFIG (missing file, unknown extension, bad
 * JSON, no default export, invalid forecast: see `parseForecast`), or the
 * LAUNCHDAY_ERR_SCENARIO_LOAD of bundling.
 */
export async function loadForecast(file: string): Promise<Forecast> {
  const absolute = resolve(file);
  const extension = extname(absolute);
  if (!(await stat(absolute).catch(() => undefined))?.isFile()) {
    throw forecastError(
      absolute,
      'is not a file',
      `give the path of the forecast, relative to ${process.cwd()} or absolute`,
    );
  }
  if (extension === '.json') return parseForecast(await readJson(absolute), absolute);
  if (!MODULE_EXTENSIONS.includes(extension)) {
    throw forecastError(
      absolute,
      `has the extension '${extension}'`,
      'give a .json file or a .ts/.js module',
    );
  }
  const module = await importModule(absolute);
  if (!('default' in module)) {
    throw forecastError(
      absolute,
      'has no default export',
      'end the module with `export default { demand, intent }`',
    );
  }
  return parseForecast(module.default, absolute);
}

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw forecastError(
      file,
      `is not valid JSON (${(error as Error).message})`,
      'fix the JSON syntax',
      error,
    );
  }
}

async function importModule(file: string): Promise<Record<string, unknown>> {
  const bundleFile = await bundleScenario(file);
  try {
    return await import(pathToFileURL(bundleFile).href);
  } catch (error) {
    if (isLaunchdayError(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw forecastError(
      file,
      `threw while loading: ${reason}`,
      'fix the top-level code of the forecast module',
      error,
    );
  }
}

function forecastError(
  file: string,
  problem: string,
  hint: string,
  cause?: unknown,
): LaunchdayError {
  return new LaunchdayError('LAUNCHDAY_ERR_INVALID_CONFIG', `forecast ${file} ${problem}`, {
    hint,
    issues: [{ path: file, message: problem }],
    cause,
  });
}
