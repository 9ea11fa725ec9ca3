import { describe, expect, it } from 'vitest';
import { CursorParamSchema, decodeCursor, encodeCursor } from './cursor.js';

describe('cursor', () => {
  it('round-trips post ids up to 2^53 - 1', () => {
    for (const id of [1, 20, 123_456_789, 2 ** 53 - 1])
      expect(decodeCursor(encodeCursor(id))).toBe(id);
  });

  it('is opaque: not the bare id', () => {
    expect(encodeCursor(42)).not.toContain('42');
  });

  it('rejects anything it did not make', () => {
    const bad = [
      '',
      '42',
      'djE6MA',
      `${encodeCursor(1)}=`,
      Buffer.from('v1:01').toString('base64url'),
      Buffer.from('v1:9007199254740993').toString('base64url'),
      Buffer.from('v1:-1').toString('base64url'),
      '%%%',
      'A'.repeat(1000),
      Buffer.from('v1:1 ').toString('base64url'),
    ];
    for (const cursor of bad) expect(decodeCursor(cursor)).toBeNull();
  });

  it('parses the query parameter: absent is the first page, malformed is an issue', () => {
    expect(CursorParamSchema.parse(undefined)).toBeNull();
    expect(CursorParamSchema.parse(encodeCursor(9))).toBe(9);
    const result = CursorParamSchema.safeParse('nope');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('malformed cursor');
  });
});
