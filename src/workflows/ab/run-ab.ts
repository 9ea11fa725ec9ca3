/**
 * `launchday ab`: the scenario run against side A and side B in turns, on the same machine in
 * the same minutes, and the two sets of runs compared. The order is balanced — A B, B A, A B,
 * … — so a machine that drifts steadily during the session favours neither side; with a
 * command, each run gets a fresh target.
 */
import { join, resolve } from 'node:path';
import { createRunId, runScenario } from '../../api.js';
import { type CompareOptions, compareSides } from '../../compare/index.js';
import type { CompareReport } from '../../compare/types.js';
import type { RunOptions } from '../../config/types.js';
import { LaunchdayError } from '../../core/errors.js';
import type { RunResult } from '../../core/result.js';
import { type CompareFilePaths, writeCompareFiles } from '../../outputs/compare-files.js';
import type { Output } from '../../outputs/types.js';
import { type AbSide, startAbTarget } from './ab-side.js';

/** What `ab` runs. */
export interface AbRequest {
  readonly scenario: string;
  readonly a: AbSide;
  readonly b: AbSide;
  /** Runs per side (default 5). */
  readonly repeats: number;
  /** Options of every run; `outDir` is where the ab folder goes (default reports). */
  readonly run: RunOptions;
  readonly compare: CompareOptions;
  /** The path a command's side waits on before a run (default `/`). */
  readonly readyPath: string;
  /** The live outputs of one run (`--out`), made anew for each. */
  readonly outputs?: () => Output[];
  /** Told of each run as it ends: side, index (1-based) and the run. */
  readonly onRun?: (side: 'a' | 'b', index: number, result: RunResult) => void;
  readonly signal?: AbortSignal;
}

/** A finished ab session: its folder, the comparison (A baseline, B candidate) and its files. */
export interface AbOutcome {
  readonly dir: string;
  readonly report: CompareReport;
  readonly paths: CompareFilePaths;
}

/**
 * The order of `repeats` runs a side: pairs A B and B A in turn (A B B A A B …), each side
 * first in half of the pairs.
 */
export function abOrder(repeats: number): ('a' | 'b')[] {
  return Array.from({ length: repeats }, (_, i) =>
    i % 2 === 0 ? ['a', 'b'] : ['b', 'a'],
  ).flat() as ('a' | 'b')[];
}

/** Runs the session and compares B against A; the runs go to `<outDir>/<ab-id>/a|b/`. */
export async function runAb(request: AbRequest): Promise<AbOutcome> {
  const dir = resolve(request.run.outDir ?? 'reports', createRunId('ab'));
  const runs: Record<'a' | 'b', RunResult[]> = { a: [], b: [] };
  for (const side of abOrder(request.repeats)) {
    if (request.signal?.aborted) break;
    const index = runs[side].length + 1;
    const result = await runOnce(request, side, index, join(dir, side));
    runs[side].push(result);
    request.onRun?.(side, index, result);
  }
  if (runs.a.length === 0 || runs.b.length === 0)
    throw new LaunchdayError('LAUNCHDAY_ERR_USAGE', 'ab was interrupted before both sides ran', {
      hint: `the runs so far are in ${dir}`,
    });
  const report = compareSides(
    { source: join(dir, 'a'), runs: runs.a },
    { source: join(dir, 'b'), runs: runs.b },
    request.compare,
  );
  return { dir, report, paths: await writeCompareFiles(report, dir) };
}

async function runOnce(
  request: AbRequest,
  side: 'a' | 'b',
  index: number,
  sideDir: string,
): Promise<RunResult> {
  const runId = `${side}-${index}`;
  const target = await startAbTarget(request[side], join(sideDir, runId), request.readyPath);
  try {
    const outcome = await runScenario(request.scenario, {
      ...request.run,
      baseUrl: target.url,
      outDir: sideDir,
      runId,
      outputs: request.outputs?.() ?? [],
      tags: { ...request.run.tags, ab_side: side },
      ...(request.signal === undefined ? {} : { signal: request.signal }),
    });
    return outcome.result;
  } finally {
    await target.stop();
  }
}
