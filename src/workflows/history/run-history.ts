/** `launchday history` as a workflow: read a folder of runs, build the history, write its files. */
import { buildHistory } from '../../compare/history.js';
import type { HistoryReport } from '../../compare/history-types.js';
import { parseMetricSelector } from '../../compare/metric-selector.js';
import { LaunchdayError } from '../../core/errors.js';
import { readRuns } from '../runs/read-runs.js';
import { type HistoryFiles, writeHistoryFiles } from './write-history.js';

/** The metric `launchday history` follows when no `--metric` is given. */
export const DEFAULT_HISTORY_METRIC = 'http_req_duration:p(99)';

/** What {@link runHistory} is asked. */
export interface HistoryRequest {
  /** `--metric` texts in threshold syntax; default {@link DEFAULT_HISTORY_METRIC}. */
  readonly metrics?: readonly string[];
  /** The run tag to order and label the runs by (`commit`); default: by start time. */
  readonly tag?: string;
  /** Where to write history.json, .md and .html; default `folder`. */
  readonly outDir?: string;
}

/**
 * Reads every run under `folder` (see `readRuns`), builds its history of the metrics asked
 * (change points by E-divisive means, default settings) and writes history.json, history.md
 * and history.html to `outDir`. Rejects with a `LAUNCHDAY_ERR_USAGE` (exit 2) on a bad
 * selector or tag, a folder that is missing or holds no run, or a file that cannot be read.
 */
export async function runHistory(
  folder: string,
  request: HistoryRequest = {},
): Promise<{ report: HistoryReport; files: HistoryFiles }> {
  const texts = request.metrics?.length ? request.metrics : [DEFAULT_HISTORY_METRIC];
  const selectors = texts.map((text) => parseMetricSelector(text));
  const tag = tagName(request.tag);
  const runs = (await readRuns(folder)).map(({ file, result }) => ({ result, source: file }));
  const report = buildHistory(runs, { source: folder, selectors, tag });
  const files = await writeHistoryFiles(report, request.outDir ?? folder);
  return { report, files };
}

function tagName(tag: string | undefined): string | null {
  if (tag === undefined) return null;
  if (tag.trim() === '' || tag.includes('='))
    throw new LaunchdayError('LAUNCHDAY_ERR_USAGE', `--tag ${tag}: give the name of a run tag`, {
      hint: 'e.g. --tag commit, for runs made with launchday run --tag commit=<sha>',
    });
  return tag;
}
