/**
 * A tiny ANSI styling kit for the terminal summary and the live console: six styles that are
 * no-ops when colour is off, and helpers that measure and cut styled text by what is visible.
 */

/** One style: wraps text in its escape codes, or returns it unchanged when colour is off. */
export type Style = (text: string) => string;

/** The styles the reports use. */
export interface Ansi {
  readonly bold: Style;
  readonly dim: Style;
  readonly red: Style;
  readonly green: Style;
  readonly yellow: Style;
  readonly cyan: Style;
}

const plain: Style = (text) => text;
const wrap =
  (open: number, close: number): Style =>
  (text) =>
    `\x1b[${open}m${text}\x1b[${close}m`;

const COLORED: Ansi = Object.freeze({
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  red: wrap(31, 39),
  green: wrap(32, 39),
  yellow: wrap(33, 39),
  cyan: wrap(36, 39),
});

const PLAIN: Ansi = Object.freeze({
  bold: plain,
  dim: plain,
  red: plain,
  green: plain,
  yellow: plain,
  cyan: plain,
});

/** The styles for `color` on (escape codes) or off (identity functions). */
export function createAnsi(color: boolean): Ansi {
  return color ? COLORED : PLAIN;
}

/**
 * Whether output to `stream` should be coloured: never when `NO_COLOR` is set to anything but
 * the empty string (no-color.org) or `FORCE_COLOR` is `0`/`false`; always when `FORCE_COLOR`
 * is set otherwise; else only when the stream is a TTY. The CLI calls it to choose `color`.
 */
export function shouldColor(
  stream: { readonly isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force === '0' || force === 'false') return false;
  if (force !== undefined) return true;
  return stream.isTTY === true;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching escape sequences is the point
const ESCAPE = /\x1b\[[0-9;]*[A-Za-z]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above, anchored at one position
const ESCAPE_AT = /\x1b\[[0-9;]*[A-Za-z]/y;

/** `text` without ANSI escape sequences. */
export function stripAnsi(text: string): string {
  return text.replace(ESCAPE, '');
}

/** How many terminal columns `text` takes (code points outside escape sequences). */
export function visibleWidth(text: string): number {
  let width = 0;
  for (const _ of stripAnsi(text)) width++;
  return width;
}

/**
 * `text` cut to at most `width` visible columns, escape sequences kept (and styles reset when
 * cut), so that a redrawn line never wraps and the cursor arithmetic stays right.
 */
export function truncateVisible(text: string, width: number): string {
  if (visibleWidth(text) <= width) return text;
  let out = '';
  let visible = 0;
  let styled = false;
  for (let i = 0; i < text.length && visible < width; ) {
    ESCAPE_AT.lastIndex = i;
    const match = ESCAPE_AT.exec(text);
    if (match !== null) {
      out += match[0];
      i += match[0].length;
      styled = true;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i)!);
    out += char;
    i += char.length;
    visible++;
  }
  return styled ? `${out}\x1b[0m` : out;
}
