import { describe, expect, it } from 'vitest';
import { formatByteSize, parseByteSize } from './byte-size.js';
import { isLaunchdayError } from './errors.js';

describe('parseByteSize', () => {
  it('reads bytes, SI and binary units in any case, rounding down to whole bytes', () => {
    expect(parseByteSize(65536)).toBe(65536);
    expect(parseByteSize('512')).toBe(512);
    expect(parseByteSize('512B')).toBe(512);
    expect(parseByteSize('10MB')).toBe(10_000_000);
    expect(parseByteSize('1.5 kb')).toBe(1500);
    expect(parseByteSize('64KiB')).toBe(65536);
    expect(parseByteSize('2mib')).toBe(2 * 1024 * 1024);
    expect(parseByteSize('1GB')).toBe(1e9);
    expect(parseByteSize(' 1GiB ')).toBe(2 ** 30);
    expect(parseByteSize(1.9)).toBe(1);
  });

  it('refuses anything else with a coded error naming the path', () => {
    for (const bad of ['', 'ten MB', '10 TB', '-1KB', '1e3', '0', 0, -5, Number.NaN, '0.5B']) {
      let error: unknown;
      try {
        parseByteSize(bad, 'http.maxResponseBodySize');
      } catch (caught) {
        error = caught;
      }
      expect(isLaunchdayError(error), `${bad}`).toBe(true);
      expect((error as Error).message).toMatch(/^http\.maxResponseBodySize: /);
    }
  });
});

describe('formatByteSize', () => {
  it('writes the shortest exact unit', () => {
    expect(formatByteSize(65536)).toBe('64 KiB');
    expect(formatByteSize(10_000_000)).toBe('10 MB');
    expect(formatByteSize(2 ** 30)).toBe('1 GiB');
    expect(formatByteSize(1500)).toBe('1500 B');
    expect(formatByteSize(3000)).toBe('3 kB');
  });
});
