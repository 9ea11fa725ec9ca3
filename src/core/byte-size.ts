import { LaunchdayError } from './errors.js';

const UNIT_BYTES: Readonly<Record<string, number>> = {
  b: 1,
  kb: 1000,
  mb: 1000 ** 2,
  gb: 1000 ** 3,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};
const SIZE = /^(\d+(?:\.\d+)?)\s*([kmg]i?b|b)?$/i;

/**
 * Parses a size into whole bytes (rounded down): a number of bytes, or a string such as
 * `'10MB'` (SI: kB = 1000 bytes, MB, GB), `'64KiB'` (binary: KiB = 1024 bytes, MiB, GiB),
 * `'512B'` or `'512'`; units in any case. Throws a coded error naming `path` for anything
 * else, and for sizes under 1 byte.
 */
export function parseByteSize(size: string | number, path = 'size'): number {
  let bytes = Number.NaN;
  if (typeof size === 'number') bytes = size;
  else {
    const match = SIZE.exec(size.trim());
    if (match !== null) bytes = Number(match[1]) * UNIT_BYTES[(match[2] ?? 'b').toLowerCase()]!;
  }
  if (!Number.isFinite(bytes) || bytes < 1) throw invalidSize(size, path);
  return Math.floor(bytes);
}

/**
 * Formats bytes the shortest exact way: `64 KiB`, `10 MB`, `1500 B`; binary units when the
 * size is a whole number of them, else SI units, else bytes.
 */
export function formatByteSize(bytes: number): string {
  for (const unit of ['GiB', 'GB', 'MiB', 'MB', 'KiB', 'kB'] as const) {
    const size = UNIT_BYTES[unit.toLowerCase()]!;
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
  }
  return `${bytes} B`;
}

function invalidSize(size: string | number, path: string): LaunchdayError {
  const message = `'${size}' is not a size of at least 1 byte, e.g. 65536, '10MB' or '64KiB'`;
  return new LaunchdayError('LAUNCHDAY_ERR_INVALID_CONFIG', `${path}: ${message}`, {
    hint: "write a size in bytes (e.g. 65536) or as a number and a unit, e.g. '10MB', '64KiB', '1GB'",
    issues: [{ path, message }],
  });
}
