import { describe, expect, it } from 'vitest';
import {
  buildCompareReport,
  HOSTILE_NAME,
  withHostileNames,
} from '../../../test/support/compare-report-fixture.js';
import { escapeHtml } from '../html/html-template.js';
import { loadReportAssets } from '../html/report-assets.js';
import { buildCompareCharts } from './chart-data.js';
import { renderCompareHtml } from './html.js';
import type { CompareData } from './types.js';

const assets = await loadReportAssets();
const report = buildCompareReport('regressed');
const page = renderCompareHtml(report, assets);

function embeddedData(markup: string): CompareData {
  const match = /<script type="application\/json" id="compare-data">([^<]*)<\/script>/.exec(markup);
  return JSON.parse(match![1]!) as CompareData;
}

describe('renderCompareHtml', () => {
  it('is one document that loads nothing, with the run report CSP', () => {
    expect(
      page.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">'),
    ).toBe(true);
    expect(page).toContain('content="default-src &#39;none&#39;; script-src &#39;sha256-');
    const withoutCode = page.replace(/<(script|style)>[\s\S]*?<\/\1>/g, '');
    expect(withoutCode).not.toMatch(/\ssrc=/);
    expect([...withoutCode.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual(['data:,']);
  });

  it('opens with the verdict banner, then the table, the charts and the method', () => {
    const order = ['id="verdict"', 'id="comparisons"', 'id="chart-1"', 'id="method-section"'];
    const at = order.map((marker) => page.indexOf(marker));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(page).toContain(`<strong id="headline">${escapeHtml(report.headline)}</strong>`);
    expect(page).toContain('<span class="badge fail">✗ REGRESSED</span>');
    const clean = renderCompareHtml(buildCompareReport('no-regression'), assets);
    expect(clean).toContain('<span class="badge pass">✓ NO REGRESSION</span>');
    expect(clean).toContain('<li data-kind="machine">');
    expect(clean).not.toContain('id="regressions"');
  });

  it('embeds the charts as JSON, as buildCompareCharts gives them', () => {
    const charts = buildCompareCharts(report).flatMap((group) => group.charts);
    expect(embeddedData(page)).toEqual({ charts });
    for (const chart of charts)
      expect(page).toContain(`<div class="chart" id="${chart.id}"></div>`);
  });

  it('escapes every name from the report, in markup and in the embedded JSON', () => {
    const hostile = renderCompareHtml(withHostileNames(report), assets);
    expect(hostile).not.toContain('<img');
    expect(hostile).toContain(escapeHtml(HOSTILE_NAME));
    const titles = embeddedData(hostile).charts.map((chart) => chart.title);
    expect(titles).toContain(`${HOSTILE_NAME}: latency by percentile`);
  });

  it('is deterministic', () => {
    expect(renderCompareHtml(buildCompareReport('regressed'), assets)).toBe(page);
  });
});
