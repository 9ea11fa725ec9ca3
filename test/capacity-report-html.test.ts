import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  buildCapacityReport,
  HOSTILE_NAME,
  withHostileNames,
} from '../src/capacity/report/fixtures.js';
import { unfinishedReport } from '../src/capacity/report/fixtures-phases.js';
import {
  type CapacityColumn,
  OVERLOAD_COLUMNS,
  PLAN_COLUMNS,
  STEP_COLUMNS,
  sustainableText,
} from '../src/capacity/report/tables.js';
import type { CapacityReport } from '../src/capacity/types.js';
import { loadReportAssets, type ReportAssets } from '../src/report/html/index.js';
import { writeCapacityReport } from '../src/workflows/capacity/write-report.js';
import type { BrowserElement, Watched } from './support/browser-page.js';
import * as browserPage from './support/browser-page.js';
import { tempDir } from './support/cli.js';

browserPage.describeInChromium('capacity.html', (chromium) => {
  let assets: ReportAssets;
  let dir: string;
  const report = buildCapacityReport();
  let main: Watched;
  let mainUrl: string;

  /** Writes the capacity report of `input` under `<dir>/<name>/` and opens its capacity.html. */
  async function show(watched: Watched, input: CapacityReport, name: string): Promise<string> {
    const files = await writeCapacityReport(input, join(dir, name), assets);
    return browserPage.openFile(watched, files.html);
  }

  beforeAll(async () => {
    assets = await loadReportAssets();
    dir = await tempDir('launchday-capacity-html-');
    main = await chromium.watch();
    mainUrl = await show(main, report, 'main');
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('opens from file:// without errors and requests nothing but the document', async () => {
    expect(main.errors).toEqual([]);
    expect(main.requests).toEqual([mainUrl]);
    expect(await browserPage.hasGlobal(main.page, 'uPlot')).toBe(true);
    expect(await main.page.locator('#verdict').textContent()).toBe(`Verdict: ${report.verdict}`);
    await browserPage.screenshotArtifact(main.page, 'capacity-report-html');
  });

  it('draws its three charts: uPlot holds the points and the canvases have series pixels', async () => {
    const charts = await browserPage.drawnCharts(main.page);
    expect(charts.map((c) => c.id)).toEqual(['chart-1', 'chart-2', 'chart-3']);
    for (const chart of charts) {
      expect(chart.points, chart.id).toBeGreaterThan(0);
      expect(chart.seriesPixels, chart.id).toBeGreaterThan(50);
    }
    // steps × (throughput, goodput); steps × (p50, p99, SLO bound); the USL chart has more.
    expect(charts[0]!.points).toBe(report.steps.length * 2);
    expect(charts[1]!.points).toBe(report.steps.length * 3);
  });

  it("shows the fixture's figures in its steps, overload and plan tables", async () => {
    const read = (id: string) =>
      main.page.$$eval(`#${id} tbody tr`, (trs: BrowserElement[]) =>
        trs.map((tr) =>
          [...tr.querySelectorAll('td[data-stat]')].map((td) => [
            td.dataset.stat,
            td.dataset.value === '' ? null : Number(td.dataset.value),
          ]),
        ),
      );
    const expected = <Row>(columns: readonly CapacityColumn<Row>[], rows: readonly Row[]) =>
      rows.map((row) => columns.map((c) => [c.stat, c.value(row)]));
    expect(await read('steps')).toEqual(expected(STEP_COLUMNS, report.steps));
    expect(await read('overload')).toEqual(expected(OVERLOAD_COLUMNS, report.overload));
    expect(await read('plan')).toEqual(expected(PLAN_COLUMNS, report.plan!.endpoints));
    const verdicts = await main.page.$$eval('#steps tbody tr', (trs: BrowserElement[]) =>
      trs.map((tr) => tr.cells[tr.cells.length - 1]?.textContent),
    );
    expect(verdicts).toEqual(report.steps.map(sustainableText));
  });

  it('follows dark mode, and prints light with charts at page width and no clipped table', async () => {
    await browserPage.expectDarkModeAndPrint(main.page);
    expect(main.errors).toEqual([]);
  });

  it('renders the variants and hostile names with no error and no injected element', async () => {
    const cases = {
      'no-forecast': buildCapacityReport({ demand: 'none' }),
      'daily-active': buildCapacityReport({ demand: 'daily-active' }),
      'usl-unsupported-no-knee': buildCapacityReport({ usl: 'unsupported', knee: false }),
      'no-usl': buildCapacityReport({ usl: 'none' }),
      hostile: withHostileNames(buildCapacityReport()),
      'no-steps': { ...buildCapacityReport(), steps: [] },
      'overload-cut-off': unfinishedReport(buildCapacityReport(), 'overload-cut-off'),
      'staircase-interrupted': unfinishedReport(buildCapacityReport(), 'staircase-interrupted'),
    };
    const watched = await chromium.watch();
    for (const [name, input] of Object.entries(cases)) {
      const url = await show(watched, input, name);
      await browserPage.expectCleanOpen(watched, url, name);
      const { page } = watched;
      const charts = await browserPage.drawnCharts(page);
      expect(charts.length, name).toBe(input.steps.length === 0 ? 0 : 3);
      if (name === 'hostile')
        expect(await page.locator('h1').textContent()).toBe(`Capacity: ${HOSTILE_NAME}`);
      for (const chart of charts)
        expect(chart.seriesPixels, `${name} ${chart.id}`).toBeGreaterThan(50);
    }
    await watched.page.close();
  });
});
