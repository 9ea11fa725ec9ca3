import { describe, expect, it } from 'vitest';
import { abOrder } from './run-ab.js';

describe('abOrder', () => {
  it('pairs A B and B A in turn, so each side goes first in half the pairs', () => {
    expect(abOrder(1)).toEqual(['a', 'b']);
    expect(abOrder(4)).toEqual(['a', 'b', 'b', 'a', 'a', 'b', 'b', 'a']);
  });

  it('balances a steady drift: the mean position of each side is the same for even repeats', () => {
    const order = abOrder(6);
    const mean = (side: 'a' | 'b') =>
      order.reduce((sum, s, i) => (s === side ? sum + i : sum), 0) / 6;
    expect(mean('a')).toBe(mean('b'));
  });
});
