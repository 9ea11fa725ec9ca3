import { runWithCpuTime } from '../common/cpu-time.js';
import { counterOf, counterRateOf, failedRequestsOf } from '../common/launchday-result.js';
import { runLaunchday } from '../common/launchday-runner.js';
import { note } from '../common/log.js';
import type { ProcessGroup } from '../common/process-group.js';
import { runCommand } from '../common/run-command.js';
import { median } from '../common/stats.js';
import { type AutocannonSpec, runAutocannon } from './autocannon-runner.js';
import { SCENARIOS, SERVERS } from './paths.js';
import { withServer } from './server-process.js';
import { COST_CONNECTIONS, COST_ROUNDS, COST_SECONDS, runTimeoutMs } from './settings.js';
import type { CostResult, CostRun, Tool, ToolCost } from './types.js';

/** The server's JIT warm-up before anything is measured (s). */
const WARM_UP_SECONDS = 2;

/** Runs one tool's closed loop for `seconds` in `round` and measures it. */
type CostRunner = (round: number, seconds: number) => Promise<CostRun>;

/**
 * Part 1: launchday and autocannon each drive the fast server in a closed loop with the same
 * connections, at a short and a long duration, their CPU time measured by the OS. The marginal
 * CPU per request between the two runs of a round leaves out fixed start-up costs. The ratio
 * is taken per round, between runs minutes apart, and the median over the rounds is the figure:
 * the machine's speed drifts far more between rounds than within one.
 */
export async function runCostBench(group: ProcessGroup): Promise<CostResult> {
  return withServer(group, SERVERS.fast, async ({ url }) => {
    note(`cost: warming the server up for ${WARM_UP_SECONDS} s`);
    const warmUp = (argv: readonly string[]) =>
      runCommand(group, argv, { timeoutMs: runTimeoutMs(WARM_UP_SECONDS) });
    await runAutocannon(closedLoop(url, WARM_UP_SECONDS), warmUp);
    const runs = await runRounds({
      launchday: (round, seconds) => launchdayRun(group, url, round, seconds),
      autocannon: (round, seconds) => autocannonRun(group, url, round, seconds),
    });
    const launchday = toolCost('launchday', runs.launchday);
    const autocannon = toolCost('autocannon', runs.autocannon);
    const roundRatios = launchday.roundMarginalsUsPerRequest.map(
      (usPerRequest, round) => usPerRequest / autocannon.roundMarginalsUsPerRequest[round]!,
    );
    return {
      connections: COST_CONNECTIONS,
      launchday,
      autocannon,
      roundRatios,
      ratio: median(roundRatios),
    };
  });
}

async function runRounds(runners: Record<Tool, CostRunner>): Promise<Record<Tool, CostRun[]>> {
  const runs: Record<Tool, CostRun[]> = { launchday: [], autocannon: [] };
  for (let round = 1; round <= COST_ROUNDS; round++) {
    for (const seconds of [COST_SECONDS.short, COST_SECONDS.long]) {
      for (const tool of ['launchday', 'autocannon'] as const) {
        note(`cost: round ${round}/${COST_ROUNDS}, ${tool} for ${seconds} s`);
        runs[tool].push(await runners[tool](round, seconds));
      }
    }
  }
  return runs;
}

/** The tool's figures from its runs: a (short, long) pair per round, in round order. */
function toolCost(tool: Tool, runs: CostRun[]): ToolCost {
  const rounds = Array.from({ length: COST_ROUNDS }, (_, index) =>
    runs.filter((run) => run.round === index + 1),
  );
  const roundMarginalsUsPerRequest = rounds.map(([short, long]) =>
    marginalUsPerRequest(short!, long!),
  );
  const longRates = rounds.map(([, long]) => long!.requestsPerSecond);
  return {
    tool,
    runs,
    roundMarginalsUsPerRequest,
    marginalUsPerRequest: median(roundMarginalsUsPerRequest),
    requestsPerSecond: median(longRates),
  };
}

/** ΔCPU / Δrequests between two runs (µs per request). */
function marginalUsPerRequest(short: CostRun, long: CostRun): number {
  return ((long.cpu.totalS - short.cpu.totalS) / (long.requests - short.requests)) * 1e6;
}

async function launchdayRun(
  group: ProcessGroup,
  baseUrl: string,
  round: number,
  seconds: number,
): Promise<CostRun> {
  const spec = { scenario: SCENARIOS.closedLoop, baseUrl, params: { duration: `${seconds}s` } };
  const { result, outcome } = await runLaunchday(spec, (argv) =>
    runWithCpuTime(group, argv, { timeoutMs: runTimeoutMs(seconds) }),
  );
  return {
    round,
    seconds,
    requests: counterOf(result, 'http_reqs'),
    failed: failedRequestsOf(result),
    cpu: outcome.cpu,
    wallS: outcome.wallMs / 1000,
    requestsPerSecond: counterRateOf(result, 'http_reqs'),
  };
}

async function autocannonRun(
  group: ProcessGroup,
  url: string,
  round: number,
  seconds: number,
): Promise<CostRun> {
  const { summary, outcome } = await runAutocannon(closedLoop(url, seconds), (argv) =>
    runWithCpuTime(group, argv, { timeoutMs: runTimeoutMs(seconds) }),
  );
  return {
    round,
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
