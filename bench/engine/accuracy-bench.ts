import type { RunResult } from 'launchday';
import { counterOf, failedRequestsOf, requestTailOf } from '../common/launchday-result.js';
import { runLaunchday } from '../common/launchday-runner.js';
import { note } from '../common/log.js';
import type { ProcessGroup } from '../common/process-group.js';
import { runCommand } from '../common/run-command.js';
import { percentOff } from '../common/stats.js';
import type { TailLatency } from '../common/types.js';
import { runAutocannon } from './autocannon-runner.js';
import { freezeTruth, tailErrorPct } from './freeze-truth.js';
import { SCENARIOS, SERVERS } from './paths.js';
import { type ServerProcess, withServer } from './server-process.js';
import { ACCURACY_LOAD, FREEZE_SCHEDULE, OPEN_CONNECTIONS, runTimeoutMs } from './settings.js';
import type { AccuracyResult, AccuracyRun, FreezeWindow, Tool } from './types.js';

const { rate, seconds } = ACCURACY_LOAD;

/**
 * Part 2: launchday at a constant arrival rate against the freezing server, then autocannon
 * with `--overallRate` against a fresh one; each tool's reported p99 and p99.9 beside the truth
 * derived from the freeze schedule.
 */
export async function runAccuracyBench(group: ProcessGroup): Promise<AccuracyResult> {
  const truth = freezeTruth(FREEZE_SCHEDULE);
  note(
    `accuracy: launchday at ${rate}/s for ${seconds} s against a server freezing ${FREEZE_SCHEDULE.freezeMs} ms every ${FREEZE_SCHEDULE.periodMs} ms`,
  );
  const launchday = await withServer(group, SERVERS.freezing, (server) =>
    launchdayAccuracy(group, server, truth),
  );
  note(
    `accuracy: autocannon --overallRate ${rate} for ${seconds} s against a fresh freezing server`,
  );
  const autocannon = await withServer(group, SERVERS.freezing, (server) =>
    autocannonAccuracy(group, server, truth),
  );
  return {
    connections: OPEN_CONNECTIONS,
    seconds,
    schedule: { ...FREEZE_SCHEDULE },
    analytic: truth,
    launchday,
    autocannon,
  };
}

async function launchdayAccuracy(
  group: ProcessGroup,
  server: ServerProcess,
  truth: TailLatency,
): Promise<AccuracyRun> {
  const spec = {
    scenario: SCENARIOS.openRate,
    baseUrl: server.url,
    params: { rate, duration: `${seconds}s` },
  };
  const { result } = await runLaunchday(spec, (argv) =>
    runCommand(group, argv, { timeoutMs: runTimeoutMs(seconds) }),
  );
  const window = runWindow(result);
  return accuracyRun('launchday', {
    requests: counterOf(result, 'http_reqs'),
    failed: failedRequestsOf(result),
    dropped: counterOf(result, 'dropped_iterations'),
    reported: requestTailOf(result),
    truth,
    freezes: within(server.freezes, window.startMs, window.endMs),
  });
}

async function autocannonAccuracy(
  group: ProcessGroup,
  server: ServerProcess,
  truth: TailLatency,
): Promise<AccuracyRun> {
  const spec = { url: `${server.url}/`, connections: OPEN_CONNECTIONS, seconds, overallRate: rate };
  const { summary } = await runAutocannon(spec, (argv) =>
    runCommand(group, argv, { timeoutMs: runTimeoutMs(seconds) }),
  );
  return accuracyRun('autocannon', {
    requests: summary.requests,
    failed: summary.failures,
    dropped: null,
    reported: summary.tail,
    truth,
    freezes: within(server.freezes, summary.startMs, summary.finishMs),
  });
}

type Measured = Pick<
  AccuracyRun,
  'requests' | 'failed' | 'dropped' | 'reported' | 'truth' | 'freezes'
>;

function accuracyRun(tool: Tool, measured: Measured): AccuracyRun {
  const achievedRate = measured.requests / seconds;
  return {
    tool,
    targetRate: rate,
    achievedRate,
    rateErrorPct: percentOff(achievedRate, rate),
    ...measured,
    errorPct: tailErrorPct(measured.reported, measured.truth),
  };
}

/** The epoch-ms span of a launchday run, from its result. */
function runWindow(result: RunResult): { startMs: number; endMs: number } {
  return { startMs: Date.parse(result.startedAt), endMs: Date.parse(result.endedAt) };
}

function within(freezes: readonly FreezeWindow[], startMs: number, endMs: number): FreezeWindow[] {
  return freezes.filter((freeze) => freeze.endMs > startMs && freeze.startMs < endMs);
}
