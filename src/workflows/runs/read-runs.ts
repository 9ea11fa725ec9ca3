/**
 * Reading saved runs from what a user points at: a result.json, a run folder (with result.json
 * in it), or a folder of runs (run folders, or result files of any name). `compare`, `ab`,
 * `baseline` and `history` read their sides this way.
 */
import type { Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { LaunchdayError } from '../../core/errors.js';
import { readResult } from '../../core/read-result.js';
import type { RunResult } from '../../core/result.js';

/** A run read from disk, and the file it came from. */
export interface SavedRun {
  readonly file: string;
  readonly result: RunResult;
}

const RESULT_FILE = 'result.json';
const HINT =
  'give a result.json, a run folder with a result.json in it, or a folder of run folders';

/**
 * The runs at `path`, in the order they started (then by run id). Rejects with a
 * `LAUNCHDAY_ERR_USAGE` naming the path when there is nothing there or no run in it, and with
 * the reader's error naming the file when one of them is not a readable result.
 */
export async function readRuns(path: string): Promise<SavedRun[]> {
  const files = await resultFiles(path);
  if (files.length === 0)
    throw new LaunchdayError('LAUNCHDAY_ERR_USAGE', `no run found in ${path}`, { hint: HINT });
  const runs = await Promise.all(
    files.map(async (file) => ({ file, result: await readResult(file) })),
  );
  return runs.sort(
    (a, b) =>
      a.result.startedAt.localeCompare(b.result.startedAt) ||
      a.result.runId.localeCompare(b.result.runId),
  );
}

/** The result files at `path`: itself, its result.json, or those of the runs inside it. */
async function resultFiles(path: string): Promise<string[]> {
  const info = await statOrNull(path);
  if (info === null)
    throw new LaunchdayError(
      'LAUNCHDAY_ERR_USAGE',
      `cannot read ${path}: there is no such file or folder`,
      {
        hint: HINT,
      },
    );
  if (!info.isDirectory()) return [path];
  if (await isFile(join(path, RESULT_FILE))) return [join(path, RESULT_FILE)];
  const entries = await readdir(path, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const inner = join(path, entry.name);
    if (entry.isFile() && entry.name.endsWith('.json') && !NOT_RUNS.has(entry.name))
      found.push(inner);
    else if (entry.isDirectory() && (await isFile(join(inner, RESULT_FILE))))
      found.push(join(inner, RESULT_FILE));
  }
  return found;
}

/** JSON files that sit beside runs and are not runs. */
const NOT_RUNS: ReadonlySet<string> = new Set([
  'baseline.json',
  'compare.json',
  'history.json',
  'summary.json',
]);

async function statOrNull(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function isFile(path: string): Promise<boolean> {
  return (await statOrNull(path))?.isFile() ?? false;
}
