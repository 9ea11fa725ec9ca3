import { readFileSync } from 'node:fs';
import type { RssSample } from './types.js';

/**
 * Reads process `pid`'s resident set size (VmRSS in /proc/<pid>/status, all its threads) every
 * `everyMs`, from now on, until stopped; `t` counts seconds from the call. A reading that fails
 * because the process has just exited is skipped.
 */
export function sampleRss(pid: number, everyMs: number): { stop(): RssSample[] } {
  const startedMs = performance.now();
  const samples: RssSample[] = [];
  const timer = setInterval(() => {
    const rssBytes = readRssBytes(pid);
    if (rssBytes !== undefined) samples.push({ t: (performance.now() - startedMs) / 1000, rssBytes });
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return samples;
    },
  };
}

/** VmRSS of `pid` in bytes, or undefined when the process is gone. */
export function readRssBytes(pid: number): number | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return match === null ? undefined : Number(match[1]) * 1024;
}
