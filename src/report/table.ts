import { visibleWidth } from './ansi.js';

/** How a column's cells line up. */
export type Align = 'left' | 'right';

/**
 * Lays `rows` out in aligned columns, `gap` spaces apart, measuring styled cells by what is
 * visible. Rows may have different lengths (missing cells are blank); columns past `align`'s
 * length align left. Returns one string per row, without trailing spaces or newline.
 */
export function alignColumns(
  rows: readonly (readonly string[])[],
  align: readonly Align[],
  gap = 2,
): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, visibleWidth(cell));
    });
  }
  const spacer = ' '.repeat(gap);
  return rows.map((row) =>
    row
      .map((cell, i) => pad(cell, widths[i]!, align[i] ?? 'left'))
      .join(spacer)
      .trimEnd(),
  );
}

/** `text` padded with `fill` to `width` visible columns on the side `align` leaves free. */
export function pad(text: string, width: number, align: Align, fill = ' '): string {
  const padding = fill.repeat(Math.max(0, width - visibleWidth(text)));
  return align === 'left' ? text + padding : padding + text;
}
