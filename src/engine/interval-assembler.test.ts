import { describe, expect, it } from 'vitest';
import type { IntervalSnapshot } from '../metrics/types.js';
import { IntervalAssembler } from './interval-assembler.js';

function snapshot(workerIndex: number, index: number): IntervalSnapshot {
  return { workerIndex, index, series: [], workloads: {}, errors: [], eventLoopUtilization: 0 };
}

describe('IntervalAssembler', () => {
  it('hands on an interval once every running worker has sent it, in order', () => {
    const seen: Array<[number, number[]]> = [];
    const assembler = new IntervalAssembler(2, (index, list) =>
      seen.push([index, list.map((s) => s.workerIndex)]),
    );
    assembler.add(snapshot(0, 0));
    assembler.add(snapshot(0, 1));
    expect(seen).toEqual([]);
    assembler.add(snapshot(1, 0));
    expect(seen).toEqual([[0, [0, 1]]]);
    assembler.add(snapshot(1, 1));
    expect(seen).toEqual([
      [0, [0, 1]],
      [1, [0, 1]],
    ]);
  });

  it('stops waiting for a lost worker, handing on what the others sent', () => {
    const seen: Array<[number, number[]]> = [];
    const assembler = new IntervalAssembler(2, (index, list) =>
      seen.push([index, list.map((s) => s.workerIndex)]),
    );
    assembler.add(snapshot(0, 0));
    assembler.add(snapshot(0, 1));
    assembler.lost(1);
    expect(seen).toEqual([
      [0, [0]],
      [1, [0]],
    ]);
  });

  it('stops waiting for a worker after its last snapshot and flushes what is left', () => {
    const seen: number[] = [];
    const assembler = new IntervalAssembler(2, (index) => seen.push(index));
    assembler.add(snapshot(1, 0), true);
    assembler.add(snapshot(0, 0));
    assembler.add(snapshot(0, 1));
    expect(seen).toEqual([0, 1]);
    assembler.add(snapshot(0, 3));
    assembler.flush();
    expect(seen).toEqual([0, 1, 3]);
  });
});
