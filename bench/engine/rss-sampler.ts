import { readFileSync } from 'node:fs';
import type { RssSample } from './types.js';

/** A running {@link sampleRss}. */
export interface RssSampling {
  /** When sampling started (epoch ms): the origin of every sample's `t`. */
  readonly startedAtMs: number;
  /** Stops sampling (idempotent) and returns the readings so far, in order. */
  stop(): RssSample[];
}

/**
 * Reads process `pid`'s resident set size (VmRSS in /proc/<pid>/status, all its threads) every
 * `everyMs`, from now on, until stopped; `t` counts seconds from the call. A reading that fails
 * because the process has just exited is skipped.
 */
export function sampleRss(pid: number, everyMs: number): RssSampling {
  const startedAtMs = Date.now();
  const samples: RssSample[] = [];
  const timer = setInterval(() => {
    const rssBytes = readRssBytes(pid);
    if (rssBytes !== undefined) samples.push({ t: (Date.now() - startedAtMs) / 1000, rssBytes });
  }, everyMs);
  return {
    startedAtMs,
    stop() {
      clearInterval(timer);
      return samples;
    },
  };
}

/** A running {@link trackPeakRss}. */
export interface PeakRssTracking {
  /** Stops reading (idempotent); the peak RSS read so far in bytes, 0 when none was read. */
  stop(): number;
}

/**
 * Reads the peak resident set size of process `pid` (VmHWM, the kernel's high-water mark of
 * VmRSS over its whole life, all threads) every `everyMs` until stopped or the process is gone.
 * The high-water mark only grows, so the last reading is the peak up to `everyMs` before the
 * process exited.
 */
export function trackPeakRss(pid: number, everyMs: number): PeakRssTracking {
  let peak = 0;
  const read = () => {
    peak = Math.max(peak, readStatusBytes(pid, 'VmHWM') ?? 0);
  };
  const timer = setInterval(read, everyMs);
  read();
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

/** VmRSS of `pid` in bytes, or undefined when the process is gone. */
export function readRssBytes(pid: number): number | undefined {
  return readStatusBytes(pid, 'VmRSS');
}

/** A `kB` field of /proc/<pid>/status in bytes, or undefined when the process is gone. */
function readStatusBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB$`, 'm').exec(status);
  return match === null ? undefined : Number(match[1]) * 1024;
}
