import { cpus, loadavg } from 'node:os';
import type { Machine } from './types.js';

/** The machine running the benchmark: CPU model, core count, Node version, platform, load. */
export function describeMachine(): Machine {
  return {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    loadAverage: loadavg().map((load) => Math.round(load * 100) / 100),
  };
}
