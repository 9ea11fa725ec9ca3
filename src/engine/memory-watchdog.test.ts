import { describe, expect, it } from 'vitest';
import { MemoryWatchdog } from './memory-watchdog.js';

describe('MemoryWatchdog', () => {
  it('says nothing while memory is under its limit', () => {
    const reasons: string[] = [];
    const watchdog = new MemoryWatchdog(Number.MAX_SAFE_INTEGER, (reason) => reasons.push(reason));
    watchdog.check();
    expect(reasons).toEqual([]);
  });

  it('calls once, naming the resident memory and its limit, when the limit is reached', async () => {
    const reasons: string[] = [];
    const watchdog = new MemoryWatchdog(1_000_000, (reason) => reasons.push(reason));
    watchdog.start();
    await new Promise((resolve) => setTimeout(resolve, 350));
    watchdog.check();
    watchdog.stop();
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(
      /^the generator's memory reached \d+ MB, its limit being 1 MB \(--max-memory\)$/,
    );
  });
});
