/** What a kind of write given to `ctx.recordWrite` must look like, e.g. `posts`. */
export const WRITE_KIND_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

/** The longest string id `ctx.recordWrite` takes, in characters. */
export const MAX_WRITE_ID_LENGTH = 200;

// Long enough to recognise a bad value in a journey error, short enough for the log.
const SHOWN_CHARACTERS = 40;

/**
 * Throws a TypeError naming the bad value and the rule unless `kind` matches
 * {@link WRITE_KIND_PATTERN} and `id` is a non-empty string of at most
 * {@link MAX_WRITE_ID_LENGTH} characters or a safe integer (beyond 2^53 a number no longer
 * names one id). The journey context calls it on every `ctx.recordWrite`; it allocates nothing
 * when both are valid.
 */
export function assertWrite(kind: unknown, id: unknown): void {
  if (typeof kind !== 'string' || !WRITE_KIND_PATTERN.test(kind))
    throw new TypeError(
      `ctx.recordWrite: the kind ${show(kind)} must match ${WRITE_KIND_PATTERN} (a lower-case ` +
        "name of up to 40 letters, digits and _, as the target counts it, e.g. 'posts')",
    );
  const valid =
    typeof id === 'string'
      ? id.length > 0 && id.length <= MAX_WRITE_ID_LENGTH
      : Number.isSafeInteger(id);
  if (!valid)
    throw new TypeError(
      `ctx.recordWrite('${kind}', …): the id ${show(id)} must be a non-empty string of at most ` +
        `${MAX_WRITE_ID_LENGTH} characters or a whole number`,
    );
}

/** `value` as a journey error names it: strings quoted, long ones cut. */
function show(value: unknown): string {
  if (typeof value === 'string') {
    if (value.length <= SHOWN_CHARACTERS) return JSON.stringify(value);
    return `${JSON.stringify(value.slice(0, SHOWN_CHARACTERS))}… (${value.length} characters)`;
  }
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}
