import { describe, expect, it } from 'vitest';
import { buildRunResult } from '../../test/support/run-result-fixture.js';
import type { Output } from '../outputs/types.js';
import { OutputGuard } from './output-guard.js';

describe('OutputGuard', () => {
  it('sets aside an output that throws, reports it once, and keeps feeding the others', async () => {
    const result = buildRunResult();
    const point = result.intervals[0]!;
    const live = { elapsedMs: 1000, thresholds: [], series: [], service: null };
    const seen: string[] = [];
    class Flaky implements Output {
      interval(): void {
        seen.push('flaky');
        throw new Error('socket closed');
      }
      end(): void {
        seen.push('flaky end');
      }
    }
    const healthy: Output = {
      interval: () => void seen.push('healthy'),
      end: async () => void seen.push('healthy end'),
    };
    const problems: string[] = [];
    const guard = new OutputGuard([new Flaky(), healthy], (message) => problems.push(message));
    guard.interval(point, live);
    guard.interval(point, live);
    await guard.end(result);
    expect(seen).toEqual(['flaky', 'healthy', 'healthy', 'healthy end']);
    expect(problems).toEqual([
      'the Flaky output failed and was set aside for the rest of the run: socket closed',
    ]);
  });

  it('sets aside an output whose start or end rejects', async () => {
    const problems: string[] = [];
    const failing: Output = {
      start: async () => {
        throw new Error('no route to Prometheus');
      },
    };
    const guard = new OutputGuard([failing], (message) => problems.push(message));
    await guard.start({ runId: 'r', run: buildRunResult().config as never, startAt: 0 });
    await guard.end(buildRunResult());
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('no route to Prometheus');
  });
});
