/**
 * The order of a history's runs: by start time, or by the value of a run tag (`--tag commit`),
 * which `launchday run --tag commit=<sha>` stores in result.config.tags.
 */
import { LaunchdayError } from '../core/errors.js';
import type { RunResult } from '../core/result.js';

/** A run read from a folder of runs, and the file it came from. */
export interface HistoryInput {
  readonly result: RunResult;
  /** The file it was read from (for errors and the report). */
  readonly source: string;
}

/** A run in its place, with its tag's value (null without a tag). */
export interface OrderedRun extends HistoryInput {
  readonly tag: string | null;
}

/** The value of test-wide tag `name` of `result` (its resolved config's `tags`), if any. */
export function runTag(result: RunResult, name: string): string | undefined {
  const tags = (result.config as { tags?: unknown } | null)?.tags;
  if (typeof tags !== 'object' || tags === null) return undefined;
  const value = (tags as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * `runs` in order. Without `tag`: by `startedAt`, then run id. With `tag`: every run must
 * carry it (a `LAUNCHDAY_ERR_USAGE` names the first that does not); when every value is a
 * number (a build number, a commit timestamp) by that number, else grouped by value, the
 * groups in the order of their first run's start (so a commit's repeats sit together and a
 * commit measured again later keeps its place); within a value, by `startedAt`. Pure.
 */
export function orderRuns(runs: readonly HistoryInput[], tag: string | null): OrderedRun[] {
  const byTime = [...runs].sort(byStart);
  if (tag === null) return byTime.map((run) => ({ ...run, tag: null }));
  const tagged = byTime.map((run) => ({ ...run, tag: tagOf(run, tag) }));
  const numeric = tagged.every((run) => run.tag.trim() !== '' && Number.isFinite(Number(run.tag)));
  if (numeric) return tagged.sort((a, b) => Number(a.tag) - Number(b.tag) || byStart(a, b));
  const firstSeen = new Map<string, number>();
  for (const run of tagged) if (!firstSeen.has(run.tag)) firstSeen.set(run.tag, firstSeen.size);
  return tagged.sort((a, b) => firstSeen.get(a.tag)! - firstSeen.get(b.tag)! || byStart(a, b));
}

function tagOf(run: HistoryInput, tag: string): string {
  const value = runTag(run.result, tag);
  if (value === undefined)
    throw new LaunchdayError(
      'LAUNCHDAY_ERR_USAGE',
      `${run.source} has no tag '${tag}' to order the history by`,
      {
        hint: `run with --tag ${tag}=<value> (e.g. --tag ${tag}=$(git rev-parse --short HEAD)), move the run out of the folder, or leave out --tag to order by start time`,
      },
    );
  return value;
}

function byStart(a: HistoryInput, b: HistoryInput): number {
  const time = Date.parse(a.result.startedAt) - Date.parse(b.result.startedAt);
  if (time !== 0 && !Number.isNaN(time)) return time;
  return a.result.runId < b.result.runId ? -1 : a.result.runId > b.result.runId ? 1 : 0;
}
