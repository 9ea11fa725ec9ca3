import { z } from 'zod';

const PREFIX = 'v1:';
const BASE64URL = /^[A-Za-z0-9_-]{1,64}$/;
const DECODED = /^v1:([1-9][0-9]{0,15})$/;

/**
 * The opaque `nextCursor` of a newest-first page: the id of the last post shown, encoded so
 * clients treat it as a token and the encoding can change (the `v1:` prefix) without breaking
 * pages already handed out.
 */
export function encodeCursor(lastPostId: number): string {
  return Buffer.from(`${PREFIX}${lastPostId}`).toString('base64url');
}

/** The post id a cursor from {@link encodeCursor} carries; null when it is not one. */
export function decodeCursor(cursor: string): number | null {
  if (!BASE64URL.test(cursor)) return null;
  const match = DECODED.exec(Buffer.from(cursor, 'base64url').toString('latin1'));
  if (match === null) return null;
  const id = Number(match[1]);
  // Only the canonical spelling: one post id, one cursor.
  return Number.isSafeInteger(id) && encodeCursor(id) === cursor ? id : null;
}

/**
 * The `cursor` query parameter: absent for the first page (null), else a cursor from
 * {@link encodeCursor} turned into the post id to continue below; anything else is an issue.
 */
export const CursorParamSchema = z
  .string()
  .optional()
  .transform((cursor, context) => {
    if (cursor === undefined) return null;
    const id = decodeCursor(cursor);
    if (id === null) context.addIssue({ code: 'custom', message: 'malformed cursor' });
    return id;
  });
