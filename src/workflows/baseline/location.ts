import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LaunchdayError } from '../../core/errors.js';

/** The environment variable that moves the folder of baselines. */
export const BASELINE_DIR_ENV = 'LAUNCHDAY_BASELINE_DIR';

/** The folder of baselines when neither `--dir` nor {@link BASELINE_DIR_ENV} says otherwise. */
export const DEFAULT_BASELINE_DIR = join('reports', 'baselines');

/** The manifest's file name inside a baseline's folder. */
export const MANIFEST_FILE = 'baseline.json';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * The folder holding the baselines, absolute: `dir`, else `$LAUNCHDAY_BASELINE_DIR`, else
 * `reports/baselines`, relative paths taken from the current folder.
 */
export function baselineRoot(dir?: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(dir ?? (env[BASELINE_DIR_ENV] || DEFAULT_BASELINE_DIR));
}

/** `name` when it can name a folder; else a LaunchdayError (exit 2). */
export function checkedName(name: string): string {
  if (NAME.test(name) && !name.endsWith('.tmp') && !name.endsWith('.old')) return name;
  throw new LaunchdayError('LAUNCHDAY_ERR_USAGE', `'${name}' cannot name a baseline`, {
    hint: 'use letters, digits, dots, dashes and underscores, starting with a letter or digit, e.g. main',
  });
}

/** The names of the baselines under `root` (folders with a manifest), sorted. Sync. */
export function knownBaselines(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .filter((entry) => existsSync(join(root, entry.name, MANIFEST_FILE)))
    .map((entry) => entry.name)
    .sort();
}

/**
 * The folder of the baseline `name` under `dir` (see {@link baselineRoot}), for `compare
 * --baseline NAME`: it holds one run folder `<runId>/result.json` per run, so it reads as a
 * folder of several runs. Throws a LaunchdayError (`LAUNCHDAY_ERR_USAGE`, exit 2) naming the
 * known baselines when there is no such baseline.
 */
export function resolveBaseline(name: string, dir?: string): string {
  const root = baselineRoot(dir);
  const path = join(root, checkedName(name));
  if (existsSync(join(path, MANIFEST_FILE))) return path;
  const known = knownBaselines(root);
  throw new LaunchdayError('LAUNCHDAY_ERR_USAGE', `there is no baseline '${name}' in ${root}`, {
    hint:
      known.length === 0
        ? `save one first: launchday baseline save <run> --name ${name}`
        : `the baselines there are: ${known.join(', ')}; or save one: launchday baseline save <run> --name ${name}`,
  });
}
