import type { ChildProcess } from 'node:child_process';
import { isLaunchdayError, type LaunchdayError } from 'launchday';
import { counterOf, failedRequestsOf } from '../common/launchday-result.js';
import { runLaunchday } from '../common/launchday-runner.js';
import { note } from '../common/log.js';
import type { ProcessGroup } from '../common/process-group.js';
import { type CommandOutcome, type Exec, runCommand } from '../common/run-command.js';
import { runAutocannon } from './autocannon-runner.js';
import { SCENARIOS, SERVERS } from './paths.js';
import { trackPeakRss } from './rss-sampler.js';
import { withServer } from './server-process.js';
import { HOSTILE_LOAD, runTimeoutMs } from './settings.js';
import type { HostileBody, HostileBodyResult, HostileResult, HostileRun } from './types.js';

const { connections, seconds, sampleEveryMs } = HOSTILE_LOAD;

const SERVER_OF: Record<HostileBody, string> = {
  'endless chunked body': SERVERS.endlessBody,
  '1 GB Content-Length': SERVERS.hugeLength,
};

/**
 * Part 4: launchday and autocannon, each in a closed loop with the same connections, against a
 * server whose bodies never end and one announcing 1 GB; the peak RSS of each generator. The
 * two tools face the same server process, one after the other.
 */
export async function runHostileBench(group: ProcessGroup): Promise<HostileResult> {
  const bodies: HostileBodyResult[] = [];
  for (const body of Object.keys(SERVER_OF) as HostileBody[]) {
    bodies.push(
      await withServer(group, SERVER_OF[body], async ({ url }) => {
        note(
          `hostile: ${body}, launchday then autocannon, ${connections} connections, ${seconds} s each`,
        );
        const launchday = await launchdayRun(group, url);
        const autocannon = await autocannonRun(group, url);
        return {
          body,
          launchday,
          autocannon,
          ratio: launchday.peakRssBytes / autocannon.peakRssBytes,
        };
      }),
    );
  }
  return { connections, seconds, bodies };
}

/**
 * Runs one tool through `run`'s command, its peak RSS read while it runs; how the run ended is
 * kept, not thrown, so the peak of a tool that crashed is still reported.
 */
async function withPeakRss<T>(
  group: ProcessGroup,
  run: (exec: Exec<CommandOutcome>) => Promise<T>,
): Promise<{ ended: PromiseSettledResult<T>; peakRssBytes: number }> {
  let peak: ReturnType<typeof trackPeakRss> | undefined;
  // taskset execs node in place, so this PID is the generator's.
  const onStart = (child: ChildProcess) => {
    peak = trackPeakRss(child.pid!, sampleEveryMs);
  };
  const [ended] = await Promise.allSettled([
    run((argv) => runCommand(group, argv, { timeoutMs: runTimeoutMs(seconds), onStart })),
  ]);
  return { ended: ended!, peakRssBytes: peak?.stop() ?? 0 };
}

async function launchdayRun(group: ProcessGroup, url: string): Promise<HostileRun> {
  const spec = {
    scenario: SCENARIOS.hostileBody,
    baseUrl: url,
    params: { duration: `${seconds}s` },
  };
  const { ended, peakRssBytes } = await withPeakRss(group, (exec) => runLaunchday(spec, exec));
  if (ended.status === 'rejected') throw ended.reason;
  const { result } = ended.value;
  const errors = result.summary.requests.flatMap((row) => Object.entries(row.errors));
  return {
    tool: 'launchday',
    peakRssBytes,
    requests: counterOf(result, 'http_reqs'),
    failed: failedRequestsOf(result),
    errorClasses: Object.fromEntries(errors),
    bytesRead: counterOf(result, 'data_received'),
    crashed: null,
  };
}

async function autocannonRun(group: ProcessGroup, url: string): Promise<HostileRun> {
  const spec = { url, connections, seconds };
  const { ended, peakRssBytes } = await withPeakRss(group, (exec) => runAutocannon(spec, exec));
  const run = { tool: 'autocannon', peakRssBytes, errorClasses: null, bytesRead: null } as const;
  if (ended.status === 'fulfilled') {
    const { summary } = ended.value;
    return { ...run, requests: summary.requests, failed: summary.failures, crashed: null };
  }
  // autocannon buffers a body as one string: an endless one ends it with a RangeError.
  if (!isLaunchdayError(ended.reason)) throw ended.reason;
  return { ...run, requests: 0, failed: 0, crashed: crashLine(ended.reason) };
}

/** The error line of a failed command's stderr, else its message. */
function crashLine(error: LaunchdayError): string {
  const stderr = error.issues.find((issue) => issue.path === 'stderr')?.message ?? '';
  return /^\s*(\w*Error\b.*)$/m.exec(stderr)?.[1] ?? error.message;
}
