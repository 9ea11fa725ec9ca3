import { type AutocannonSpec, runAutocannon } from './autocannon-runner.js';
import { runWithCpuTime } from './cpu-time.js';
import { runLaunchday } from './launchday-runner.js';
import { counterOf, counterRateOf, failedRequestsOf } from './launchday-result.js';
import { note } from './log.js';
import { SCENARIOS, SERVERS } from './paths.js';
import type { ProcessGroup } from './process-group.js';
import { runCommand } from './run-command.js';
import { withServer } from './server-process.js';
import { COST_CONNECTIONS, COST_SECONDS } from './settings.js';
import type { CostResult, CostRun, Tool, ToolCost } from './types.js';

/** Start-up allowance on top of a run's planned length before it is stopped as hung (ms). */
const STARTUP_ALLOWANCE_MS = 60_000;

/** The server's JIT warm-up before anything is measured (s). */
const WARM_UP_SECONDS = 2;

/**
 * Part 1: launchday and autocannon each drive the fast server in a closed loop with the same
 * connections, at a short and a long duration, their CPU time measured by the OS. The marginal
 * CPU per request between the two runs leaves out fixed start-up costs.
 */
export async function runCostBench(group: ProcessGroup): Promise<CostResult> {
  return withServer(group, SERVERS.fast, async ({ url }) => {
    note(`cost: warming the server up for ${WARM_UP_SECONDS} s`);
    await runAutocannon(closedLoop(url, WARM_UP_SECONDS), (argv) => runCommand(group, argv, { timeoutMs: timeoutFor(WARM_UP_SECONDS) }));
    const launchday = await toolCost('launchday', (seconds) => launchdayRun(group, url, seconds));
    const autocannon = await toolCost('autocannon', (seconds) => autocannonRun(group, url, seconds));
    const ratio = launchday.marginalUsPerRequest / autocannon.marginalUsPerRequest;
    return { connections: COST_CONNECTIONS, launchday, autocannon, ratio };
  });
}

async function toolCost(tool: Tool, run: (seconds: number) => Promise<CostRun>): Promise<ToolCost> {
  const runs: CostRun[] = [];
  for (const seconds of [COST_SECONDS.short, COST_SECONDS.long]) {
    note(`cost: ${tool} for ${seconds} s`);
    runs.push(await run(seconds));
  }
  const [short, long] = runs as [CostRun, CostRun];
  const marginalUsPerRequest = ((long.cpu.totalS - short.cpu.totalS) / (long.requests - short.requests)) * 1e6;
  return { tool, runs, marginalUsPerRequest, requestsPerSecond: long.requestsPerSecond };
}

async function launchdayRun(group: ProcessGroup, baseUrl: string, seconds: number): Promise<CostRun> {
  const spec = { scenario: SCENARIOS.closedLoop, baseUrl, params: { duration: `${seconds}s` } };
  const { result, outcome } = await runLaunchday(spec, (argv) => runWithCpuTime(group, argv, { timeoutMs: timeoutFor(seconds) }));
  return {
    seconds,
    requests: counterOf(result, 'http_reqs'),
    failed: failedRequestsOf(result),
    cpu: outcome.cpu,
    wallS: outcome.wallMs / 1000,
    requestsPerSecond: counterRateOf(result, 'http_reqs'),
  };
}

async function autocannonRun(group: ProcessGroup, url: string, seconds: number): Promise<CostRun> {
  const { summary, outcome } = await runAutocannon(closedLoop(url, seconds), (argv) => runWithCpuTime(group, argv, { timeoutMs: timeoutFor(seconds) }));
  return {
    seconds,
    requests: summary.requests,
    failed: summary.failures,
    cpu: outcome.cpu,
    wallS: outcome.wallMs / 1000,
    requestsPerSecond: summary.requests / summary.durationS,
  };
}

function closedLoop(url: string, seconds: number): AutocannonSpec {
  return { url: `${url}/`, connections: COST_CONNECTIONS, seconds };
}

/** How long a run of `seconds` may take in all before it is stopped (ms). */
export function timeoutFor(seconds: number): number {
  return seconds * 1000 + STARTUP_ALLOWANCE_MS;
}
