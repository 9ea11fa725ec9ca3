import { LaunchdayError } from './errors.js';

const UNIT_BYTES: Readonly<Record<string, number>> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
};
const SIZE = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i;

/**
 * Parses a size (`512MB`, `1.5GiB`, `64kb`) into whole bytes: decimal units (KB, MB, GB) are
 * powers of 1000, binary ones (KiB, MiB, GiB) powers of 1024, as k6's and Docker's. A bare
 * number is bytes. Throws a coded error naming `path` on bad input.
 */
export function parseByteSize(text: string | number, path = 'size'): number {
  const match = typeof text === 'number' ? null : SIZE.exec(text.trim());
  const bytes =
    typeof text === 'number'
      ? text
      : match === null
        ? Number.NaN
        : Number(match[1]) * (UNIT_BYTES[(match[2] || 'b').toLowerCase()] ?? Number.NaN);
  if (Number.isFinite(bytes) && bytes >= 0) return Math.round(bytes);
  throw new LaunchdayError('LAUNCHDAY_ERR_INVALID_CONFIG', `${path}: '${text}' is not a size`, {
    hint: "write a size as a number and a unit, e.g. '512MB', '2GB', '64KiB' (a bare number is bytes)",
    issues: [{ path, message: `'${text}' is not a size` }],
  });
}

/** Formats bytes for a sentence: `812 MB`, `1.5 GB`, `640 kB`. Decimal units. */
export function formatByteSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${Number(value.toFixed(value < 10 && unit > 0 ? 1 : 0))} ${units[unit]}`;
}
