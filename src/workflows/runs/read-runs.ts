/**
 * Reading saved runs from what a user points at: a result file, a run folder (with result.json
 * in it), or a folder of runs — every result.json under it at any depth (run folders, baselines,
 * ab sessions) and the result files directly in it under other names (a saved
 * `baseline-1.json`). `compare`, `ab`, `baseline` and `history` read their runs this way.
 */
import type { Stats } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { LaunchdayError } from '../../core/errors.js';
import { parseResult, readResult } from '../../core/read-result.js';
import type { RunResult } from '../../core/result.js';

/** A run read from disk, and the file it came from. */
export interface SavedRun {
  readonly file: string;
  readonly result: RunResult;
}

const RESULT_FILE = 'result.json';
const HINT =
  'give a result.json, a run folder with a result.json in it, or a folder of runs (run folders, or result .json files)';
/** What launchday writes beside runs that is never a run. */
const NOT_RUNS: ReadonlySet<string> = new Set([
  'baseline.json',
  'capacity.json',
  'compare.json',
  'history.json',
]);
/** Folders never searched for runs. */
const SKIPPED = /(^|[\\/])(node_modules|\.git)([\\/]|$)/;

/**
 * The runs at `path`, in the order they started (then by run id), each read as `launchday
 * report` reads one (older versions upgraded). Rejects with a `LAUNCHDAY_ERR_USAGE` naming the
 * path when there is nothing there or no run in it, and with the reader's error naming the file
 * when one of them is not a readable result (a top-level JSON file that is no result is
 * skipped; one that is not JSON is an error).
 */
export async function readRuns(path: string): Promise<SavedRun[]> {
  const info = await statOrNull(path);
  if (info === null)
    throw new LaunchdayError(
      'LAUNCHDAY_ERR_USAGE',
      `cannot read ${path}: there is no such file or folder`,
      {
        hint: HINT,
      },
    );
  const runs = info.isDirectory()
    ? await runsInFolder(path)
    : [{ file: path, result: await readResult(path) }];
  if (runs.length === 0)
    throw new LaunchdayError('LAUNCHDAY_ERR_USAGE', `${path} holds no run`, { hint: HINT });
  return runs.sort(
    (a, b) =>
      a.result.startedAt.localeCompare(b.result.startedAt) ||
      a.result.runId.localeCompare(b.result.runId),
  );
}

async function runsInFolder(folder: string): Promise<SavedRun[]> {
  const own = join(folder, RESULT_FILE);
  if ((await statOrNull(own))?.isFile()) return [{ file: own, result: await readResult(own) }];
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !SKIPPED.test(relative(folder, file)))
    .sort();
  const runs: SavedRun[] = [];
  for (const file of files) {
    const topLevel = !relative(folder, file).includes(sep);
    if (basename(file) === RESULT_FILE) runs.push({ file, result: await readResult(file) });
    else if (topLevel && !NOT_RUNS.has(basename(file))) {
      const result = await readLooseResult(file);
      if (result !== null) runs.push({ file, result });
    }
  }
  return runs;
}

/** The result in `file` when its JSON looks like one (`schemaVersion` and `runId`); null for other JSON. */
async function readLooseResult(file: string): Promise<RunResult | null> {
  const text = await readFile(file, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return parseResult(text, file); // throws, naming the file and why
  }
  const looksLikeRun =
    typeof parsed === 'object' && parsed !== null && 'schemaVersion' in parsed && 'runId' in parsed;
  return looksLikeRun ? parseResult(text, file) : null;
}

async function statOrNull(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
