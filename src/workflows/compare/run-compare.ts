/**
 * `launchday compare` from disk: reads both sides (a result.json, a run folder, a folder of
 * runs), compares them and writes compare.json, compare.md, compare-junit.xml and compare.html.
 */
import { dirname } from 'node:path';
import { type CompareInput, type CompareOptions, compareSides } from '../../compare/index.js';
import type { CompareReport } from '../../compare/types.js';
import { type CompareFilePaths, writeCompareFiles } from '../../outputs/compare-files.js';
import { readRuns } from '../runs/read-runs.js';

/** What to compare, and where to write it. */
export interface CompareRequest {
  /** The baseline's path, and its name when it is a saved baseline (`--baseline NAME`). */
  readonly baseline: { readonly path: string; readonly name?: string };
  readonly candidate: string;
  readonly options: CompareOptions;
  /** Where the files go; default: the candidate's folder. */
  readonly outDir?: string;
}

/** A finished comparison and its files. */
export interface CompareOutcome {
  readonly report: CompareReport;
  readonly paths: CompareFilePaths;
}

/** Compares the request's sides and writes the report files. */
export async function runCompare(request: CompareRequest): Promise<CompareOutcome> {
  const baseline = await readSide(request.baseline.path, request.baseline.name);
  const candidate = await readSide(request.candidate);
  const report = compareSides(baseline, candidate, request.options);
  const outDir = request.outDir ?? folderOf(request.candidate);
  return { report, paths: await writeCompareFiles(report, outDir) };
}

/** One side of runs read from `path`. */
export async function readSide(path: string, baselineName?: string): Promise<CompareInput> {
  const runs = await readRuns(path);
  return {
    source: path,
    runs: runs.map((run) => run.result),
    ...(baselineName === undefined ? {} : { baselineName }),
  };
}

/** The folder of a result file, or the folder itself. */
function folderOf(path: string): string {
  return path.endsWith('.json') ? dirname(path) : path;
}
