/**
 * The runs of a folder for `launchday history`: every result.json under it (run folders, as
 * `launchday run` writes them to reports/<run-id>/), and the result files directly in it under
 * other names (a saved `baseline-1.json`), each read as `launchday report` reads one.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import type { HistoryInput } from '../../compare/history-order.js';
import { LaunchdayError } from '../../core/errors.js';
import { parseResult, readResult } from '../../core/read-result.js';

const HINT =
  'give a folder of runs: run folders with a result.json each (as launchday run writes them to reports/), or result .json files';

/** What `launchday compare`, `capacity` and `history` write beside runs: never a run. */
const NOT_RUNS: ReadonlySet<string> = new Set(['history.json', 'compare.json', 'capacity.json']);

/** Folders never searched for runs. */
const SKIPPED = /(^|[\\/])(node_modules|\.git)([\\/]|$)/;

/**
 * Reads every run under `folder`, in path order: each `result.json` at any depth, which must
 * be a launchday result, and each other `*.json` directly in `folder` that looks like one
 * (an object with `schemaVersion` and `runId`; other JSON is skipped, text that is not JSON is
 * an error). An upgradable older result is upgraded. Rejects with a `LAUNCHDAY_ERR_USAGE`
 * naming the folder when it is missing or not a folder, or naming the file that cannot be read.
 */
export async function collectRuns(folder: string): Promise<HistoryInput[]> {
  await expectFolder(folder);
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !SKIPPED.test(relative(folder, file)))
    .sort();
  const runs: HistoryInput[] = [];
  for (const file of files) {
    const topLevel = !relative(folder, file).includes(sep);
    if (basename(file) === 'result.json')
      runs.push({ result: await readResult(file), source: file });
    else if (topLevel && !NOT_RUNS.has(basename(file))) {
      const result = await readLooseResult(file);
      if (result !== null) runs.push({ result, source: file });
    }
  }
  return runs;
}

async function expectFolder(folder: string): Promise<void> {
  const info = await stat(folder).catch((error: NodeJS.ErrnoException) => {
    const reason = error.code === 'ENOENT' ? 'there is no such folder' : error.message;
    throw new LaunchdayError('LAUNCHDAY_ERR_USAGE', `cannot read ${folder}: ${reason}`, {
      hint: HINT,
      cause: error,
    });
  });
  if (!info.isDirectory())
    throw new LaunchdayError('LAUNCHDAY_ERR_USAGE', `${folder} is a file, not a folder of runs`, {
      hint: `${HINT}; to render one run, use launchday report ${folder}`,
    });
}

/** The result in `file` when its JSON looks like one; null for other JSON. */
async function readLooseResult(file: string) {
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
