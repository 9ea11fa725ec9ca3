/**
 * Escaping by construction: report markup is written with the {@link html} tag, which escapes
 * every interpolated value unless it is already {@link SafeHtml}. Strings from the result
 * (scenario names, request names, error messages) can therefore only ever become text.
 */

/** Markup that is already safe to place in the page: built by {@link html} or from escaped text. */
export class SafeHtml {
  constructor(readonly markup: string) {}

  toString(): string {
    return this.markup;
  }
}

/** A value the {@link html} tag accepts: text is escaped, arrays are joined, empties vanish. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | HtmlValue[];

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** `text` with `& < > " '` as entities: safe as element text and in a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/**
 * Tagged template for report markup: `html\`<td data-value="${n}">${name}</td>\``. Values are
 * escaped (attribute values must be double-quoted), nested `html` results are kept as they are,
 * arrays are concatenated, and null, undefined and false render nothing.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let markup = strings[0]!;
  values.forEach((value, i) => {
    markup += render(value) + strings[i + 1]!;
  });
  return new SafeHtml(markup);
}

/**
 * `value` as JSON that is inert inside `<script type="application/json">`: `<`, `>` and `&` are
 * written as `\u003c`-style escapes (so no `</script>` or `<!--` can appear), and so are U+2028
 * and U+2029. `JSON.parse` of the element's text gives `value` back.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Code to place inside a `<script>` or `<style>` element: any `</script` or `</style` (which
 * would end the element early) is written `<\/...`, which means the same in JavaScript strings
 * and regular expressions and in CSS. uPlot's files contain none today; this keeps it so.
 */
export function inlineCode(code: string): string {
  return code.replace(/<\/(script|style)/gi, '<\\/$1');
}
