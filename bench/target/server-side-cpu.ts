import { setTimeout as delay } from 'node:timers/promises';
import { processTreeCpuSeconds } from '../common/process-cpu.js';

/** How often the server side's CPU is read while a phase runs (ms). */
const SAMPLE_EVERY_MS = 250;

/** The CPU time (s) the server's and the database's processes had used at `atMs` (epoch). */
export interface CpuSample {
  readonly atMs: number;
  readonly server: number;
  readonly database: number;
}

/** The processes whose CPU is the server side's. */
export interface ServerSidePids {
  readonly server: number;
  /** The database server's, when it runs apart from the service. */
  readonly database: number | null;
}

/**
 * Reads the server side's CPU every SAMPLE_EVERY_MS while `body` runs, so that a phase's CPU
 * can be taken over its load alone, without launchday's start-up and setup before it.
 */
export async function sampleCpuDuring<T>(
  pids: ServerSidePids,
  body: () => Promise<T>,
): Promise<{ value: T; samples: CpuSample[] }> {
  const samples: CpuSample[] = [];
  let running = true;
  const sampling = (async () => {
    while (running) {
      samples.push(await sampleOf(pids));
      await delay(SAMPLE_EVERY_MS);
    }
  })();
  try {
    const value = await body();
    return { value, samples };
  } finally {
    running = false;
    await sampling;
  }
}

async function sampleOf(pids: ServerSidePids): Promise<CpuSample> {
  const atMs = Date.now();
  const [server, database] = await Promise.all([
    processTreeCpuSeconds(pids.server),
    pids.database === null ? 0 : processTreeCpuSeconds(pids.database),
  ]);
  return { atMs, server, database };
}

/** The CPU the server side used between two samples, and the seconds between them. */
export interface WindowCpu {
  readonly seconds: number;
  readonly server: number;
  readonly database: number;
}

/**
 * The server side's CPU within `[startMs, endMs]`: from the first sample at or after the
 * start to the last at or before the end. Throws when fewer than two samples fall inside.
 */
export function cpuWithin(
  samples: readonly CpuSample[],
  startMs: number,
  endMs: number,
): WindowCpu {
  const inside = samples.filter((sample) => sample.atMs >= startMs && sample.atMs <= endMs);
  const first = inside[0];
  const last = inside.at(-1);
  if (first === undefined || last === undefined || first === last)
    throw new Error(
      `fewer than two CPU samples fell within the load (${inside.length} of ${samples.length}): the phase is too short to measure`,
    );
  return {
    seconds: (last.atMs - first.atMs) / 1000,
    server: last.server - first.server,
    database: last.database - first.database,
  };
}
