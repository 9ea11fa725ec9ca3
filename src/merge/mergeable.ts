/**
 * Whether a set of results are the segments of one run, and so can be merged: the same
 * scenario, load plan, seed, params, thresholds and segment count, every segment exactly once,
 * each with the per-second slices a merge needs. Every problem is named with its file.
 */
import { planDifference, planOf } from '../compare/comparability.js';
import { type Issue, LaunchdayError } from '../core/errors.js';
import type { RunResult } from '../core/result.js';
import { formatSegment } from '../executors/index.js';
import { type MergeInput, segmentOf } from './merge-input.js';

const HINT =
  'give the result of every instance of one run: `launchday run --segment I/N` with the same ' +
  'scenario, options and --seed on each, I from 1 to N';

/** What must be the same in every segment's result, and how a difference is worded. */
const SAME: readonly { what: string; path: string; of: (result: RunResult) => string }[] = [
  { what: 'scenario', path: 'scenario.name', of: (r) => r.scenario.name },
  { what: 'seed', path: 'config.seed', of: (r) => JSON.stringify(configField(r, 'seed')) },
  {
    what: 'params',
    path: 'config.params',
    of: (r) => JSON.stringify(configField(r, 'params') ?? {}),
  },
  {
    what: 'thresholds',
    path: 'config.thresholdSpec',
    of: (r) => JSON.stringify(configField(r, 'thresholdSpec') ?? {}),
  },
  { what: 'segment count', path: 'config.segment', of: (r) => String(segmentOf(r).count) },
];

/**
 * `inputs` in segment order when they are the segments 1/N … N/N of one run; otherwise throws
 * a `LAUNCHDAY_ERR_UNMERGEABLE` listing every problem (exit 2).
 */
export function checkMergeable(inputs: readonly MergeInput[]): MergeInput[] {
  const ordered = [...inputs].sort((a, b) => segmentOf(a.result).index - segmentOf(b.result).index);
  const issues = [...sliceIssues(ordered), ...sameIssues(ordered)];
  if (issues.length === 0) issues.push(...segmentIssues(ordered));
  if (issues.length > 0)
    throw new LaunchdayError(
      'LAUNCHDAY_ERR_UNMERGEABLE',
      `cannot merge these results: ${issues[0]!.message}${issues.length > 1 ? ` (and ${issues.length - 1} more problems)` : ''}`,
      { hint: HINT, issues },
    );
  return ordered;
}

function sliceIssues(inputs: readonly MergeInput[]): Issue[] {
  return inputs
    .filter(({ result }) => result.slices === null)
    .map(({ file }) => ({
      path: 'slices',
      message: `${file} keeps no per-second slices (a result written before version 3), which a merge needs; run that segment again`,
    }));
}

function sameIssues(inputs: readonly MergeInput[]): Issue[] {
  const first = inputs[0]!;
  const issues: Issue[] = [];
  for (const other of inputs.slice(1)) {
    for (const { what, path, of } of SAME) {
      if (of(other.result) !== of(first.result))
        issues.push({
          path,
          message: `${other.file} has another ${what} (${of(other.result)}) than ${first.file} (${of(first.result)})`,
        });
    }
    if (planOf(other.result) !== planOf(first.result))
      issues.push({
        path: 'config.workloads',
        message: `${other.file} has another load plan than ${first.file}: ${planDifference(first.result, other.result)}`,
      });
  }
  return issues;
}

function segmentIssues(inputs: readonly MergeInput[]): Issue[] {
  const count = segmentOf(inputs[0]!.result).count;
  const byIndex = new Map<number, string[]>();
  for (const { file, result } of inputs) {
    const index = segmentOf(result).index;
    byIndex.set(index, [...(byIndex.get(index) ?? []), file]);
  }
  const issues: Issue[] = [];
  for (let index = 1; index <= count; index++) {
    const files = byIndex.get(index) ?? [];
    const segment = formatSegment({ index, count });
    if (files.length === 0)
      issues.push({
        path: 'config.segment',
        message: `segment ${segment} is missing: add the result of \`launchday run --segment ${segment}\``,
      });
    else if (files.length > 1)
      issues.push({
        path: 'config.segment',
        message: `segment ${segment} is given ${files.length} times (${files.join(', ')}): keep one`,
      });
  }
  return issues;
}

function configField(result: RunResult, name: string): unknown {
  return (result.config as Record<string, unknown> | null)?.[name];
}
