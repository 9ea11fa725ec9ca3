/**
 * Number formatting of the capacity reports, on top of the run report's: fitted parameters to
 * three significant digits, estimates with their standard error, large counts with separators,
 * and a dash for a figure that was not measured.
 */
import { formatRate } from '../../report/format.js';

/** What a table cell or fact shows for a figure that was not measured. */
export const NOT_MEASURED = '–';

/** `value` to three significant digits, trailing zeros dropped: 0.050 → `0.05`, 2091.3 → `2090`. */
export function formatFigure(value: number): string {
  return String(Number(value.toPrecision(3)));
}

/** An estimate with its standard error when known: `0.05 ± 0.008`. */
export function formatEstimate(value: number, stdErr: number | undefined): string {
  return stdErr === undefined
    ? formatFigure(value)
    : `${formatFigure(value)} ± ${formatFigure(stdErr)}`;
}

/** A count for reading: `100,000,000`. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** A rate with its unit: `800 iterations/s`, `1594 requests/s`. */
export function formatRateOf(perSecond: number, unit: 'iterations' | 'requests'): string {
  return `${formatRate(perSecond)} ${unit}/s`;
}

/** Per request name, in the record's order: `signup 1, feed 2`. */
export function formatPerName(record: Readonly<Record<string, number>>): string {
  return Object.entries(record)
    .map(([name, value]) => `${name} ${formatFigure(value)}`)
    .join(', ');
}
