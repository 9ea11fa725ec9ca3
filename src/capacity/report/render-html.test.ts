import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../report/html/html-template.js';
import { loadReportAssets } from '../../report/html/report-assets.js';
import type { CapacityReport } from '../types.js';
import { buildCapacityCharts } from './chart-data.js';
import { buildCapacityReport, HOSTILE_NAME, withHostileNames } from './fixtures.js';
import { unfinishedReport } from './fixtures-phases.js';
import { renderCapacityHtml } from './render-html.js';
import {
  type CapacityColumn,
  OVERLOAD_COLUMNS,
  PHASE_COLUMNS,
  PLAN_COLUMNS,
  STEP_COLUMNS,
} from './tables.js';
import type { CapacityData } from './types.js';

const assets = await loadReportAssets();
const report = buildCapacityReport();
const page = renderCapacityHtml(report, assets);

function inlineElements(markup: string, tag: 'script' | 'style'): string[] {
  return [...markup.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!);
}

function embeddedData(markup: string): CapacityData {
  const match = /<script type="application\/json" id="capacity-data">([^<]*)<\/script>/.exec(
    markup,
  );
  return JSON.parse(match![1]!) as CapacityData;
}

/** Every numeric cell of `<table id="id">` as [row, stat, value]. */
function numberCells(markup: string, id: string): [number, string, number | null][] {
  const table = new RegExp(`<table id="${id}">([\\s\\S]*?)</table>`).exec(markup)![1]!;
  const rows = [...table.matchAll(/<tr data-row="(\d+)">([\s\S]*?)<\/tr>/g)];
  return rows.flatMap(([, row, cells]) =>
    [...cells!.matchAll(/data-stat="([^"]*)" data-value="([^"]*)"/g)].map(
      ([, stat, value]): [number, string, number | null] => [
        Number(row),
        stat!,
        value === '' ? null : Number(value),
      ],
    ),
  );
}

function expectedCells<Row>(columns: readonly CapacityColumn<Row>[], rows: readonly Row[]) {
  return rows.flatMap((row, i) => columns.map((c) => [i, c.stat, c.value(row)]));
}

