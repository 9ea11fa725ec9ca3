import { failedRequestsOf } from '../common/launchday-result.js';
import { runLaunchday } from '../common/launchday-runner.js';
import { processCpuSeconds } from '../common/process-cpu.js';
import type { ProcessGroup } from '../common/process-group.js';
import { runCommand } from '../common/run-command.js';
import type { ListeningServer } from './listening-server.js';
import { SCENARIOS } from './paths.js';
import type { PhaseResult } from './types.js';

/** Start-up and setup allowance on top of a phase's planned length (ms). */
const PHASE_ALLOWANCE_MS = 120_000;

/**
 * Runs one phase's scenario with launchday (on the generator core) against `server` for
 * `seconds`, and reads the server's CPU time around it: throughput, latency of the phase's
 * request name, and the server's CPU per request.
 */
export async function runPhase(
  group: ProcessGroup,
  server: ListeningServer,
  phase: PhaseResult['phase'],
  seconds: number,
  params: Readonly<Record<string, string | number>> = {},
): Promise<PhaseResult> {
  const cpuBefore = await processCpuSeconds(server.pid);
  const spec = {
    scenario: SCENARIOS[phase],
    baseUrl: server.url,
    params: { duration: `${seconds}s`, ...params },
  };
  const { result } = await runLaunchday(spec, (argv) =>
    runCommand(group, argv, { timeoutMs: seconds * 1000 + PHASE_ALLOWANCE_MS }),
  );
  const cpuSeconds = (await processCpuSeconds(server.pid)) - cpuBefore;
  const row = result.summary.requests.find((request) => request.name === phase);
  if (row === undefined) throw new Error(`the ${phase} phase recorded no '${phase}' request`);
  return {
    phase,
    requests: row.count,
    failed: failedRequestsOf(result),
    requestsPerSecond: row.rate,
    p50: row.p50,
    p99: row.p99,
    // Setup's FEED_READERS logins (~3 ms of scrypt each) stay in: well under 1% of a phase.
    serverCpuUsPerRequest: (cpuSeconds / row.count) * 1e6,
  };
}
