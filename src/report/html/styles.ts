/**
 * The report's own stylesheet, inlined after uPlot's. Colours are custom properties: light by
 * default, dark under `prefers-color-scheme: dark`, light again for print; the client script
 * reads `--text`, `--grid` and `--series-1..8` so the charts follow. Printing shows every table
 * whole (no scroll boxes, no clipping) and every chart at page width.
 */
export const REPORT_CSS = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --panel: #f6f8fa; --text: #1f2328; --muted: #59636e; --border: #d1d9e0;
  --grid: rgba(31, 35, 40, 0.12); --pass: #1a7f37; --fail: #cf222e; --warn: #9a6700;
  --series-1: #0969da; --series-2: #bf3989; --series-3: #1a7f37; --series-4: #cf222e;
  --series-5: #8250df; --series-6: #bc4c00; --series-7: #1b7c83; --series-8: #6e7781;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --panel: #151b23; --text: #e6edf3; --muted: #9198a1; --border: #3d444d;
    --grid: rgba(230, 237, 243, 0.14); --pass: #3fb950; --fail: #f85149; --warn: #d29922;
    --series-1: #58a6ff; --series-2: #f778ba; --series-3: #56d364; --series-4: #ff7b72;
    --series-5: #bc8cff; --series-6: #ffa657; --series-7: #39c5cf; --series-8: #b1bac4;
  }
}
* { box-sizing: border-box; }
body {
  margin: 0; background: var(--bg); color: var(--text);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
main, header { max-width: 1200px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; word-break: break-word; }
h2 { font-size: 18px; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--border); }
h3 { font-size: 14px; margin: 16px 0 4px; word-break: break-word; }
p.description { margin: 0 0 12px; color: var(--muted); }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 12px 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; word-break: break-word; }
.badge { display: inline-block; padding: 1px 10px; border-radius: 12px; font-weight: 600; color: #fff; }
.badge.pass { background: var(--pass); }
.badge.fail { background: var(--fail); }
.badge.warn { background: var(--warn); }
.pass-text { color: var(--pass); font-weight: 600; }
.fail-text { color: var(--fail); font-weight: 600; }
.notice { border: 1px solid var(--warn); border-left-width: 4px; background: var(--panel); padding: 8px 12px; margin: 12px 0; }
.notice.fail { border-color: var(--fail); }
.notice ul { margin: 4px 0 0; padding-left: 20px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { padding: 4px 10px; border-bottom: 1px solid var(--border); text-align: left; vertical-align: top; }
th { color: var(--muted); font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.name, td.ids { word-break: break-word; }
.muted { color: var(--muted); }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 16px; }
figure.chart-box { margin: 0; padding: 8px; border: 1px solid var(--border); border-radius: 6px; background: var(--panel); min-width: 0; }
figure.chart-box figcaption { font-weight: 600; margin-bottom: 4px; word-break: break-word; }
.chart { width: 100%; min-height: 240px; }
.uplot { width: 100%; color: var(--text); }
.u-legend { font-size: 12px; }
pre.errors { white-space: pre-wrap; word-break: break-word; background: var(--panel); padding: 8px 12px; border-radius: 6px; }
footer { max-width: 1200px; margin: 32px auto; padding: 0 24px; color: var(--muted); font-size: 12px; }
@media (max-width: 640px) { .charts { grid-template-columns: 1fr; } }
@media print {
  :root {
    color-scheme: light;
    --bg: #ffffff; --panel: #ffffff; --text: #000000; --muted: #444c56; --border: #afb8c1;
    --grid: rgba(0, 0, 0, 0.15); --pass: #1a7f37; --fail: #cf222e; --warn: #9a6700;
    --series-1: #0969da; --series-2: #bf3989; --series-3: #1a7f37; --series-4: #cf222e;
    --series-5: #8250df; --series-6: #bc4c00; --series-7: #1b7c83; --series-8: #6e7781;
  }
  body { font-size: 11px; }
  code, .mono { font-size: 10px; }
  main, header, footer { max-width: none; padding: 0; }
  .table-wrap { overflow: visible; }
  th, td { white-space: normal; padding: 2px 6px; }
  td { overflow-wrap: anywhere; }
  .charts { display: block; }
  figure.chart-box { break-inside: avoid; margin-bottom: 12px; border-color: var(--border); }
  .chart, .uplot, .uplot canvas { max-width: 100%; }
  .badge[class] { color: #000; background: none; border: 1px solid #000; }
  .u-legend .u-value { display: none; }
  h2 { break-after: avoid; }
  tr { break-inside: avoid; }
}
`;
