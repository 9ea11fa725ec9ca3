import { z } from 'zod';
import type { RecordPair, RecordQuery } from '../store/types.js';
import type { FeedContext, Outcome } from './types.js';

/** Most ids of one kind that one `POST /admin/verify` may name. */
export const MAX_VERIFY_IDS = 10_000;

/**
 * The body limit of `POST /admin/verify` (bytes): every kind at {@link MAX_VERIFY_IDS} of the
 * longest pair ids (two 16-digit ids, quotes and comma: 36 bytes), with room for whitespace.
 */
export const VERIFY_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

/** The kinds of record a consistency check names, as `GET /admin/stats` counts them. */
export type RecordKind = keyof RecordQuery;

/** How each kind's ids are written, for the message refusing a malformed one. */
const ID_FORMS: Readonly<Record<RecordKind, string>> = {
  users: 'users ids are positive integers, e.g. 123',
  posts: 'posts ids are positive integers, e.g. 456',
  follows: 'follows ids are follower:followee, e.g. 12:34',
  likes: 'likes ids are user:post, e.g. 12:456',
};

// Decimal without sign or leading zero, as paths write ids: each id has one spelling, so a
// missing id is answered exactly as it was sent.
const ID = '[1-9][0-9]{0,15}';
const SINGLE_ID = new RegExp(`^${ID}$`);
const PAIR_ID = new RegExp(`^${ID}:${ID}$`);

/** Malformed ids reported per kind; the rest of a bad list adds nothing but bytes. */
const MAX_REPORTED = 10;

function isRecordId(kind: RecordKind, text: string): boolean {
  const form = kind === 'follows' || kind === 'likes' ? PAIR_ID : SINGLE_ID;
  return form.test(text) && text.split(':').every((id) => Number.isSafeInteger(Number(id)));
}

function idListSchema(kind: RecordKind) {
  return z
    .array(z.string())
    .max(MAX_VERIFY_IDS, `at most ${MAX_VERIFY_IDS} ids a request`)
    .superRefine((ids, context) => {
      let reported = 0;
      for (const [index, id] of ids.entries()) {
        if (reported === MAX_REPORTED) return;
        if (isRecordId(kind, id)) continue;
        const message = `${ID_FORMS[kind]}; got ${JSON.stringify(id)}`;
        context.addIssue({ code: 'custom', path: [index], message });
        reported++;
      }
    });
}

/**
 * The body of `POST /admin/verify`: ids of acknowledged writes by kind, each kind optional,
 * at most {@link MAX_VERIFY_IDS} each; users and posts `"123"`, follows `"follower:followee"`,
 * likes `"user:post"`. Unknown keys and malformed ids are refused.
 */
export const VerifyBodySchema = z.strictObject({
  users: idListSchema('users').optional(),
  posts: idListSchema('posts').optional(),
  follows: idListSchema('follows').optional(),
  likes: idListSchema('likes').optional(),
});

/** A verify request as validated. */
export type VerifyInput = z.output<typeof VerifyBodySchema>;

/** The answer of `POST /admin/verify`: for each kind asked about, the ids the store lacks. */
export interface VerifyJson {
  readonly missing: { readonly [Kind in RecordKind]?: readonly string[] };
}

/**
 * Looks the ids of `input` up in the store (the admin route calls it after validation): 200
 * with, for each kind given, the ids it does not have, once each, in the order given.
 */
export async function verifyRecords(
  context: FeedContext,
  input: VerifyInput,
): Promise<Outcome<VerifyJson>> {
  const found = await context.store.missingRecords({
    ...(input.users && { users: unique(input.users).map(Number) }),
    ...(input.posts && { posts: unique(input.posts).map(Number) }),
    ...(input.follows && { follows: unique(input.follows).map(parsePair) }),
    ...(input.likes && { likes: unique(input.likes).map(parsePair) }),
  });
  const missing = {
    ...(found.users && { users: found.users.map(String) }),
    ...(found.posts && { posts: found.posts.map(String) }),
    ...(found.follows && { follows: found.follows.map(formatPair) }),
    ...(found.likes && { likes: found.likes.map(formatPair) }),
  };
  return { status: 200, body: { missing } };
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function parsePair(id: string): RecordPair {
  const [first, second] = id.split(':');
  return [Number(first), Number(second)];
}

function formatPair([first, second]: RecordPair): string {
  return `${first}:${second}`;
}
