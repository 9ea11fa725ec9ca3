import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createRunId, type RunScenarioOptions } from '../../api.js';
import { buildCapacityReport } from '../../capacity/build-report.js';
import { drivenWorkload } from '../../capacity/driven-workload.js';
import { answerEstablished } from '../../capacity/findings.js';
import { describePhase, errorText, stopsSearch } from '../../capacity/phase-end.js';
import { parseSlo } from '../../capacity/slo.js';
import type {
  CapacityPhase,
  CapacityReport,
  CapacityStep,
  ScalingPoint,
  SearchOutcome,
} from '../../capacity/types.js';
import { resolveRun } from '../../config/resolve-run.js';
import type { ResolvedRun } from '../../config/types.js';
import { LaunchdayError } from '../../core/errors.js';
import type { Output } from '../../outputs/types.js';
import { loadScenario } from '../../scenario/index.js';
import { createDatabaseBeside } from '../postgres/fresh-database.js';
import {
  type ReferenceTarget,
  startReferenceTarget,
  UNSTARTED_TARGET,
} from '../rehearse/reference-target.js';
import { withShorthands } from '../rehearse/rehearsal-params.js';
import { loadForecast } from './load-forecast.js';
import type { PhaseContext } from './phase-run.js';
import { SEARCH_DEFAULTS, type SearchSettings, searchCapacity } from './search.js';
import { sampleUsage } from './target-usage.js';
import { writeCapacityReport } from './write-report.js';

/** What {@link runCapacity} takes: the run options, the SLOs, and how to search. */
export interface CapacityOptions
  extends Omit<RunScenarioOptions, 'runId' | 'afterRun' | 'workloads' | 'outputs' | 'onResolved'> {
  /** Makes the live outputs of each phase's run (`--out`). */
  readonly outputs?: () => Output[];
  /** `--slo` texts, at least one: `p(99)<250ms`, `http_req_failed<0.1%`. */
  readonly slos: readonly string[];
  /** The workload driven; default the scenario's first arrival-rate workload. */
  readonly workload?: string;
  /** A forecast file (JSON, or a TypeScript/JavaScript module exporting it by default). */
  readonly forecast?: string;
  readonly settings?: Partial<SearchSettings>;
  /** Told each phase as it starts. */
  readonly onPhase?: (message: string) => void;
  /** Told each level as it is measured. */
  readonly onLevel?: (phase: string, step: CapacityStep) => void;
  /**
   * Worker counts to start the reference target with, one search each (`--target-workers
   * 1,2`); when given, `baseUrl` is not used.
   */
  readonly targetWorkers?: readonly number[];
  /** Accounts seeded in the reference target, and the scenario's `users` parameter. */
  readonly users?: number;
  /**
   * With `targetWorkers`: a PostgreSQL database beside which each worker count gets a new
   * empty one (`<name>_<run>_<n>w`), instead of a SQLite file in the run's folder.
   */
  readonly targetDb?: string;
}

/** A finished capacity search: the report and where its files are. */
export interface CapacityOutcome {
  readonly report: CapacityReport;
  /** `<out-dir>/<run-id>/`, with capacity.json, .md, .html, and each phase's run in runs/. */
  readonly dir: string;
  readonly files: { readonly json: string; readonly markdown: string; readonly html: string };
}

/**
 * `launchday capacity`: checks the scenario, the SLOs and the forecast before any load, then
 * searches the limit of the target (see {@link searchCapacity}) and writes the capacity report.
 * With `targetWorkers`, launchday starts the reference target itself (seeded with `users`
 * accounts) once per worker count, searches each, and fits the USL across the counts. The
 * report is written whenever the search ends: finished, stopped by a phase that did not finish
 * cleanly, or interrupted through `signal` (its status says which). Rejects, writing nothing,
 * only for an error before any load was sent (bad input, an unreachable target).
 */
export async function runCapacity(
  scenarioFile: string,
  options: CapacityOptions,
): Promise<CapacityOutcome> {
  const { slos: sloTexts, workload, forecast: forecastFile, settings, ...rest } = options;
  const { onPhase, onLevel, targetWorkers = [], users, targetDb, outputs, signal, ...given } = rest;
  if (sloTexts.length === 0)
    throw new LaunchdayError('LAUNCHDAY_ERR_USAGE', 'capacity needs at least one --slo', {
      hint: "e.g. --slo 'p(99)<250ms' --slo 'http_req_failed<0.1%'",
    });
  if (targetDb !== undefined && targetWorkers.length === 0)
    throw new LaunchdayError('LAUNCHDAY_ERR_USAGE', '--target-db needs --target-workers', {
      hint: 'launchday starts the reference target on the database only with --target-workers 1,2,4; against a target of your own, give --base-url',
    });
  const slos = sloTexts.map(parseSlo);
  const forecast = forecastFile === undefined ? null : await loadForecast(forecastFile);
  const loaded = await loadScenario(scenarioFile);
  const params = withShorthands(loaded.definition.params, given.params ?? {}, { users });
  const runOptions = { ...given, params };
  const startsTarget = targetWorkers.length > 0;
  const run = resolveRun(
    loaded,
    startsTarget ? { ...runOptions, baseUrl: UNSTARTED_TARGET } : runOptions,
  );
  const driven = drivenWorkload(run.workloads, workload).name;
  const runId = createRunId(`capacity-${run.scenario.name}`);
  const dir = resolve(run.outDir, runId);
  const context: PhaseContext = {
    loaded,
    workload: driven,
    otherWorkloads: run.workloads.map(({ name }) => name).filter((name) => name !== driven),
    slos,
    runOptions: { ...runOptions, outDir: join(dir, 'runs') },
    outputs,
    metricsUrl: startsTarget ? null : await metricsUrlOf(run.baseUrl),
    signal,
    onLevel,
    targetWorkers: null,
  };
  const search = (phaseContext: PhaseContext) =>
    searchCapacity(phaseContext, { ...SEARCH_DEFAULTS, ...settings }, onPhase);
  const searched = startsTarget
    ? await searchEachWorkerCount(context, targetWorkers, search, {
        users: users ?? seededUsers(run),
        dir,
        databaseBeside:
          targetDb === undefined
            ? undefined
            : (n) => createDatabaseBeside(targetDb, `${runId.slice(-4)}_${n}w`),
      })
    : searchedOnce(await search(context));
  const report = buildCapacityReport({
    runId,
    scenario: { name: run.scenario.name, file: run.scenario.file, workload: driven },
    slos,
    ...searched,
    forecast,
    createdAt: new Date(),
  });
  return { report, dir, files: await writeCapacityReport(report, dir) };
}

