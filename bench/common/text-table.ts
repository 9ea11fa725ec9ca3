/**
 * Renders rows as a plain-text table for the terminal: the first `leftColumns` columns
 * left-aligned (labels), the others right-aligned (figures), columns two spaces apart, a rule
 * under the header.
 */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  leftColumns = 1,
): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column < leftColumns ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** `value` with `digits` decimals. */
export function fixed(value: number, digits = 1): string {
  return value.toFixed(digits);
}

/** A signed percentage, e.g. `+1.2%` or `-0.4%`. */
export function signedPct(value: number): string {
  return `${value >= 0 ? '+' : ''}${value.toFixed(1)}%`;
}

/** Whether a target was met, as a word that stands out when it was not. */
export function verdict(met: boolean): string {
  return met ? 'met' : 'MISSED';
}
