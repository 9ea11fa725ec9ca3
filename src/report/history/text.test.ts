import { describe, expect, it } from 'vitest';
import { buildHistoryFixture } from '../../../test/support/history-fixture.js';
import { stripAnsi } from '../ansi.js';
import { renderHistoryText } from './text.js';

describe('renderHistoryText', () => {
  const report = buildHistoryFixture();
  const text = renderHistoryText(report);
  const lines = text.split('\n');

  it('tables every run in order with its tag and values, marking where a change starts', () => {
    const header = lines.find((line) => line.trim().startsWith('#'))!;
    expect(
      header
        .trim()
        .split(/\s{2,}/)
        .map((cell) => cell.trim()),
    ).toEqual(['#', 'run', 'started', 'commit', 'p(99) of feed', 'p(99) of signup']);
    const rows = lines.filter((line) => /^\s+\d+\s+run-/.test(line));
    expect(rows).toHaveLength(20);
    expect(rows[12]).toMatch(
      /^\s+13\s+run-13\s+2026-11-02T09:12:00.000Z\s+c13\s+▲ 48.0 ms\s+20.0 ms$/,
    );
    expect(rows.filter((row) => row.includes('▲') || row.includes('▼'))).toHaveLength(1);
  });

  it('says each change point as a sentence with its figures, and the steady metrics', () => {
    expect(text).toContain(
      '  ✗ p(99) of feed rose 19% at run 13 (commit c13): 40.7 ms → 48.3 ms (means of 12 and 8 runs), p=0.005\n',
    );
    expect(text).toContain('No change point: p(99) of signup.\n');
    expect(lines[1]).toBe(
      '20 runs of signup-spike, ordered by commit; 1 change point in 2 metrics.',
    );
    expect(text).toMatch(/E-divisive means .* 199 permutations \(seed 24301\).*at least 3 runs/);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('leaves out the tag column without a tag, and colours only when asked', () => {
    const plain = renderHistoryText(buildHistoryFixture({ tag: null }));
    expect(plain).not.toContain('commit');
    expect(plain).toContain('at run 13 (run-13)');
    const coloured = renderHistoryText(report, { color: true });
    expect(coloured).toContain('\x1b[31m✗\x1b[39m');
    expect(stripAnsi(coloured)).toBe(text);
  });

  it('says when no change point was found', () => {
    const none = renderHistoryText(buildHistoryFixture({ permutations: 9 }));
    expect(none).not.toContain('Change points:');
    expect(none).toContain('no change points in 2 metrics');
    expect(none).toContain('No change point: p(99) of feed, p(99) of signup.');
  });
});
