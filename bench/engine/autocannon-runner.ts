import { GENERATOR_CORE } from '../common/cores.js';
import { nodeScript, pinned } from '../common/paths.js';
import type { CommandOutcome, Exec } from '../common/run-command.js';
import type { TailLatency } from '../common/types.js';
import { AUTOCANNON_CLI } from './paths.js';

/** One autocannon run the benchmark asks for. */
export interface AutocannonSpec {
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  /** `--overallRate`: requests per second over all connections; unset for a closed loop. */
  readonly overallRate?: number;
}

/** The figures the benchmark reads from autocannon's `--json` output. */
export interface AutocannonSummary {
  /** Completed requests. */
  requests: number;
  /** The run's own measured length (s). */
  durationS: number;
  /** When the load started and finished (epoch ms). */
  startMs: number;
  finishMs: number;
  /** Latency percentiles (ms). */
  tail: TailLatency;
  /** Connection errors, timeouts and non-2xx answers, which a clean run has none of. */
  failures: number;
}

/** Runs autocannon on the generator core through `exec`; returns its summary and the outcome. */
export async function runAutocannon<T extends CommandOutcome>(
  spec: AutocannonSpec,
  exec: Exec<T>,
): Promise<{ summary: AutocannonSummary; outcome: T }> {
  const outcome = await exec(
    pinned(GENERATOR_CORE, nodeScript(AUTOCANNON_CLI, autocannonArgs(spec))),
  );
  return { summary: parseAutocannon(outcome.stdout), outcome };
}

function autocannonArgs(spec: AutocannonSpec): string[] {
  const rate = spec.overallRate === undefined ? [] : ['--overallRate', String(spec.overallRate)];
  return [
    '--json',
    '--connections',
    String(spec.connections),
    '--duration',
    String(spec.seconds),
    ...rate,
    spec.url,
  ];
}

/** Reads autocannon's `--json` result (the last JSON line on its stdout). */
export function parseAutocannon(stdout: string): AutocannonSummary {
  const line = stdout.trim().split('\n').at(-1) ?? '';
  const json = JSON.parse(line) as {
    requests: { total: number };
    duration: number;
    start: string;
    finish: string;
    latency: { p99: number; p99_9: number };
    errors: number;
    timeouts: number;
    non2xx: number;
  };
  return {
    requests: json.requests.total,
    durationS: json.duration,
    startMs: Date.parse(json.start),
    finishMs: Date.parse(json.finish),
    tail: { p99: json.latency.p99, 'p99.9': json.latency.p99_9 },
    failures: json.errors + json.timeouts + json.non2xx,
  };
}