describe('renderCapacityHtml', () => {
  it('is one document that loads nothing, with a CSP naming exactly its inline elements', () => {
    expect(
      page.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">'),
    ).toBe(true);
    const withoutCode = page.replace(/<(script|style)>[\s\S]*?<\/\1>/g, '');
    expect(withoutCode).not.toMatch(/\ssrc=/);
    expect([...withoutCode.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual(['data:,']);
    expect(page).not.toMatch(/@import|url\(/);
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)![1]!;
    const csp = meta.replaceAll('&#39;', "'");
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src ${inlineElements(page, 'script').map(hash).join(' ')}`);
    expect(csp).toContain(`style-src ${inlineElements(page, 'style').map(hash).join(' ')}`);
    expect(inlineElements(page, 'script')[0]).toBe(assets.uplotScript);
    expect(page).toContain('<meta name="color-scheme" content="light dark">');
  });

  it('puts the verdict first and embeds the charts, one chart element each', () => {
    expect(page.indexOf('id="verdict"')).toBeLessThan(page.indexOf('<main>'));
    expect(page).toContain(`<strong>Verdict:</strong> ${escapeHtml(report.verdict)}</p>`);
    const data = embeddedData(page);
    expect(data).toEqual(
      JSON.parse(JSON.stringify({ charts: buildCapacityCharts(report).flatMap((g) => g.charts) })),
    );
    for (const chart of data.charts)
      expect(page).toContain(`<div class="chart" id="${chart.id}"></div>`);
  });

  it('carries every figure of the steps, overload and plan tables as data-value', () => {
    expect(numberCells(page, 'steps')).toEqual(expectedCells(STEP_COLUMNS, report.steps));
    expect(numberCells(page, 'overload')).toEqual(expectedCells(OVERLOAD_COLUMNS, report.overload));
    expect(numberCells(page, 'plan')).toEqual(expectedCells(PLAN_COLUMNS, report.plan!.endpoints));
    expect(numberCells(page, 'phases')).toEqual(expectedCells(PHASE_COLUMNS, report.phases));
    expect(page).toContain('<dd data-fact="instances to run">11 (N = 9 + k = 2 spare)</dd>');
    expect(page).toContain('<dd data-fact="σ (contention)">0.05 ± 0.008</dd>');
  });

  it('leaves the plan out without a forecast, and says why the fit is weak and that no knee was found', () => {
    const variant = buildCapacityReport({ demand: 'none', usl: 'unsupported', knee: false });
    const markup = renderCapacityHtml(variant, assets);
    expect(markup).not.toContain('id="plan-section"');
    expect(markup).toContain('<dd data-fact="knee">none found');
    expect(markup).toContain('<strong>Why the USL fit is weak:</strong>');
    for (const warning of variant.usl!.warnings)
      expect(markup).toContain(`<li>${escapeHtml(warning)}</li>`);
    const chartLabels = embeddedData(markup).charts.map((c) => c.markers.map((m) => m.label));
    expect(chartLabels).toEqual([['max sustainable 800/s'], ['max sustainable 800/s'], []]);
  });

  it('shows an empty target figure as a dash with an empty data-value', () => {
    const copy: CapacityReport = {
      ...report,
      steps: report.steps.map((s) => ({ ...s, target: null })),
    };
    const markup = renderCapacityHtml(copy, assets);
    expect(markup).toContain('<td class="num" data-stat="cpuCores" data-value="">–</td>');
  });

  it('marks a complete search with a pass badge and no notice', () => {
    expect(page).toContain(
      '<dt>status</dt><dd><span class="badge pass" data-status="complete">complete</span></dd>',
    );
    expect(page).not.toContain('id="status-notice"');
  });

  it('puts a notice of every phase that did not finish cleanly under the verdict, and marks it in the phases table', () => {
    const cutOff = unfinishedReport(buildCapacityReport(), 'overload-cut-off');
    const markup = renderCapacityHtml(cutOff, assets);
    const overload = cutOff.phases.at(-1)!;
    expect(markup).toContain(
      `<p class="notice" id="verdict"><strong>Verdict:</strong> ${escapeHtml(cutOff.verdict)}</p>\n` +
        '<div class="notice fail" role="alert" id="status-notice"><strong>Search incomplete: a phase did not finish cleanly.</strong>' +
        `<ul><li>${escapeHtml(overload.note)}</li></ul></div>`,
    );
    expect(markup).toContain('data-status="incomplete">incomplete</span>');
    expect(numberCells(markup, 'phases').at(-1)).toEqual([2, 'interruptedIterations', 41_250]);
    expect(markup).toContain('<td class="name">not clean: cut off</td>');
  });

  it('marks an interrupted search and its provisional maximum on the charts', () => {
    const markup = renderCapacityHtml(
      unfinishedReport(buildCapacityReport(), 'staircase-interrupted'),
      assets,
    );
    expect(markup).toContain(
      '<span class="badge warn" data-status="interrupted">interrupted</span>',
    );
    expect(markup).toContain('<strong>Search interrupted (SIGINT or SIGTERM)');
    expect(markup).toContain('<dd data-fact="knee">not established');
    const labels = embeddedData(markup).charts[0]!.markers.map((m) => m.label);
    expect(labels).toEqual(['max sustainable 600/s (provisional)']);
  });

  it('escapes every hostile name: as text in the markup, inert in the JSON', () => {
    const markup = renderCapacityHtml(withHostileNames(report), assets);
    const withoutCode = markup.replace(/<(script|style)>[\s\S]*?<\/\1>/g, '');
    expect(withoutCode).not.toContain(HOSTILE_NAME);
    expect(withoutCode).not.toMatch(/<img|<script[^>]*>window/);
    expect(withoutCode).toContain(escapeHtml(HOSTILE_NAME));
    expect(markup.match(/<script/g)).toHaveLength(3);
    expect(markup.match(/<\/script>/g)).toHaveLength(3);
  });
});