/** What the searches found: the last search, every phase, the answer at each worker count. */
interface Searched {
  readonly outcome: SearchOutcome;
  readonly phases: readonly CapacityPhase[];
  readonly scaling: readonly ScalingPoint[];
}

/** A search before any phase ran: what an interruption before the first one leaves. */
const NOTHING_SEARCHED: SearchOutcome = {
  breakpoint: 0,
  steps: [],
  sustainable: null,
  overload: [],
  phases: [],
  failure: null,
};

/** One search's findings; rejects with its error when its first phase failed before any load. */
function searchedOnce(outcome: SearchOutcome): Searched {
  const [first, ...others] = outcome.phases;
  if (first?.end === 'failed' && others.length === 0 && outcome.failure?.loadSent === false)
    throw outcome.failure.error;
  return { outcome, phases: outcome.phases, scaling: [] };
}

/**
 * Searches the reference target served by each of `counts` workers in turn, each on a fresh
 * database (see {@link TargetPlace}) seeded with `targets.users` accounts, until a phase stops the
 * search; returns the last search, every phase, and the answer at each count whose answer was
 * established. Rejects when nothing was sent yet: the first target did not start, or the first
 * phase failed before any load.
 */
async function searchEachWorkerCount(
  context: PhaseContext,
  counts: readonly number[],
  search: (context: PhaseContext) => Promise<SearchOutcome>,
  targets: TargetPlace,
): Promise<Searched> {
  const phases: CapacityPhase[] = [];
  const scaling: ScalingPoint[] = [];
  let outcome = NOTHING_SEARCHED;
  for (const workers of counts) {
    const target = await startTarget(context.signal, workers, targets);
    if ('phase' in target) {
      if (phases.length === 0 && target.error !== null) throw target.error;
      phases.push(target.phase);
      break;
    }
    const searched = await search({
      ...context,
      targetWorkers: workers,
      runOptions: {
        ...context.runOptions,
        baseUrl: target.url,
        outDir: join(context.runOptions.outDir!, `${workers}w`),
      },
      metricsUrl: `${target.url}/metrics`,
    }).finally(() => target.stop());
    outcome = phases.length === 0 ? searchedOnce(searched).outcome : searched;
    phases.push(...searched.phases);
    if (answerEstablished(searched.phases)) scaling.push(scalingPoint(workers, searched));
    if (searched.phases.some(stopsSearch)) break;
  }
  return { outcome, phases, scaling };
}

/** Where the reference targets of a search across worker counts keep their data. */
interface TargetPlace {
  /** Accounts to seed in each. */
  readonly users: number;
  /** The run's folder: each count's target has its folder (log, SQLite file) in it. */
  readonly dir: string;
  /** Makes the empty database of a worker count, when not a SQLite file (`--target-db`). */
  readonly databaseBeside?: (workers: number) => Promise<string>;
}

/** Starts the reference target with `workers`, or records why not: an error, or `signal`. */
async function startTarget(
  signal: AbortSignal | undefined,
  workers: number,
  { users, dir, databaseBeside }: TargetPlace,
): Promise<ReferenceTarget | { readonly phase: CapacityPhase; readonly error: unknown }> {
  const notStarted = (interrupted: boolean, error: unknown) => ({
    phase: describePhase({
      name: 'start-target',
      workers,
      planned: [],
      measured: [],
      levelS: 0,
      stoppedEarly: false,
      interrupted,
      error: error === null ? null : errorText(error),
      run: null,
    }),
    error,
  });
  if (signal?.aborted) return notStarted(true, null);
  const targetDir = join(dir, `target-${workers}w`);
  try {
    await mkdir(targetDir, { recursive: true });
    const db = await databaseBeside?.(workers);
    return await startReferenceTarget({ dir: targetDir, users, workers, ...(db && { db }) });
  } catch (error) {
    return notStarted(false, error);
  }
}

function scalingPoint(workers: number, outcome: SearchOutcome): ScalingPoint {
  const best = outcome.sustainable;
  return {
    workers,
    maxSustainableRate: best?.offered ?? 0,
    maxSustainableThroughput: best?.throughput ?? 0,
  };
}

/** Accounts to seed: the scenario's `users` parameter when it has one, else 10,000. */
function seededUsers(run: ResolvedRun): number {
  const users = run.params.users;
  return typeof users === 'number' ? users : 10_000;
}

/** The target's /metrics when it answers with process metrics, else null. */
async function metricsUrlOf(baseUrl: string | undefined): Promise<string | null> {
  if (baseUrl === undefined) return null;
  const url = new URL('/metrics', baseUrl).href;
  return (await sampleUsage(url)) === null ? null : url;
}
