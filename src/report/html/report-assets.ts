import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { clientScriptSource } from './chart-client.js';
import type { ReportAssets } from './types.js';

export type { ReportAssets } from './types.js';

/**
 * Reads what report.html inlines: uPlot's IIFE build and stylesheet from the installed `uplot`
 * package (resolved from this module, so it works from src/ under vitest and from dist/src/),
 * and the report's client script. Called once by whoever writes reports (`launchday run`,
 * `launchday report`), then passed to `renderHtmlReport` for each result.
 */
export async function loadReportAssets(): Promise<ReportAssets> {
  const require = createRequire(import.meta.url);
  const [uplotScript, uplotCss] = await Promise.all([
    readFile(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8'),
    readFile(require.resolve('uplot/dist/uPlot.min.css'), 'utf8'),
  ]);
  return { uplotScript, uplotCss, clientScript: clientScriptSource() };
}
