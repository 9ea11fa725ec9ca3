import { availableParallelism, cpus } from 'node:os';
import type { Machine } from './types.js';

/** The machine running the benchmark: CPU model, core count, Node version, platform. */
export function describeMachine(): Machine {
  return {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    node: process.version,
    platform: process.platform,
    arch: process.arch,
  };
}
