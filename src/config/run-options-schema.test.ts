import { describe, expect, it } from 'vitest';
import { httpOptionsSchema, zodIssues } from './run-options-schema.js';

describe('httpOptionsSchema', () => {
  it('resolves the size options to bytes, from bytes or size strings', () => {
    const parsed = httpOptionsSchema.parse({ maxResponseBodySize: '50MB', maxHeaderSize: 8192 });
    expect(parsed).toEqual({ maxResponseBodySize: 50_000_000, maxHeaderSize: 8192 });
    expect(httpOptionsSchema.parse({ maxHeaderSize: '128KiB' }).maxHeaderSize).toBe(131_072);
  });

  it('reports a size that is not one with its path', () => {
    const parsed = httpOptionsSchema.safeParse({ maxResponseBodySize: 'big', maxHeaderSize: 0 });
    expect(parsed.success).toBe(false);
    const issues = parsed.success ? [] : zodIssues(parsed.error, 'http');
    expect(issues).toEqual([
      {
        path: 'http.maxResponseBodySize',
        message: "'big' is not a size of at least 1 byte, e.g. 65536, '10MB' or '64KiB'",
      },
      {
        path: 'http.maxHeaderSize',
        message: "'0' is not a size of at least 1 byte, e.g. 65536, '10MB' or '64KiB'",
      },
    ]);
  });
});
