import { describe, expect, it } from 'vitest';
import { escapeHtml, html, inlineCode, jsonForScript, SafeHtml } from './html-template.js';

describe('escapeHtml', () => {
  it('writes the five characters that matter in text and quoted attributes as entities', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });
});

describe('html', () => {
  it('escapes interpolated text and numbers but keeps nested markup', () => {
    const name = '<b>bold</b>';
    const cell = html`<td data-name="${name}">${name}</td>`;
    expect(html`<tr>${cell}<td>${42}</td></tr>`.markup).toBe(
      '<tr><td data-name="&lt;b&gt;bold&lt;/b&gt;">&lt;b&gt;bold&lt;/b&gt;</td><td>42</td></tr>',
    );
  });

  it('joins arrays and renders nothing for null, undefined and false', () => {
    const items = ['a<', 'b>'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}${null}${undefined}${false}</ul>`.markup).toBe(
      '<ul><li>a&lt;</li><li>b&gt;</li></ul>',
    );
  });

  it('passes SafeHtml through as it is', () => {
    expect(html`${new SafeHtml('<br>')}`.toString()).toBe('<br>');
  });
});

describe('jsonForScript', () => {
  it('leaves no character that could end the script element or start a comment', () => {
    const value = { name: '</script><!-- a & b > c \u2028 \u2029' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain('\\u003c/script\\u003e\\u003c!--');
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('inlineCode', () => {
  it('writes closing script and style tags so they cannot end the element', () => {
    expect(inlineCode('a = "</script>"; b = "</STYLE>"')).toBe(
      'a = "<\\/script>"; b = "<\\/STYLE>"',
    );
    expect(inlineCode('x < y')).toBe('x < y');
  });
});
