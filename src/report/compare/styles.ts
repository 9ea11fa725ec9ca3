/**
 * What compare.html adds to the run report's stylesheet (inlined after it): the palette as two
 * colour families, `--series-1..4` the baseline's blues and `--series-5..8` the candidate's
 * oranges, in light, dark and print; the verdict banner; verdict colours for the table (each
 * verdict also has its symbol and word); and a table that wraps to fit a printed page.
 */
export const COMPARE_CSS = `
:root {
  --series-1: #0969da; --series-2: #54aeff; --series-3: #0550ae; --series-4: #218bff;
  --series-5: #bc4c00; --series-6: #fb8f44; --series-7: #953800; --series-8: #e16f24;
}
@media (prefers-color-scheme: dark) {
  :root {
    --series-1: #58a6ff; --series-2: #1f6feb; --series-3: #79c0ff; --series-4: #4493f8;
    --series-5: #ffa657; --series-6: #db6d28; --series-7: #f0883e; --series-8: #ffb77c;
  }
}
.warn-text { color: var(--warn); font-weight: 600; }
.verdict-banner { border: 1px solid var(--pass); border-left-width: 6px; background: var(--panel); padding: 8px 16px; margin: 12px 0; }
.verdict-banner.fail { border-color: var(--fail); }
.verdict-banner .headline { font-size: 16px; }
.verdict-banner ul { margin: 4px 0; padding-left: 20px; }
th.num, td.num.wrap { white-space: normal; }
td.metric { min-width: 12em; overflow-wrap: anywhere; }
td.verdict { min-width: 16em; }
td.verdict .reason { color: var(--muted); font-size: 0.92em; }
@media print {
  :root {
    --series-1: #0969da; --series-2: #54aeff; --series-3: #0550ae; --series-4: #218bff;
    --series-5: #bc4c00; --series-6: #fb8f44; --series-7: #953800; --series-8: #e16f24;
  }
}
`;
