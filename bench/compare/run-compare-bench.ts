/**
 * `npm run bench:compare`: how often `ab`'s verdict is wrong on this machine. One pool of
 * interleaved runs gives the A/A comparisons (false alarms) and the A/B ones at a 15% slowdown
 * of feed (power); sessions at other slowdowns find the smallest caught 19 times in 20; and one
 * `ab` as the CI gate runs it is timed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunResult } from 'launchday';
import { note } from '../common/log.js';
import { describeMachine } from '../common/machine.js';
import { nodeScript, TARGET_MAIN } from '../common/paths.js';
import type { ProcessGroup } from '../common/process-group.js';
import { runCommand } from '../common/run-command.js';
import { median } from '../common/stats.js';
import { type AbSessionSpec, runAbSession } from './ab-session.js';
import { compareAcross, compareWithin, type Tally } from './comparisons.js';
import * as settings from './settings.js';
import type { CompareBenchOptions, CompareBenchReport, PowerAtLevel } from './types.js';

/** Runs the benchmark; its processes are started in `group`. */
export async function runCompareBench(
  options: CompareBenchOptions,
  group: ProcessGroup,
): Promise<CompareBenchReport> {
  const started = performance.now();
  const work = await mkdtemp(join(tmpdir(), 'launchday-bench-compare-'));
  try {
    const database = join(work, 'seeded.db');
    note(`seeding ${settings.USERS} users`);
    await runCommand(
      group,
      nodeScript(TARGET_MAIN, ['seed', '--db', database, '--users', String(settings.USERS)]),
      { timeoutMs: 300_000 },
    );
    let sessions = 0;
    const session = (spec: Omit<AbSessionSpec, 'database' | 'outDir'>) =>
      runAbSession(group, { ...spec, database, outDir: join(work, `session-${++sessions}`) });
    const base = settings.FEED_BASE_LATENCY_MS;
    note('calibrating: feed p(50) with its base latency');
    const calibration = await session({
      feedLatencyMs: { a: base, b: base },
      repeats: 1,
      runSeconds: options.runSeconds,
    });
    const feedMedianMs = median([...calibration.a, ...calibration.b].map(feedMedian));
    const aRuns: RunResult[][] = [];
    const allRuns: RunResult[] = [...calibration.a, ...calibration.b];
    const atLevel = async (extraMs: number, repeats: number): Promise<PowerAtLevel> => {
      const level = extraMs / feedMedianMs;
      note(
        `A/B session: feed +${extraMs} ms (${(level * 100).toFixed(1)}%), ${repeats} runs a side`,
      );
      const runs = await session({
        feedLatencyMs: { a: base, b: base + extraMs },
        repeats,
        runSeconds: options.runSeconds,
      });
      aRuns.push(runs.a);
      allRuns.push(...runs.a, ...runs.b);
      const measured = median(runs.b.map(feedMedian)) / median(runs.a.map(feedMedian)) - 1;
      return {
        level,
        extraMs,
        measured,
        tally: compareAcross(runs.a, runs.b, options.comparisons, settings.REPEATS, aRuns.length),
      };
    };
    const mainMs = Math.max(1, Math.round(settings.MAIN_LEVEL * feedMedianMs));
    const power = [await atLevel(mainMs, settings.POOL_REPEATS)];
    const caught = (p: PowerAtLevel) =>
      p.tally.caught >= Math.ceil((settings.CAUGHT_NEEDED / 20) * options.comparisons);
    const others = caught(power[0]!)
      ? settings.SMALLER_STEPS_MS.map((step) => mainMs - step).filter((ms) => ms > 0)
      : settings.LARGER_STEPS_MS.map((step) => mainMs + step);
    for (const extraMs of others) {
      const result = await atLevel(extraMs, settings.LEVEL_REPEATS);
      power.push(result);
      if (caught(result) !== caught(power[0]!)) break;
    }
    const falseAlarms = sumTallies(
      aRuns.map((runs, i) => compareWithin(runs, options.comparisons, settings.REPEATS, 100 + i)),
    );
    note(
      `timing one ab as .github/workflows/perf.yml runs it (${settings.REPEATS} runs a side of ${settings.TIMING_RUN_SECONDS} s)`,
    );
    const timed = await session({
      feedLatencyMs: { a: 0, b: 0 },
      repeats: settings.REPEATS,
      runSeconds: settings.TIMING_RUN_SECONDS,
    });
    allRuns.push(...timed.a, ...timed.b);
    const caughtLevels = power.filter(caught).map((p) => p.level);
    return {
      machine: describeMachine(),
      settings: {
        comparisons: options.comparisons,
        repeats: settings.REPEATS,
        runSeconds: options.runSeconds,
        rate: settings.RATE,
        feedBaseLatencyMs: base,
      },
      feedMedianMs,
      falseAlarms,
      power,
      smallestCaught: caughtLevels.length === 0 ? null : Math.min(...caughtLevels),
      lateGenerator: {
        runs: allRuns.filter((run) => !run.generator.valid).length,
        of: allRuns.length,
      },
      ab: { wallMs: timed.wallMs, exitCode: timed.exitCode },
      totalWallMs: performance.now() - started,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The median latency of feed in a run, in ms. */
function feedMedian(run: RunResult): number {
  const feed = run.summary.requests.find((row) => row.name === settings.FEED_NAME);
  if (feed === undefined) throw new Error(`run ${run.runId} made no ${settings.FEED_NAME} request`);
  return feed.p50;
}

function sumTallies(tallies: readonly Tally[]): Tally {
  const regressedMetrics: Record<string, number> = {};
  for (const tally of tallies)
    for (const [key, count] of Object.entries(tally.regressedMetrics))
      regressedMetrics[key] = (regressedMetrics[key] ?? 0) + count;
  const sum = (field: 'comparisons' | 'regressed' | 'caught') =>
    tallies.reduce((total, t) => total + t[field], 0);
  return {
    comparisons: sum('comparisons'),
    regressed: sum('regressed'),
    caught: sum('caught'),
    regressedMetrics,
  };
}
