/**
 * The few pieces of GitHub-flavoured Markdown the Markdown report is built from: escaped text
 * and pipe tables. No HTML: a pull-request comment or a job summary renders it as written.
 */
import type { Align } from './table.js';

// Everything that can start inline Markdown in GFM (emphasis, code, links, HTML, entities,
// strikethrough, math, table cells), escaped wherever it is, so names from a scenario never
// turn into markup; block markers are left alone because names never start a line.
const INLINE_SPECIAL = /[\\`*_[\]<>|~&$]/g;

/**
 * `text` as literal Markdown text: inline markup characters backslash-escaped and line breaks
 * turned into spaces, so it renders as written and fits in a table cell or a list item. Used
 * for every user-supplied string (scenario, request, check and metric names, reasons).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(INLINE_SPECIAL, (char) => `\\${char}`).replace(/\s*[\r\n]+\s*/g, ' ');
}

/**
 * A GFM pipe table: `header` then `rows`, columns aligned per `align` (missing entries align
 * left). Cells must already be Markdown (escape names with {@link escapeMarkdown}); an empty
 * cell is written as a space so the row keeps its columns. Returns one line per row.
 */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string[] {
  const line = (cells: readonly string[]) =>
    `| ${header.map((_, i) => cells[i] || ' ').join(' | ')} |`;
  const rule = header.map((_, i) => (align[i] === 'right' ? '---:' : ':---'));
  return [line(header), `|${rule.join('|')}|`, ...rows.map(line)];
}
