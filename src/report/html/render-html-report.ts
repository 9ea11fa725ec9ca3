import { createHash } from 'node:crypto';
import type { RunResult } from '../../core/result.js';
import { buildChartGroups } from './chart-data.js';
import { renderChartSections } from './chart-section.js';
import { renderConsistencySection } from './consistency-section.js';
import { renderHeader } from './header-section.js';
import { renderHealthSections } from './health-section.js';
import { html, inlineCode, jsonForScript, SafeHtml } from './html-template.js';
import { renderRequestSection } from './request-section.js';
import { REPORT_CSS } from './styles.js';
import type { ReportAssets, ReportData } from './types.js';
import { renderVerdictSections } from './verdict-section.js';

/**
 * report.html for `result`: one self-contained page that a reviewer opens from disk. uPlot, the
 * styles and the client script are inlined; the chart data is embedded as JSON. Its
 * Content-Security-Policy (`default-src 'none'`, scripts and styles allowed only by the SHA-256
 * of the page's own inline elements, images only from `data:`) makes the page unable to load
 * anything from the network or to run any script but its own. Every string from the result is
 * escaped. Pure and deterministic: the same result and assets give the same bytes.
 */
export function renderHtmlReport(result: RunResult, assets: ReportAssets): string {
  const groups = buildChartGroups(result);
  const data: ReportData = { charts: groups.flatMap((group) => group.charts) };
  const styles = [assets.uplotCss, REPORT_CSS].map(inlineCode);
  const scripts = [assets.uplotScript, assets.clientScript].map(inlineCode);
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(scripts, styles)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${result.scenario.name} · ${result.status} · launchday report</title>
<link rel="icon" href="data:,">
${styles.map((css) => html`<style>${raw(css)}</style>\n`)}</head>
<body>
${renderHeader(result)}
<main>
${renderRequestSection(result)}
${renderVerdictSections(result)}
${renderConsistencySection(result)}
${renderChartSections(groups)}
${renderHealthSections(result)}
</main>
<footer>launchday ${result.environment.launchdayVersion} · result schema v${result.schemaVersion} · run ${result.runId}</footer>
<script type="application/json" id="report-data">${raw(jsonForScript(data))}</script>
${scripts.map((js) => html`<script>${raw(js)}</script>\n`)}</body>
</html>
`;
  return page.markup;
}

/**
 * The policy that lets the page run and style only its own inline elements and load nothing:
 * `scripts` and `styles` are the exact texts of the page's inline elements. The capacity
 * report uses it too.
 */
export function contentSecurityPolicy(
  scripts: readonly string[],
  styles: readonly string[],
): string {
  return [
    "default-src 'none'",
    `script-src ${scripts.map(sha256Source).join(' ')}`,
    `style-src ${styles.map(sha256Source).join(' ')}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Code or JSON already made safe for its element by `inlineCode` or `jsonForScript`. */
function raw(text: string): SafeHtml {
  return new SafeHtml(text);
}
