import { describe, expect, it } from 'vitest';
import { createAnsi, shouldColor, stripAnsi, truncateVisible, visibleWidth } from './ansi.js';

describe('shouldColor', () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };

  it('follows the stream when nothing is forced', () => {
    expect(shouldColor(tty, {})).toBe(true);
    expect(shouldColor(pipe, {})).toBe(false);
    expect(shouldColor({}, {})).toBe(false);
  });

  it('turns colour off with NO_COLOR or FORCE_COLOR=0, even on a TTY', () => {
    expect(shouldColor(tty, { NO_COLOR: '1' })).toBe(false);
    expect(shouldColor(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(shouldColor(tty, { NO_COLOR: '' })).toBe(true);
  });

  it('turns colour on with another FORCE_COLOR, unless NO_COLOR is set', () => {
    expect(shouldColor(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(shouldColor(pipe, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(false);
  });
});

describe('createAnsi', () => {
  it('styles only when colour is on', () => {
    expect(createAnsi(false).red('x')).toBe('x');
    expect(createAnsi(true).red('x')).toBe('\x1b[31mx\x1b[39m');
    expect(stripAnsi(createAnsi(true).bold(createAnsi(true).green('ok')))).toBe('ok');
  });
});

describe('visible text', () => {
  const styled = `${createAnsi(true).red('✗ fail')} and more`;

  it('measures what a terminal shows', () => {
    expect(visibleWidth(styled)).toBe(15);
    expect(visibleWidth('█░µ')).toBe(3);
  });

  it('cuts to a visible width, keeping escapes and resetting styles', () => {
    const cut = truncateVisible(styled, 4);
    expect(stripAnsi(cut)).toBe('✗ fa');
    expect(cut.startsWith('\x1b[31m')).toBe(true);
    expect(cut.endsWith('\x1b[0m')).toBe(true);
    expect(truncateVisible('plain text', 5)).toBe('plain');
    expect(truncateVisible('short', 10)).toBe('short');
  });
});
