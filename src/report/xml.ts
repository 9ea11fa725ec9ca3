/** Building XML text by hand, safely: escaping for attribute values and character data. */

// Characters XML 1.0 cannot carry at all, not even as references (C0 controls but tab, LF and
// CR; lone surrogates; U+FFFE and U+FFFF).
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A parser normalises whitespace in attribute values; references keep it as written.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * `text` escaped for an XML attribute value or character data: markup characters and quotes as
 * entities, tab/LF/CR as character references, and characters XML cannot carry replaced with
 * U+FFFD. Every string from a result goes through it.
 */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"'\t\n\r]/g, (char) => ENTITIES[char]!);
}

/** An element's attributes as ` name="value"` pairs, values escaped, in the order given. */
export function xmlAttributes(attributes: Readonly<Record<string, string | number>>): string {
  return Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}
