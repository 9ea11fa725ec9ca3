import { describe, expect, it } from 'vitest';
import { formatByteSize, parseByteSize } from './byte-size.js';

describe('parseByteSize', () => {
  it('reads decimal and binary units, and bare numbers as bytes', () => {
    expect(parseByteSize('512MB')).toBe(512_000_000);
    expect(parseByteSize('1.5GiB')).toBe(1.5 * 2 ** 30);
    expect(parseByteSize('64 kib')).toBe(65_536);
    expect(parseByteSize('1000')).toBe(1000);
    expect(parseByteSize(2048)).toBe(2048);
  });

  it('names the path and the fix for what is not a size', () => {
    for (const bad of ['lots', '12 parsecs', '-5MB', '']) {
      expect(() => parseByteSize(bad, '--max-memory')).toThrow(
        expect.objectContaining({
          code: 'LAUNCHDAY_ERR_INVALID_CONFIG',
          message: `--max-memory: '${bad}' is not a size`,
        }),
      );
    }
  });
});

describe('formatByteSize', () => {
  it('writes bytes with a decimal unit', () => {
    expect(formatByteSize(812_400_000)).toBe('812 MB');
    expect(formatByteSize(1_530_000_000)).toBe('1.5 GB');
    expect(formatByteSize(999)).toBe('999 B');
  });
});
