import { join, resolve } from 'node:path';
import { createRunId, type RunScenarioOptions } from '../api.js';
import { resolveRun } from '../config/resolve-run.js';
import type { ResolvedRun } from '../config/types.js';
import { LaunchdayError } from '../core/errors.js';
import type { Output } from '../outputs/types.js';
import { loadScenario } from '../scenario/index.js';
import { buildCapacityReport } from './build-report.js';
import { loadForecast } from './forecast.js';
import type { PhaseContext } from './phase-run.js';
import { writeCapacityReport } from './report/index.js';
import { SEARCH_DEFAULTS, type SearchSettings, searchCapacity } from './search.js';
import { parseSlo } from './slo.js';
import { sampleUsage } from './target-usage.js';
import type { CapacityReport, CapacityStep } from './types.js';

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
 */
export async function runCapacity(
  scenarioFile: string,
  options: CapacityOptions,
): Promise<CapacityOutcome> {
  const {
    slos: sloTexts,
    workload,
    forecast: forecastFile,
    settings,
    onPhase,
    onLevel,
    ...rest
  } = options;
  if (sloTexts.length === 0)
    throw new LaunchdayError('LAUNCHDAY_ERR_USAGE', 'capacity needs at least one --slo', {
      hint: "e.g. --slo 'p(99)<250ms' --slo 'http_req_failed<0.1%'",
    });
  const slos = sloTexts.map(parseSlo);
  const forecast = forecastFile === undefined ? null : await loadForecast(forecastFile);
  const loaded = await loadScenario(scenarioFile);
  const { outputs, signal, ...runOptions } = rest;
  const run = resolveRun(loaded, runOptions);
  const driven = drivenWorkload(run, workload);
  const runId = createRunId(`capacity-${run.scenario.name}`);
  const dir = resolve(run.outDir, runId);
  const context: PhaseContext = {
    loaded,
    workload: driven,
    otherWorkloads: run.workloads.map(({ name }) => name).filter((name) => name !== driven),
    slos,
    runOptions: { ...runOptions, outDir: join(dir, 'runs') },
    outputs,
    metricsUrl: await metricsUrlOf(run.baseUrl),
    signal,
    onLevel,
  };
  const outcome = await searchCapacity(context, { ...SEARCH_DEFAULTS, ...settings }, onPhase);
  const report = buildCapacityReport({
    runId,
    scenario: { name: run.scenario.name, file: run.scenario.file, workload: driven },
    slos,
    outcome,
    forecast,
    createdAt: new Date(),
  });
  return { report, dir, files: await writeCapacityReport(report, dir) };
}

function drivenWorkload(run: ResolvedRun, asked: string | undefined): string {
  const arrivalRate = run.workloads.filter(({ plan }) => plan.model === 'arrival-rate');
  const found = asked === undefined ? arrivalRate[0] : arrivalRate.find((w) => w.name === asked);
  if (found !== undefined) return found.name;
  const names = arrivalRate.map(({ name }) => name).join(', ') || 'none';
  throw new LaunchdayError(
    'LAUNCHDAY_ERR_USAGE',
    asked === undefined
      ? 'capacity drives an arrival-rate workload, and the scenario has none'
      : `--workload ${asked}: the scenario has no arrival-rate workload of that name`,
    { hint: `the scenario's arrival-rate workloads: ${names}` },
  );
}

/** The target's /metrics when it answers with process metrics, else null. */
async function metricsUrlOf(baseUrl: string | undefined): Promise<string | null> {
  if (baseUrl === undefined) return null;
  const url = new URL('/metrics', baseUrl).href;
  return (await sampleUsage(url)) === null ? null : url;
}
