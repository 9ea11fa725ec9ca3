import { z } from 'zod';

// A lone UTF-16 surrogate: in `u` mode a well-formed pair is one code point and does not match.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Text of `min` to `max` characters, counted in code points (an emoji is one character, as a
 * user counts them), well-formed (no lone surrogate, which storage would silently replace).
 */
export function textSchema(min: number, max: number) {
  return z.string().superRefine((text, context) => {
    if (LONE_SURROGATE.test(text)) {
      context.addIssue({ code: 'custom', message: 'contains a lone UTF-16 surrogate' });
      return;
    }
    const length = [...text].length;
    if (length < min || length > max) {
      context.addIssue({ code: 'custom', message: `must be ${min} to ${max} characters long` });
    }
  });
}

/** An account name: 3 to 30 of `A-Z a-z 0-9 _ .`. */
export const UsernameSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.]{3,30}$/, 'must be 3 to 30 of A-Z, a-z, 0-9, "_" and "."');

/** A record id: a positive integer a double holds exactly (below 2^53). */
export const IdSchema = z.int().positive();

/** A record id in a path: decimal digits, no sign or leading zero, below 2^53. */
export const IdParamSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,15}$/, 'must be a positive integer')
  .transform(Number)
  .pipe(IdSchema);

/** The body of `POST /v1/signup`; `maxFollows` is `config.importCap`. */
export function signupBodySchema(maxFollows: number) {
  return z.strictObject({
    username: UsernameSchema,
    displayName: textSchema(1, 50),
    bio: textSchema(0, 160).default(''),
    password: textSchema(8, 128),
    follows: z.array(UsernameSchema).max(maxFollows).default([]),
  });
}

/** A sign-up as validated. */
export type SignupInput = z.output<ReturnType<typeof signupBodySchema>>;

/** The body of `POST /v1/login`. */
export const LoginBodySchema = z.strictObject({
  username: z.string().max(64),
  password: z.string().max(256),
});

/** A login as validated. */
export type LoginInput = z.output<typeof LoginBodySchema>;

/** The body of `POST /v1/posts`: 1 to 500 characters, optionally a reply to a post. */
export const PostBodySchema = z.strictObject({
  text: textSchema(1, 500),
  replyTo: IdSchema.nullable().default(null),
});

/** A new post as validated. */
export type PostInput = z.output<typeof PostBodySchema>;
