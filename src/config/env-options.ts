import { LaunchdayError } from '../core/errors.js';
import type { RunOptions } from './types.js';

/**
 * The run options set through the environment, for CI jobs and containers:
 * `LAUNCHDAY_BASE_URL`, `LAUNCHDAY_WORKERS`, `LAUNCHDAY_SEED`, `LAUNCHDAY_OUT_DIR`,
 * `LAUNCHDAY_TAGS` (`k=v,k=v`), `LAUNCHDAY_ALLOW_HOSTS` (comma-separated) and
 * `LAUNCHDAY_MAX_MEMORY` (a size, e.g. `2GB`).
 */
export function readEnvOptions(env: NodeJS.ProcessEnv): RunOptions {
  const options: RunOptions = {};
  if (env.LAUNCHDAY_BASE_URL) options.baseUrl = env.LAUNCHDAY_BASE_URL;
  if (env.LAUNCHDAY_WORKERS)
    options.workers = wholeNumber(env.LAUNCHDAY_WORKERS, 'LAUNCHDAY_WORKERS');
  if (env.LAUNCHDAY_SEED) options.seed = wholeNumber(env.LAUNCHDAY_SEED, 'LAUNCHDAY_SEED');
  if (env.LAUNCHDAY_OUT_DIR) options.outDir = env.LAUNCHDAY_OUT_DIR;
  if (env.LAUNCHDAY_TAGS)
    options.tags = parseKeyValues(env.LAUNCHDAY_TAGS.split(','), 'LAUNCHDAY_TAGS');
  if (env.LAUNCHDAY_ALLOW_HOSTS)
    options.allowHosts = env.LAUNCHDAY_ALLOW_HOSTS.split(',').map((h) => h.trim());
  if (env.LAUNCHDAY_MAX_MEMORY) options.maxMemory = env.LAUNCHDAY_MAX_MEMORY;
  return options;
}

/**
 * Parses `key=value` pairs (from `--param`, `--tag` or an environment variable) into a record;
 * `path` names the source in errors.
 */
export function parseKeyValues(pairs: readonly string[], path: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) {
      throw new LaunchdayError('LAUNCHDAY_ERR_USAGE', `${path}: '${pair}' is not key=value`, {
        hint: `write ${path} as key=value, e.g. ${path} rate=100`,
        issues: [{ path, message: `'${pair}' is not key=value` }],
      });
    }
    result[pair.slice(0, at).trim()] = pair.slice(at + 1);
  }
  return result;
}

function wholeNumber(text: string, path: string): number {
  const value = Number(text);
  if (!Number.isInteger(value)) {
    throw new LaunchdayError(
      'LAUNCHDAY_ERR_INVALID_CONFIG',
      `${path}: '${text}' is not a whole number`,
      {
        hint: `set ${path} to a whole number, e.g. ${path}=2`,
        issues: [{ path, message: `'${text}' is not a whole number` }],
      },
    );
  }
  return value;
}
