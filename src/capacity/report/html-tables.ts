/**
 * The building blocks of capacity.html's sections: facts as a definition list, and tables whose
 * every numeric cell carries its raw figure (`data-stat`, `data-value`) as the run report's do.
 */
import { html, type SafeHtml } from '../../report/html/html-template.js';
import type { Fact } from './facts.js';
import { type CapacityColumn, cellText } from './tables.js';

/** A text column of a table (a name, a verdict): its heading and its cell's text per row. */
export interface TextColumn<Row> {
  readonly heading: string;
  readonly text: (row: Row) => string;
}

/** What a table shows: text columns before and after the numeric ones. */
export interface TableLayout<Row> {
  readonly id: string;
  readonly lead: readonly TextColumn<Row>[];
  readonly columns: readonly CapacityColumn<Row>[];
  readonly trail: readonly TextColumn<Row>[];
}

/** `facts` as `<dl class="facts">`, each `<dd>` with `data-fact` = its label. */
export function renderFacts(facts: readonly Fact[]): SafeHtml {
  return html`<dl class="facts">
${facts.map((f) => html`<dt>${f.label}</dt><dd data-fact="${f.label}">${f.text}</dd>\n`)}</dl>`;
}

/**
 * `rows` as `<table id="...">`: a `<tr data-row="i">` per row; each numeric cell has
 * `data-stat` (the column's stat) and `data-value` (the raw number as `String(n)`, empty when
 * not measured), its text formatted as in capacity.md.
 */
export function renderTable<Row>(layout: TableLayout<Row>, rows: readonly Row[]): SafeHtml {
  const { lead, columns, trail } = layout;
  const heading = html`<tr>${lead.map((c) => html`<th>${c.heading}</th>`)}${columns.map(
    (c) => html`<th class="num">${c.heading}</th>`,
  )}${trail.map((c) => html`<th>${c.heading}</th>`)}</tr>`;
  const body = rows.map((row, i) => {
    const text = (cs: readonly TextColumn<Row>[]) =>
      cs.map((c) => html`<td class="name">${c.text(row)}</td>`);
    const numbers = columns.map((c) => {
      const value = c.value(row);
      return html`<td class="num" data-stat="${c.stat}" data-value="${value === null ? '' : String(value)}">${cellText(c, row)}</td>`;
    });
    return html`<tr data-row="${i}">${text(lead)}${numbers}${text(trail)}</tr>\n`;
  });
  return html`<div class="table-wrap"><table id="${layout.id}">
<thead>${heading}</thead>
<tbody>
${body}</tbody>
</table></div>`;
}
