/**
 * `launchday merge`'s workflow: reads the instances' results from files and folders, merges them
 * (src/merge/) and writes the merged result.json and its reports into one folder.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRunId } from '../../api.js';
import { LaunchdayError } from '../../core/errors.js';
import { readResult } from '../../core/read-result.js';
import type { RunResult } from '../../core/result.js';
import { type MergeInput, mergeResults, segmentOf } from '../../merge/index.js';
import { RESULT_FILE, writeJsonFile } from '../../outputs/json-result.js';
import { writeReportFiles } from '../../outputs/report-files.js';
import type { ReportFilePaths } from '../../outputs/types.js';
import { readRuns } from '../runs/read-runs.js';

/** What {@link mergeRuns} wrote, and the results it left out. */
export interface MergeOutcome {
  readonly result: RunResult;
  /** The segments' files, in segment order. */
  readonly inputs: readonly string[];
  /** Results of earlier merges found in the folders given, which are not segments. */
  readonly skipped: readonly string[];
  readonly outDir: string;
  readonly resultFile: string;
  readonly reportFiles: ReportFilePaths;
}

/**
 * Merges the results at `paths` (result files, run folders, folders of runs) into one result
 * written to `outDir` (default `reports/<new run id>`) with its reports; result.json first, so
 * it is on disk even if a report fails. Refuses, before writing anything, a set that is not the
 * segments of one run and an `outDir` holding a result that is not a merge's (an instance's
 * result is never overwritten).
 */
export async function mergeRuns(paths: readonly string[], outDir?: string): Promise<MergeOutcome> {
  const { inputs, skipped } = await readInputs(paths);
  const first = inputs[0]!.result;
  const result = mergeResults(inputs, createRunId(first.scenario.name));
  const dir = resolve(outDir ?? join('reports', result.runId));
  const resultFile = join(dir, RESULT_FILE);
  await refuseOverwrite(resultFile);
  await writeJsonFile(resultFile, result);
  const reportFiles = await writeReportFiles(result, dir);
  const files = [...inputs]
    .sort((a, b) => segmentOf(a.result).index - segmentOf(b.result).index)
    .map((input) => input.file);
  return { result, inputs: files, skipped, outDir: dir, resultFile, reportFiles };
}

async function readInputs(paths: readonly string[]) {
  if (paths.length === 0)
    throw new LaunchdayError('LAUNCHDAY_ERR_USAGE', 'merge needs the results of the segments', {
      hint: "launchday merge results/ (a folder of the instances' run folders) or launchday merge a/result.json b/result.json",
    });
  const byFile = new Map<string, MergeInput>();
  for (const path of paths)
    for (const run of await readRuns(path)) byFile.set(resolve(run.file), run);
  const all = [...byFile.values()];
  const inputs = all.filter((input) => input.result.mergedFrom === undefined);
  const skipped = all.filter((input) => input.result.mergedFrom !== undefined).map((i) => i.file);
  if (inputs.length === 0)
    throw new LaunchdayError(
      'LAUNCHDAY_ERR_USAGE',
      `${paths.join(', ')} hold only merged results, no segment's`,
      { hint: 'give the results that `launchday run --segment I/N` wrote' },
    );
  return { inputs, skipped };
}

/** Refuses to write over a file at `file` unless it is the result of an earlier merge. */
async function refuseOverwrite(file: string): Promise<void> {
  if (!existsSync(file)) return;
  const existing = await readResult(file).catch(() => undefined);
  if (existing?.mergedFrom !== undefined) return;
  throw new LaunchdayError(
    'LAUNCHDAY_ERR_USAGE',
    `${file} exists and is not the result of an earlier merge${existing ? ` (it is run ${existing.runId})` : ''}: the merge would overwrite it`,
    { hint: 'give --out-dir a new folder, or one an earlier merge wrote' },
  );
}
