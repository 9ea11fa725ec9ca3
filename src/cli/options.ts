import type { Command } from 'commander';
import { parseKeyValues } from '../config/env-options.js';
import type { RunOptions } from '../config/types.js';
import { OUT_SPEC_FORMS } from '../outputs/out-spec.js';
import { collect, wholeNumberAtLeast } from './flag-parsers.js';

/**
 * The flags that shape a run's load and data, as commander parses them (`run`, `export k6`):
 * those of {@link addScenarioFlags} and `--allow-host` ({@link addAllowHostFlag}).
 */
export interface ScenarioFlags {
  baseUrl?: string;
  param: string[];
  tag: string[];
  seed?: number;
  allowHost: string[];
}

/** The flags that shape a run where it runs (`run`, `export k8s`): those and `--workers`. */
export interface RunShapeFlags extends ScenarioFlags {
  workers?: number;
}

/** The flags that `run` and the commands built on it share, as commander parses them. */
export interface RunFlags extends RunShapeFlags {
  outDir?: string;
  summaryExport?: string;
  /** `--max-memory`: the generator's memory limit, a size. */
  maxMemory?: string;
  /** `--out` specs: live outputs besides the console (see `parseOutSpec`). */
  out: string[];
  /** `--segment I/N`: this instance's part of a segmented run. */
  segment?: string;
  /** `--start-at ISO-TIME`: when the load starts, for every instance of a segmented run. */
  startAt?: string;
  /** `--target-metrics URL`, or false for `--no-target-metrics`: the service's page to read. */
  targetMetrics?: string | false;
  /** `--target-metric NAME`: series of that page to keep besides the standard ones. */
  targetMetric: string[];
}

/** Adds the flags that shape the load and data (see {@link ScenarioFlags}) to `command`. */
export function addScenarioFlags(command: Command): Command {
  return command
    .option('--base-url <url>', 'where relative URLs go (overrides the scenario)')
    .option('-p, --param <key=value>', 'set a scenario parameter (repeatable)', collect, [])
    .option(
      '--tag <key=value>',
      'add a test-wide tag to every metric, e.g. testid=pr-42 (repeatable)',
      collect,
      [],
    )
    .option(
      '--seed <n>',
      'seed for faker data and Poisson arrivals (reproducible runs)',
      wholeNumberAtLeast(0),
    );
}

/** Adds `--allow-host` to `command`. */
export function addAllowHostFlag(command: Command): Command {
  return command.option(
    '--allow-host <host>',
    'allow a non-loopback target host (repeatable)',
    collect,
    [],
  );
}

/**
 * Adds the flags that shape a run where it runs (see {@link RunShapeFlags}): for `run` and for
 * the commands that write a run for elsewhere (`export k8s`).
 */
export function addRunShapeFlags(command: Command): Command {
  return addAllowHostFlag(
    addScenarioFlags(command).option(
      '--workers <n>',
      'worker threads generating load (default: one per core)',
      wholeNumberAtLeast(0),
    ),
  );
}

/** Adds the run flags to `command`. */
export function addRunFlags(command: Command): Command {
  return addRunShapeFlags(command)
    .option('--out-dir <dir>', 'where run folders are written (default: reports)')
    .option('--summary-export <file>', "also write the summary in k6's --summary-export layout")
    .option(
      '--max-memory <size>',
      "stop the run (status aborted) when the generator's memory nears this, e.g. 2GB (default: 90% of memory)",
    )
    .option('--out <spec>', `stream metrics live (repeatable): ${OUT_SPEC_FORMS}`, collect, [])
    .option(
      '--segment <I/N>',
      "drive segment I of N of the load (or k6's FROM:TO fractions, e.g. 1/3:2/3); N instances together drive it all",
    )
    .option(
      '--start-at <iso-time>',
      'start the load at this time, e.g. 2026-12-04T20:00:00Z (default: now)',
    )
    .option(
      '--target-metrics <url>',
      "read the service's Prometheus page once a second into result.json (default: /metrics beside --base-url, when it answers)",
    )
    .option('--no-target-metrics', "read no page of the service's")
    .option(
      '--target-metric <name>',
      'keep this series of that page too: a counter as a rate, a gauge, a histogram as p99 (repeatable)',
      collect,
      [],
    );
}

/** Turns parsed scenario flags into run options; malformed key=value pairs are usage errors. */
export function scenarioOptionsFrom(flags: ScenarioFlags): RunOptions {
  return {
    baseUrl: flags.baseUrl,
    params: parseKeyValues(flags.param, '--param'),
    tags: parseKeyValues(flags.tag, '--tag'),
    seed: flags.seed,
    // Unset when no --allow-host is given, so LAUNCHDAY_ALLOW_HOSTS applies.
    allowHosts: flags.allowHost.length > 0 ? flags.allowHost : undefined,
  };
}

/** Turns parsed run-shaping flags into run options; malformed key=value pairs are usage errors. */
export function runShapeOptionsFrom(flags: RunShapeFlags): RunOptions {
  return { ...scenarioOptionsFrom(flags), workers: flags.workers };
}

/** Turns parsed flags into run options; malformed key=value pairs are usage errors. */
export function runOptionsFrom(flags: RunFlags): RunOptions {
  return {
    ...runShapeOptionsFrom(flags),
    outDir: flags.outDir,
    summaryExport: flags.summaryExport,
    maxMemory: flags.maxMemory,
    segment: flags.segment,
    startAt: flags.startAt,
    targetMetrics: flags.targetMetrics,
    targetMetricNames: flags.targetMetric.length > 0 ? flags.targetMetric : undefined,
  };
}
