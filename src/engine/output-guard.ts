import type { IntervalPoint, RunResult } from '../core/result.js';
import type { LiveState, Output, RunStart } from '../outputs/types.js';

/**
 * The run's live outputs, each kept apart from the run: an output that throws (or rejects) is
 * reported once through `onProblem` and called no more, so a broken dashboard feed never costs
 * the run or its result.
 */
export class OutputGuard {
  private readonly failed = new Set<Output>();

  constructor(
    private readonly outputs: readonly Output[],
    private readonly onProblem: (message: string) => void = (message) =>
      process.stderr.write(`launchday: ${message}\n`),
  ) {}

  /** Tells every output the load starts. */
  async start(start: RunStart): Promise<void> {
    for (const output of this.outputs) await this.call(output, () => output.start?.(start));
  }

  /** Hands every output the second that just ended; never blocks. */
  interval(point: IntervalPoint, live: LiveState): void {
    for (const output of this.outputs) void this.call(output, () => output.interval?.(point, live));
  }

  /** Hands every output the result, one after the other. */
  async end(result: RunResult): Promise<void> {
    for (const output of this.outputs) await this.call(output, () => output.end?.(result));
  }

  private async call(output: Output, step: () => void | Promise<void>): Promise<void> {
    if (this.failed.has(output)) return;
    try {
      await step();
    } catch (error) {
      this.failed.add(output);
      const detail = error instanceof Error ? error.message : String(error);
      this.onProblem(
        `the ${output.constructor.name} output failed and was set aside for the rest of the run: ${detail}`,
      );
    }
  }
}
