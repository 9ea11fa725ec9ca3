import { describe, expect, it } from 'vitest';
import { buildHistoryFixture } from '../../../test/support/history-fixture.js';
import type { HistoryReport } from '../../compare/history-types.js';
import { buildHistoryCharts, segmentMeans } from './chart-data.js';
import { historyChartOptions } from './history-client.js';
import { renderHistoryHtml } from './html.js';

const ASSETS = { uplotScript: 'window.uPlot = function () {};', uplotCss: '.u-legend {}' };
const HOSTILE = '</script><img src=x onerror="window.__pwned=1">';

describe('renderHistoryHtml', () => {
  const report = buildHistoryFixture();
  const page = renderHistoryHtml(report, ASSETS);

  it('is one self-contained page: assets inlined, data embedded, nothing loaded', () => {
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain(ASSETS.uplotScript);
    expect(page).toContain('default-src &#39;none&#39;');
    expect(page).toContain('<script type="application/json" id="history-data">');
    expect(page).not.toMatch(/<script src|<link rel="stylesheet"/);
    expect(page).toContain('startHistoryReport(window, readPalette)');
  });

  it('lists the change points and marks the change cells of the runs table', () => {
    expect(page).toContain(
      '<li data-key="http_req_duration{name:feed}:p(99)" data-position="13" data-direction="rose" data-worse="true">',
    );
    expect(page).toContain('p(99) of feed rose 19% at run 13 (commit c13)');
    expect(page.match(/class="num change fail-text"/g)).toHaveLength(1);
    expect(page.match(/<tr data-position=/g)).toHaveLength(20);
    expect(page).toContain('<div class="chart" id="chart-1"></div>');
    expect(page).toContain('<div class="chart" id="chart-2"></div>');
  });

  it('escapes every name from the runs', () => {
    const hostile: HistoryReport = {
      ...report,
      source: HOSTILE,
      runs: report.runs.map((run) => ({ ...run, runId: HOSTILE, tag: HOSTILE })),
    };
    const html = renderHistoryHtml(hostile, ASSETS);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;/script&gt;&lt;img src=x');
  });

  it('is deterministic', () => {
    expect(renderHistoryHtml(buildHistoryFixture(), ASSETS)).toBe(page);
  });
});

describe('buildHistoryCharts', () => {
  const report = buildHistoryFixture();

  it('charts each metric over the runs with its segment means and change points', () => {
    const [group] = buildHistoryCharts(report);
    expect(group!.charts.map((c) => c.id)).toEqual(['chart-1', 'chart-2']);
    const [feed] = group!.charts;
    expect(feed!.x).toEqual(report.runs.map((r) => r.position));
    expect(feed!.runLabels[12]).toBe('c13');
    expect(feed!.changes).toEqual([{ position: 13, worse: true }]);
    expect(feed!.series.map((s) => s.dashed)).toEqual([false, true]);
    const means = feed!.series[1]!.values;
    const change = report.metrics[0]!.changes[0]!;
    expect(means.slice(0, 12).every((m) => m === change.before.mean)).toBe(true);
    expect(means.slice(12).every((m) => m === change.after.mean)).toBe(true);
  });

  it('gives runs without a value no segment mean, and one level without change points', () => {
    const metric = { ...report.metrics[1]!, values: [20, null, 22] };
    expect(segmentMeans(metric)).toEqual([21, null, 21]);
  });
});

describe('historyChartOptions', () => {
  it('spans the runs with half a run of margin, and names runs in the legend', () => {
    const [chart] = buildHistoryCharts(buildHistoryFixture())[0]!.charts;
    const palette = {
      text: '#000',
      grid: '#ccc',
      series: ['#111', '#222', '#333', '#444', '#555'],
    };
    const options = historyChartOptions(
      chart!,
      palette,
      { worse: 'red', better: 'green' },
      900,
    ) as {
      scales: { x: { range: () => number[] } };
      series: { value?: (u: unknown, x: number | null) => string; stroke?: string }[];
      hooks: { draw: unknown[] };
    };
    expect(options.scales.x.range()).toEqual([0.5, 20.5]);
    expect(options.series[0]!.value!(null, 13)).toBe('run 13 (c13)');
    expect(options.series.slice(1).map((s) => s.stroke)).toEqual(['#111', '#555']);
    expect(options.hooks.draw).toHaveLength(1);
  });
});
