import type { ChildProcess } from 'node:child_process';
import type { RunResult } from 'launchday';
import { counterOf, failedRequestsOf } from '../common/launchday-result.js';
import { runLaunchday } from '../common/launchday-runner.js';
import { note } from '../common/log.js';
import type { ProcessGroup } from '../common/process-group.js';
import { runCommand } from '../common/run-command.js';
import { SCENARIOS, SERVERS } from './paths.js';
import { rssGrowth } from './rss-growth.js';
import { type RssSampling, sampleRss } from './rss-sampler.js';
import { withServer } from './server-process.js';
import { MEMORY_LOAD, runTimeoutMs } from './settings.js';
import type { MemoryResult } from './types.js';

const { rate, sampleEveryMs } = MEMORY_LOAD;

/**
 * Part 3: launchday at a constant arrival rate against the fast server for `seconds`, its RSS
 * read every few seconds from its start; the readings after warm-up are compared with the last
 * ones under load.
 */
export async function runMemoryBench(group: ProcessGroup, seconds: number): Promise<MemoryResult> {
  note(`memory: launchday at ${rate}/s for ${seconds} s, RSS every ${sampleEveryMs / 1000} s`);
  return withServer(group, SERVERS.fast, async ({ url }) => {
    let sampling: RssSampling | undefined;
    const onStart = (child: ChildProcess) => {
      // taskset execs node in place, so this PID is the generator's.
      sampling = sampleRss(child.pid!, sampleEveryMs);
    };
    const spec = {
      scenario: SCENARIOS.openRate,
      baseUrl: url,
      params: { rate, duration: `${seconds}s` },
    };
    const exec = (argv: readonly string[]) =>
      runCommand(group, argv, { timeoutMs: runTimeoutMs(seconds), onStart });
    try {
      const { result } = await runLaunchday(spec, exec);
      const samples = sampling!.stop();
      const loadEndT =
        (Date.parse(result.startedAt) + seconds * 1000 - sampling!.startedAtMs) / 1000;
      return {
        rate,
        seconds,
        ...rssGrowth(samples, loadEndT),
        ...loadFigures(result, seconds),
        samples,
      };
    } finally {
      sampling?.stop();
    }
  });
}

function loadFigures(result: RunResult, seconds: number) {
  const requests = counterOf(result, 'http_reqs');
  const { valid, reasons, schedulerLagP99Ms } = result.generator;
  return {
    achievedRate: requests / seconds,
    requests,
    failed: failedRequestsOf(result),
    dropped: counterOf(result, 'dropped_iterations'),
    droppedInSeconds: result.intervals
      .filter((point) => Object.values(point.workloads).some((w) => w.dropped > 0))
      .map((point) => point.t),
    generator: { valid, reasons, schedulerLagP99Ms },
  };
}
