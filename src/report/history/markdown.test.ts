import { describe, expect, it } from 'vitest';
import { buildHistoryFixture } from '../../../test/support/history-fixture.js';
import type { HistoryReport } from '../../compare/history-types.js';
import { renderHistoryMarkdown } from './markdown.js';

describe('renderHistoryMarkdown', () => {
  const report = buildHistoryFixture();
  const markdown = renderHistoryMarkdown(report);

  it('puts the change points first, as sentences with their figures', () => {
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('## History of runs');
    expect(lines[2]).toBe(
      '20 runs of signup-spike, ordered by commit; 1 change point in 2 metrics.',
    );
    expect(lines[4]).toBe(
      '- ❌ **p(99) of feed rose 19% at run 13 (commit c13)**: 40.7 ms → 48.3 ms (means of 12 and 8 runs), p=0.005',
    );
    expect(markdown).toContain('No change point: p(99) of signup.');
  });

  it('tables the runs with a bold, arrowed cell where a change starts', () => {
    const rows = markdown.split('\n').filter((line) => /^\| \d+ \|/.test(line));
    expect(rows).toHaveLength(20);
    expect(rows[12]).toBe(
      '| 13 | `run-13` | 2026-11-02T09:12:00.000Z | c13 | **▲ 48.0 ms** | 20.0 ms |',
    );
    expect(markdown).toContain('| # | run | started | commit | p(99) of feed | p(99) of signup |');
    expect(markdown).toContain('|---:|:---|:---|:---|---:|---:|');
    expect(markdown.endsWith('</sub>\n')).toBe(true);
  });

  it('escapes names from the runs', () => {
    const hostile: HistoryReport = {
      ...report,
      source: 'runs/<b>*x*</b>',
      runs: report.runs.map((run) => ({ ...run, tag: `|${run.tag}_` })),
    };
    const text = renderHistoryMarkdown(hostile);
    expect(text).toContain('## History of runs/\\<b\\>\\*x\\*\\</b\\>');
    expect(text).toContain('| \\|c13\\_ |');
  });

  it('is deterministic', () => {
    expect(renderHistoryMarkdown(buildHistoryFixture())).toBe(markdown);
  });
});
