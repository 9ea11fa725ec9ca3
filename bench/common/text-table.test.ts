import { describe, expect, it } from 'vitest';
import { renderTable, signedPct } from './text-table.js';

describe('renderTable', () => {
  it('left-aligns the label columns and right-aligns the figures', () => {
    const table = renderTable(
      ['tool', 'n', 'µs'],
      [
        ['launchday', '1', '35.3'],
        ['autocannon', '12', '5.0'],
      ],
    );
    expect(table.split('\n')).toEqual([
      'tool         n    µs',
      '----------  --  ----',
      'launchday    1  35.3',
      'autocannon  12   5.0',
    ]);
  });
});

describe('signedPct', () => {
  it('always shows the sign', () => {
    expect([signedPct(1.234), signedPct(-0.04), signedPct(0)]).toEqual(['+1.2%', '-0.0%', '+0.0%']);
  });
});
