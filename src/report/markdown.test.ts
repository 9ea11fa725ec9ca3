import { describe, expect, it } from 'vitest';
import { escapeMarkdown, markdownTable } from './markdown.js';

describe('escapeMarkdown', () => {
  it('escapes every character that starts inline markup, and nothing else', () => {
    expect(escapeMarkdown('a|b')).toBe('a\\|b');
    expect(escapeMarkdown('`code` **bold** _em_ ~~del~~')).toBe(
      '\\`code\\` \\*\\*bold\\*\\* \\_em\\_ \\~\\~del\\~\\~',
    );
    expect(escapeMarkdown('<img src=x> &amp; [a](b) $x$ \\')).toBe(
      '\\<img src=x\\> \\&amp; \\[a\\](b) \\$x\\$ \\\\',
    );
    expect(escapeMarkdown('signup-spike v1.2 (p99) #3')).toBe('signup-spike v1.2 (p99) #3');
  });

  it('keeps text on one line', () => {
    expect(escapeMarkdown('first\nsecond\r\n  third')).toBe('first second third');
  });
});

describe('markdownTable', () => {
  it('writes a header, an alignment rule and a row per entry, blanks as spaces', () => {
    expect(
      markdownTable(
        ['name', 'count'],
        [
          ['a', '1'],
          ['', '2'],
        ],
        ['left', 'right'],
      ),
    ).toEqual(['| name | count |', '|:---|---:|', '| a | 1 |', '|   | 2 |']);
  });
});
