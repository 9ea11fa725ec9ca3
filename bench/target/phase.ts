import { failedRequestsOf } from '../common/launchday-result.js';
import { runLaunchday } from '../common/launchday-runner.js';
import type { ProcessGroup } from '../common/process-group.js';
import { runCommand } from '../common/run-command.js';
import type { ListeningServer } from './listening-server.js';
import { SCENARIOS } from './paths.js';
import { cpuWithin, sampleCpuDuring } from './server-side-cpu.js';
import type { PhaseResult, StoreKind } from './types.js';

/** Start-up and setup allowance on top of a phase's planned length (ms). */
const PHASE_ALLOWANCE_MS = 120_000;

/** The server side a phase drives: the listening server and the database behind it. */
export interface PhaseSubject {
  readonly server: ListeningServer;
  /** The feed service's store; null for the constant route. */
  readonly store: StoreKind | null;
  /** The server's processes. */
  readonly processes: number;
  /** The database server's pid when the database runs apart from the service. */
  readonly databasePid: number | null;
}

/**
 * Runs one phase's scenario with launchday (on the generator core) against `subject` for
 * `seconds`: throughput and latency of the phase's request name, and the CPU of the server's
 * and the database's processes while the load ran (from its start in result.json), per
 * request and in cores.
 */
export async function runPhase(
  group: ProcessGroup,
  subject: PhaseSubject,
  phase: PhaseResult['phase'],
  seconds: number,
  params: Readonly<Record<string, string | number>> = {},
): Promise<PhaseResult> {
  const spec = {
    scenario: SCENARIOS[phase],
    baseUrl: subject.server.url,
    params: { duration: `${seconds}s`, ...params },
  };
  const pids = { server: subject.server.pid, database: subject.databasePid };
  const { value, samples } = await sampleCpuDuring(pids, () =>
    runLaunchday(spec, (argv) =>
      runCommand(group, argv, { timeoutMs: seconds * 1000 + PHASE_ALLOWANCE_MS }),
    ),
  );
  const { result } = value;
  const row = result.summary.requests.find((request) => request.name === phase);
  if (row === undefined) throw new Error(`the ${phase} phase recorded no '${phase}' request`);
  if (result.loadStartedAt === undefined)
    throw new Error(`the ${phase} phase's result.json has no loadStartedAt: rebuild launchday`);
  const loadStartMs = Date.parse(result.loadStartedAt);
  const cpu = cpuWithin(samples, loadStartMs, loadStartMs + seconds * 1000);
  // Per request: the load's CPU per second over its requests per second.
  const perRequestUs = (cpuSeconds: number) => (cpuSeconds / cpu.seconds / row.rate) * 1e6;
  return {
    phase,
    store: subject.store,
    processes: subject.processes,
    requests: row.count,
    failed: failedRequestsOf(result),
    errors: row.errors,
    requestsPerSecond: row.rate,
    p50: row.p50,
    p99: row.p99,
    serverCpuUsPerRequest: perRequestUs(cpu.server),
    databaseCpuUsPerRequest: perRequestUs(cpu.database),
    databaseCpuShare: cpu.database / (cpu.server + cpu.database),
    serverSideCores: (cpu.server + cpu.database) / cpu.seconds,
  };
}
