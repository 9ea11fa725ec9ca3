import { relative } from 'node:path';
import type { Command } from 'commander';
import type { CapacityReport, CapacityStep } from '../../capacity/types.js';
import { LaunchdayError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { outputsFromSpecs } from '../../outputs/out-spec.js';
import { runCapacity } from '../../workflows/capacity/run-capacity.js';
import {
  collect,
  positiveNumber,
  wholeNumberAtLeast,
  wholeSeconds,
  workerCounts,
} from '../flag-parsers.js';
import { addRunFlags, type RunFlags, runOptionsFrom } from '../options.js';
import { allowedHosts, withGracefulStop } from '../run-session.js';
import type { SetExitCode } from '../types.js';
import { capacityFromFlags } from './capacity-from.js';

interface CapacityFlags extends RunFlags {
  from?: string;
  slo: string[];
  forecast?: string;
  workload?: string;
  levels?: number;
  step?: number;
  warmup?: number;
  startRate?: number;
  maxRate?: number;
  targetWorkers?: number[];
  users?: number;
  targetDb?: string;
}

/**
 * `launchday capacity <scenario> --slo ...`: finds the target's limit (quick ramp, staircase,
 * refinement, overload), fits the curve, sizes the launch from a forecast, and writes
 * reports/<run-id>/capacity.json, .md and .html, also when the search stops early. A line per
 * measured level goes to stderr. Exits 0 when the search established its answer, 3 when it
 * could not, 130 when interrupted.
 */
export function registerCapacity(program: Command, setExitCode: SetExitCode): void {
  const command = program
    .command('capacity')
    .description('find the load a target sustains within SLOs, fit the curve, size the launch')
    .argument('[scenario]', 'the scenario file; its first arrival-rate workload is driven')
    .option(
      '--from <result>',
      'measure the levels of a run that happened (e.g. a merged one) instead of searching live',
    )
    .option(
      '--slo <slo>',
      "an SLO every level must meet, e.g. 'p(99)<250ms', 'http_req_failed<0.1%' (repeatable)",
      collect,
      [],
    )
    .option('--forecast <file>', 'the demand and intent to size for (JSON or a TypeScript module)')
    .option('--workload <name>', 'the arrival-rate workload to drive (default: the first)')
    .option('--levels <n>', 'staircase levels, at least 8 (default 10)', wholeNumberAtLeast(8))
    .option('--step <duration>', 'length of a level (default 10s)', wholeSeconds)
    .option('--warmup <duration>', 'start of a level not measured (default 3s)', wholeSeconds)
    .option(
      '--start-rate <rate>',
      'first rate of the quick ramp, per second (default 5)',
      positiveNumber,
    )
    .option(
      '--max-rate <rate>',
      'highest rate the ramp tries, per second (default 20000)',
      positiveNumber,
    )
    .option(
      '--target-workers <counts>',
      'start the reference target with each of these worker counts (e.g. 1,2) and fit the USL across them',
      workerCounts,
    )
    .option(
      '--users <n>',
      'accounts seeded in the reference target (with --target-workers)',
      wholeNumberAtLeast(1),
    )
    .option(
      '--target-db <url>',
      'with --target-workers: a PostgreSQL database beside which each worker count gets a new one (default: SQLite files)',
    );
  addRunFlags(command).action(async (scenario: string | undefined, flags: CapacityFlags) => {
    const outcome =
      flags.from === undefined
        ? await searchLive(scenarioGiven(scenario), flags)
        : await capacityFromFlags(flags.from, scenario, flags, command);
    process.stdout.write(`${outcome.report.verdict}\n`);
    process.stdout.write(`capacity: ${relative(process.cwd(), outcome.files.html)}\n`);
    setExitCode(exitCodeOf(outcome.report));
  });
}

/** The live search of `launchday capacity <scenario>`, telling each phase and level on stderr. */
function searchLive(scenario: string, flags: CapacityFlags) {
  return withGracefulStop((signal) =>
    runCapacity(scenario, {
      ...runOptionsFrom(flags),
      slos: flags.slo,
      forecast: flags.forecast,
      workload: flags.workload,
      targetWorkers: flags.targetWorkers,
      users: flags.users,
      targetDb: flags.targetDb,
      settings: settingsFrom(flags),
      outputs: () => outputsFromSpecs(flags.out, { allowedHosts: allowedHosts(flags.allowHost) }),
      signal,
      onPhase: (message) => process.stderr.write(`launchday capacity: ${message}\n`),
      onLevel: (phase, step) => process.stderr.write(`  ${phase} ${describeLevel(step)}\n`),
    }),
  );
}

function scenarioGiven(scenario: string | undefined): string {
  if (scenario !== undefined) return scenario;
  throw new LaunchdayError('LAUNCHDAY_ERR_USAGE', 'capacity needs a scenario, or --from RESULT', {
    hint: "launchday capacity scenarios/signup-spike.ts --slo 'p(99)<250ms'",
  });
}

/**
 * 130 when interrupted; 3 when the search could not establish its answer (a phase it rests on
 * failed or was aborted), as a broken threshold fails a run; else 0, also when a phase was cut
 * off or the overload phase failed: the report names those as findings.
 */
function exitCodeOf(report: CapacityReport): number {
  if (report.status === 'interrupted') return ExitCode.interrupted;
  return report.maxSustainableEstablished ? ExitCode.ok : ExitCode.thresholdsFailed;
}

function settingsFrom(flags: CapacityFlags) {
  return Object.fromEntries(
    Object.entries({
      levels: flags.levels,
      levelS: flags.step,
      warmupS: flags.warmup,
      startRate: flags.startRate,
      maxRate: flags.maxRate,
    }).filter(([, value]) => value !== undefined),
  );
}

function describeLevel(step: CapacityStep): string {
  const mark = step.sustainable ? '✓' : '✗';
  return `${mark} ${step.offered.toFixed(1)}/s: achieved ${step.achieved.toFixed(1)}/s, p50 ${step.p50Ms.toFixed(1)} ms, p99 ${step.p99Ms.toFixed(1)} ms, errors ${(step.errorRate * 100).toFixed(2)}%${step.sustainable ? '' : ` (${step.broken.join(', ')})`}`;
}
