import { describe, expect, it } from 'vitest';
import { buildRunResult } from '../../test/support/run-result-fixture.js';
import { formatJson } from './json-result.js';

describe('formatJson', () => {
  it('indents as JSON.stringify does, with arrays of scalars on one line', () => {
    const value = {
      name: 'x',
      empty: {},
      none: [],
      counts: [1, 0, 2],
      histograms: ['HISTFAAAA', null],
      rows: [{ t: 0, tags: { a: 'b' } }],
      skipped: undefined,
    };
    expect(formatJson(value)).toBe(
      [
        '{',
        '  "name": "x",',
        '  "empty": {},',
        '  "none": [],',
        '  "counts": [1, 0, 2],',
        '  "histograms": ["HISTFAAAA", null],',
        '  "rows": [',
        '    {',
        '      "t": 0,',
        '      "tags": {',
        '        "a": "b"',
        '      }',
        '    }',
        '  ]',
        '}',
      ].join('\n'),
    );
    expect(formatJson(undefined)).toBe('null');
    expect(formatJson('a"b')).toBe('"a\\"b"');
  });

  it('parses back to what JSON.stringify gives, for a whole result', () => {
    const result = buildRunResult();
    const text = formatJson(result);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(result)));
    expect(text.length).toBeLessThan(JSON.stringify(result, null, 2).length);
  });
});
