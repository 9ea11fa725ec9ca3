import { LaunchdayError } from 'launchday';
import { median, percentOff } from '../common/stats.js';
import { MEMORY_LOAD } from './settings.js';
import type { MemoryResult, RssSample, RssWindow } from './types.js';

const { baselineSeconds, sampleEveryMs } = MEMORY_LOAD;

/** The most readings a window holds: a minute of them. */
const MAX_WINDOW_READINGS = 60_000 / sampleEveryMs;

/**
 * Compares the RSS after warm-up with the RSS at the end of the load (`loadEndT`, in the
 * samples' time): the median of the readings from the baseline time on with the median of as
 * many readings up to `loadEndT` (a minute of readings each, fewer when the run is short,
 * never sharing one), and the single readings at both ends.
 */
export function rssGrowth(
  samples: readonly RssSample[],
  loadEndT: number,
): Pick<
  MemoryResult,
  'baseline' | 'end' | 'growthPct' | 'atBaseline' | 'atEnd' | 'pointGrowthPct'
> {
  const first = samples.findIndex((sample) => sample.t >= baselineSeconds);
  const last = samples.findLastIndex((sample) => sample.t <= loadEndT);
  if (first < 0 || last <= first) throw tooFewReadings(samples.length);
  const count = Math.min(MAX_WINDOW_READINGS, Math.floor((last - first + 1) / 2));
  const baseline = rssWindow(samples.slice(first, first + count));
  const end = rssWindow(samples.slice(last + 1 - count, last + 1));
  const atBaseline = samples[first]!;
  const atEnd = samples[last]!;
  return {
    baseline,
    end,
    growthPct: percentOff(end.medianRssBytes, baseline.medianRssBytes),
    atBaseline,
    atEnd,
    pointGrowthPct: percentOff(atEnd.rssBytes, atBaseline.rssBytes),
  };
}

function rssWindow(readings: readonly RssSample[]): RssWindow {
  return {
    fromS: readings[0]!.t,
    toS: readings.at(-1)!.t,
    readings: readings.length,
    medianRssBytes: median(readings.map((sample) => sample.rssBytes)),
  };
}

function tooFewReadings(count: number): LaunchdayError {
  return new LaunchdayError(
    'LAUNCHDAY_ERR_INTERNAL',
    `too few RSS readings (${count}) to compare ${baselineSeconds} s with the end of the load`,
    {
      hint: `run the memory part for at least ${minimumMemorySeconds()} s`,
    },
  );
}

/** The shortest memory run that has a reading after the baseline one (s). */
export function minimumMemorySeconds(): number {
  return baselineSeconds + (2 * sampleEveryMs) / 1000;
}
