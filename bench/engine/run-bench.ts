import { describeMachine } from '../common/machine.js';
import type { ProcessGroup } from '../common/process-group.js';
import { runAccuracyBench } from './accuracy-bench.js';
import { runCostBench } from './cost-bench.js';
import { runHostileBench } from './hostile-bench.js';
import { runMemoryBench } from './memory-bench.js';
import type { BenchOptions, BenchReport } from './types.js';

/**
 * Runs the parts `options` selects, in order, every process in `group`, and returns the
 * report. The caller stops the group whatever happens.
 */
export async function runBench(options: BenchOptions, group: ProcessGroup): Promise<BenchReport> {
  const report: BenchReport = {
    benchmark: 'engine',
    startedAt: new Date().toISOString(),
    machine: describeMachine(),
    options: { parts: options.parts, memorySeconds: options.memorySeconds },
  };
  for (const part of options.parts) {
    if (part === 'cost') report.cost = await runCostBench(group);
    if (part === 'accuracy') report.accuracy = await runAccuracyBench(group);
    if (part === 'memory') report.memory = await runMemoryBench(group, options.memorySeconds);
    if (part === 'hostile') report.hostile = await runHostileBench(group);
  }
  return report;
}
