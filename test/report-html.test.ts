import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunResult } from '../src/core/result.js';
import * as variations from '../src/report/html/fixture-variations.js';
import { loadReportAssets, type ReportAssets, renderHtmlReport } from '../src/report/html/index.js';
import type { BrowserElement, Watched } from './support/browser-page.js';
import * as browserPage from './support/browser-page.js';
import { readOnlyResult, runCli, scenarioFile, tempDir } from './support/cli.js';
import { buildRunResult } from './support/run-result-fixture.js';
import { startTestServer, type TestServer } from './support/test-server.js';

browserPage.describeInChromium('report.html', (chromium) => {
  let server: TestServer;
  let assets: ReportAssets;
  let dir: string;
  let result: RunResult;
  /** The real run's report, opened once for the tests that only read it. */
  let run: Watched;
  let runUrl: string;

  /** Writes report.html of `input` to `<name>.html` and opens it from disk in `watched`. */
  async function show(watched: Watched, input: RunResult, name: string): Promise<string> {
    const file = join(dir, `${name}.html`);
    await writeFile(file, renderHtmlReport(input, assets));
    return browserPage.openFile(watched, file);
  }

  beforeAll(async () => {
    server = await startTestServer(reportMixHandler());
    const outDir = await tempDir();
    const args = ['run', scenarioFile('report-mix.ts'), '--base-url', server.url];
    const outcome = await runCli([...args, '--out-dir', outDir, '--quiet']);
    expect(outcome.code, outcome.stderr).toBe(3);
    result = await readOnlyResult(outDir);
    assets = await loadReportAssets();
    dir = await tempDir('launchday-report-html-');
    run = await chromium.watch();
    runUrl = await show(run, result, 'run');
  });

  afterAll(async () => {
    await server?.close();
  });

  it('opens without errors and requests nothing but the file itself', async () => {
    expect(run.errors).toEqual([]);
    expect(run.requests).toEqual([runUrl]);
    expect(await browserPage.hasGlobal(run.page, 'uPlot')).toBe(true);
    expect(await browserPage.hasGlobal(run.page, '__pwned')).toBe(false);
    expect(await run.page.locator('img').count()).toBe(0);
    await browserPage.screenshotArtifact(run.page, 'report-html');
  });

  it('draws every chart: uPlot holds data points and the canvas has series pixels', async () => {
    const charts = await browserPage.drawnCharts(run.page);
    // one per workload (2) and per request name, then errors by class and iterations
    expect(charts).toHaveLength(2 + result.summary.requests.length + 2);
    for (const chart of charts) {
      expect(chart.points, chart.id).toBeGreaterThan(0);
      expect(chart.seriesPixels, chart.id).toBeGreaterThan(50);
    }
  });

  it("shows result.json's request figures, thresholds and checks", async () => {
    expect(result.summary.requests.map((row) => row.name).sort()).toEqual([
      '</script><img src=x onerror="window.__pwned=1">',
      'feed',
      'signup',
    ]);
    const cells = await run.page.$$eval('#requests td[data-stat]', (tds: BrowserElement[]) =>
      tds.map((td) => [td.dataset.name, td.dataset.stat, Number(td.dataset.value)]),
    );
    const stats = ['count', 'rate', 'p50', 'p90', 'p95', 'p99', 'p99.9', 'max', 'failed'] as const;
    const expected = result.summary.requests.flatMap((row) => [
      ...stats.map((stat) => [row.name, stat, row[stat]]),
      [row.name, 'errorRate', row.failed / row.count],
    ]);
    expect(cells).toEqual(expected);
    const rows = (selector: string) =>
      run.page.$$eval(selector, (trs: BrowserElement[]) =>
        trs.map((tr) => [
          tr.dataset.name ?? tr.dataset.metric,
          tr.dataset.ok,
          tr.cells[0]?.textContent,
        ]),
      );
    const verdict = (ok: boolean) => [String(ok), ok ? '✓ pass' : '✗ fail'];
    expect(await rows('#thresholds tbody tr')).toEqual(
      result.thresholds.map((t) => [t.metric, ...verdict(t.ok)]),
    );
    expect(result.thresholds.map((t) => t.ok)).toEqual([true, false]);
    expect(await rows('#checks tbody tr')).toEqual(
      result.checks.map((c) => [c.name, ...verdict(c.fails === 0)]),
    );
  });

  it('follows dark mode, and prints light with charts at page width and no clipped table', async () => {
    const watched = await chromium.watch();
    const url = await show(watched, result, 'media');
    await browserPage.expectDarkModeAndPrint(watched.page);
    expect(watched.errors).toEqual([]);
    expect(watched.requests).toEqual([url]);
    await watched.page.close();
  });

  it("shows the consistency check's figures, missing ids and problems", async () => {
    const lost = buildRunResult({ consistency: 'lost' });
    const watched = await chromium.watch();
    await show(watched, lost, 'consistency');
    const { page } = watched;
    const rows = await page.$$eval('#consistency tbody tr', (trs: BrowserElement[]) =>
      trs.map((tr) => ({
        kind: tr.dataset.kind,
        ok: tr.dataset.ok,
        figures: [tr.dataset.acknowledged, tr.dataset.stored, tr.dataset.sampled],
        ids: tr.cells[6]?.textContent,
      })),
    );
    expect(rows).toEqual(
      lost.consistency!.kinds.map((kind) => ({
        kind: kind.kind,
        ok: 'false',
        figures: [kind.acknowledged, kind.stored, kind.sampled].map(String),
        ids: kind.missing.join(', '),
      })),
    );
    const problems = await page.locator('#consistency-section .notice li').allTextContents();
    expect(problems).toEqual(lost.consistency!.problems);
    expect(await page.locator('.badge').textContent()).toBe(
      'FAILED: the target lost acknowledged writes',
    );
    expect(watched.errors).toEqual([]);
    await page.close();
  });

  it('renders edge cases and hostile strings with no error and no injected element', async () => {
    const fixture = buildRunResult();
    const stopped = { status: 'interrupted', reason: 'interrupted (SIGINT)' } as const;
    const cases = {
      hostile: variations.withHostileStrings(fixture),
      'no-requests': variations.withoutRequests(fixture),
      'untimed-name': variations.withUntimedRequestName(fixture),
      'one-second': variations.oneSecondLong(fixture),
      interrupted: variations.withoutIntervals(buildRunResult({ stopped })),
      'lost-writes': buildRunResult({ consistency: 'lost' }),
    };
    const watched = await chromium.watch();
    for (const [name, input] of Object.entries(cases)) {
      const url = await show(watched, input, name);
      await browserPage.expectCleanOpen(watched, url, name);
      const { page } = watched;
      const charts = await page.locator('.chart').count();
      expect(charts > 0, name).toBe(input.intervals.length > 0);
      expect(await page.locator('.chart canvas').count(), name).toBe(charts);
    }
    await watched.page.close();
  });
});

/** The report-mix scenario's routes: every 5th signup 503, feed after 5 ms, anything else 404. */
function reportMixHandler(): Parameters<typeof startTestServer>[0] {
  let signups = 0;
  return (req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url === '/signup') {
        signups++;
        res.writeHead(signups % 5 === 0 ? 503 : 201, { 'content-type': 'application/json' });
        res.end('{}');
      } else if (req.url === '/feed') {
        setTimeout(() => res.writeHead(200).end('{"items":[]}'), 5);
      } else {
        res.writeHead(404).end();
      }
    });
  };
}
