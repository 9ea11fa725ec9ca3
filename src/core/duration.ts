import { LaunchdayError } from './errors.js';

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;

/**
 * Parses a k6-style duration (`250ms`, `30s`, `1m30s`, `2h`) into milliseconds. A bare number
 * is taken as seconds, as k6 does. Throws a coded error naming `path` on bad input.
 */
export function parseDuration(text: string | number, path = 'duration'): number {
  if (typeof text === 'number') return checkFinite(text * 1000, String(text), path);
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return checkFinite(Number(trimmed) * 1000, text, path);
  PART.lastIndex = 0;
  let total = 0;
  let consumed = 0;
  for (let match = PART.exec(trimmed); match; match = PART.exec(trimmed)) {
    total += Number(match[1]) * (UNIT_MS[match[2]!] ?? Number.NaN);
    consumed = PART.lastIndex;
  }
  if (consumed === 0 || consumed !== trimmed.length) throw invalidDuration(text, path);
  return checkFinite(total, text, path);
}

/** Formats milliseconds as a short duration: `850ms`, `12.5s`, `3m20s`, `1h05m`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))}s`;
  const totalSeconds = Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours}h${String(minutes).padStart(2, '0')}m`;
  return `${minutes}m${String(seconds).padStart(2, '0')}s`;
}

function checkFinite(ms: number, text: string, path: string): number {
  if (!Number.isFinite(ms) || ms < 0) throw invalidDuration(text, path);
  return ms;
}

function invalidDuration(text: string, path: string): LaunchdayError {
  return new LaunchdayError(
    'LAUNCHDAY_ERR_INVALID_CONFIG',
    `${path}: '${text}' is not a duration`,
    {
      hint: "write a duration as a number and a unit, e.g. '500ms', '30s', '2m', '1h30m'",
      issues: [{ path, message: `'${text}' is not a duration` }],
    },
  );
}
