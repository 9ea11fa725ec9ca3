import { describe, expect, it } from 'vitest';
import {
  buildCompareReport,
  HOSTILE_NAME,
  withHostileNames,
} from '../../../test/support/compare-report-fixture.js';
import { escapeMarkdown } from '../markdown.js';
import { formatBudget, formatChange, formatInterval } from './format.js';
import { renderCompareMarkdown } from './markdown.js';

const regressed = buildCompareReport('regressed');
const clean = buildCompareReport('no-regression');

/** The cells of each table row, split at the pipes that Markdown does not see escaped. */
function tableRows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('| '))
    .map((line) =>
      line
        .slice(2, -2)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
}

describe('renderCompareMarkdown', () => {
  it('opens with the verdict: the headline as a heading, then the counts of each verdict', () => {
    const lines = renderCompareMarkdown(regressed).split('\n');
    expect(lines[0]).toBe(`## ❌ ${escapeMarkdown(regressed.headline)}`);
    expect(lines[2]).toBe('2 regressed, 2 unchanged, 2 inconclusive of 6 compared metrics.');
    const none = renderCompareMarkdown(clean).split('\n');
    expect(none[0]).toBe(`## ✅ ${escapeMarkdown(clean.headline)}`);
    expect(none[2]).toBe('1 improved, 3 unchanged, 1 inconclusive of 5 compared metrics.');
    expect(renderCompareMarkdown(clean)).not.toContain('regressions:');
  });

  it('names every regression with its change, interval and budget, before the table', () => {
    const markdown = renderCompareMarkdown(regressed);
    const items = markdown.split('\n').filter((line) => line.startsWith('- **'));
    const regressions = regressed.comparisons.filter((c) => c.verdict === 'regressed');
    expect(regressions.map((c) => c.requestName)).toEqual(['feed', 'signup']);
    expect(items).toHaveLength(regressions.length);
    regressions.forEach((c, i) => {
      const item = items[i]!;
      expect(item.startsWith(`- **${escapeMarkdown(c.key)}**: `)).toBe(true);
      for (const part of [
        formatChange(c),
        formatInterval(c)!,
        formatBudget(c.budget, c.unit, c.direction),
      ])
        expect(item).toContain(escapeMarkdown(part));
      expect(item).toContain(escapeMarkdown(c.reason));
    });
    expect(markdown.indexOf('**2 regressions:**')).toBeLessThan(markdown.indexOf('| metric |'));
    expect(items[0]).toContain('12.2 ms → 16.8 ms, +37.7% (95% CI +24.0% to +52.0%), p=0.002');
    expect(items[1]).toContain('+3.30 points (95% CI +1.90 points to +4.70 points)');
  });

  it('tables every metric: baseline, candidate, delta with its interval, p, n, budget, verdict', () => {
    const [header, ...rows] = tableRows(renderCompareMarkdown(regressed));
    expect(header).toEqual([
      'metric',
      'baseline',
      'candidate',
      'delta [95% CI]',
      'p',
      'n',
      'budget',
      'verdict',
    ]);
    expect(rows.map((row) => row[0])).toEqual(
      regressed.comparisons.map((c) => escapeMarkdown(c.key)),
    );
    expect(rows.map((row) => row[7])).toEqual([
      '➖ unchanged',
      '❔ inconclusive',
      '❔ inconclusive',
      '❌ regressed',
      '❌ regressed',
      '➖ unchanged',
    ]);
    expect(rows[3]).toEqual([
      'http\\_req\\_duration{name:feed}:p(99)',
      '12.2 ms',
      '16.8 ms',
      '+37.7% \\[+24.0%, +52.0%\\]',
      'p=0.002',
      '2+2 runs, 8,990+9,030 samples',
      '+10% and +1.00 ms',
      '❌ regressed',
    ]);
    const cleanRows = tableRows(renderCompareMarkdown(clean)).slice(1);
    expect(cleanRows.map((row) => row[7])).toContain('✅ improved');
    // p(99.9) of 1,490 requests: no interval and no p-value
    expect(cleanRows[2]!.slice(3, 5)).toEqual(['+39.7%', '–']);
    expect(cleanRows[4]!.slice(1, 3)).toEqual(['200.5/s', '201.1/s']);
  });

  it('ends with the method, its settings and both sides, and lists allowed differences', () => {
    const markdown = renderCompareMarkdown(clean);
    expect(markdown).toContain('- Method: Mann-Whitney U over the runs');
    expect(markdown).toContain('2000 resamples, seed 1); 95% intervals, significant at α = 0.05');
    expect(markdown).toContain('- baseline main: reports/baseline, 5 runs of feed-mix');
    expect(markdown).toContain('> **⚠️ Compared despite these differences (`--allow`):**');
    expect(markdown).toContain(
      `> - machine: ${escapeMarkdown(clean.allowedDifferences[0]!.message)}`,
    );
    expect(renderCompareMarkdown(regressed)).toContain(
      'Block bootstrap over seconds: blocks of 5 s',
    );
    expect(renderCompareMarkdown(regressed)).not.toContain('--allow');
    expect(markdown.endsWith('(compare schema v1).\n')).toBe(true);
  });

  it('escapes names with markup, pipes and entities so they render as written', () => {
    const markdown = renderCompareMarkdown(withHostileNames(regressed));
    expect(markdown).not.toMatch(/(?<!\\)<img/);
    expect(markdown).not.toMatch(/(?<!\\)&amp;/);
    expect(markdown).toContain(escapeMarkdown(HOSTILE_NAME));
    for (const row of tableRows(markdown)) expect(row).toHaveLength(8);
    expect(markdown.split('\n').filter((line) => line.startsWith('- **'))[0]).toContain(
      escapeMarkdown(`http_req_duration{name:${HOSTILE_NAME}}:p(99)`),
    );
  });

  it('is deterministic', () => {
    expect(renderCompareMarkdown(buildCompareReport('regressed'))).toBe(
      renderCompareMarkdown(regressed),
    );
  });
});
