/**
 * Number formatting shared by the terminal summary and the live console: milliseconds in
 * tables, k6-style times with units, bytes, percentages and rates.
 */
import { formatDuration } from '../core/duration.js';

/** `value` with at most `digits` decimals, trailing zeros dropped: 12.50 → `12.5`. */
function trimmed(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

/**
 * Milliseconds for a table column, without unit, with precision that suits the size:
 * `0.42`, `8.31`, `42.7`, `1234`. Three significant digits is all an HDR histogram holds.
 */
export function formatMs(ms: number): string {
  if (ms < 10) return ms.toFixed(2);
  if (ms < 100) return ms.toFixed(1);
  return ms.toFixed(0);
}

/** Milliseconds with a unit, as k6 prints trend values: `0s`, `812µs`, `57.62ms`, `1.35s`, `2m05s`. */
export function formatTime(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1) return `${trimmed(ms * 1000, 2)}µs`;
  if (ms < 1000) return `${trimmed(ms, 2)}ms`;
  if (ms < 60_000) return `${trimmed(ms / 1000, 2)}s`;
  return formatDuration(ms);
}

const BYTE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB'] as const;

/** Bytes in SI units as k6 prints them: `512 B`, `81 kB`, `1.3 MB`. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits)} ${BYTE_UNITS[unit]}`;
}

/** A fraction (0–1) as a percentage with two decimals: `0.0123` → `1.23%`. */
export function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(2)}%`;
}

/** A per-second rate with six significant digits at most, as k6 prints counter rates: `4.36938`. */
export function formatRate(perSecond: number): string {
  return String(Number(perSecond.toPrecision(6)));
}

/** A per-second rate for live display: one decimal below 100/s, none above. */
export function formatLiveRate(perSecond: number): string {
  return perSecond < 100 ? perSecond.toFixed(1) : perSecond.toFixed(0);
}

/** Error counts by class, largest first: `http_5xx 12, timeout 3`; `-` when there are none. */
export function formatErrorClasses(errors: Readonly<Record<string, number>>): string {
  const entries = Object.entries(errors).filter(([, count]) => count > 0);
  if (entries.length === 0) return '-';
  entries.sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  return entries.map(([errorClass, count]) => `${errorClass} ${count}`).join(', ');
}
