import { createHash } from 'node:crypto';
import { ApiError } from '../errors.js';
import type { UserRecord } from '../store/types.js';
import { pendingFollowJob } from './follow-jobs.js';
import type { Reservation } from './job-queue.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { LoginInput, SignupInput } from './schemas.js';
import type { FeedContext, LoginJson, Outcome, SignupJson, UserJson } from './types.js';
import { userJson } from './views.js';

/** A sign-up's answer; `replayed` when an Idempotency-Key returned an earlier sign-up. */
export interface SignupOutcome extends Outcome<SignupJson> {
  readonly replayed: boolean;
}

/**
 * Creates an account, records its follow import as pending follows and queues the jobs that
 * resolve them (the import, and the fan-in of follows waiting for this username). Refuses
 * with 503 `overloaded` before writing anything when the job queue has no room for them.
 * With an `idempotencyKey` already used for the same body, returns that account again; for
 * another body, 422 `idempotency_key_reused`. A taken username is 409.
 */
export async function signUp(
  context: FeedContext,
  input: SignupInput,
  idempotencyKey?: string,
): Promise<SignupOutcome> {
  const hasImport = input.follows.length > 0;
  const reservation = context.jobs.reserve(hasImport ? 2 : 1);
  if (reservation === null) {
    throw new ApiError('overloaded', 'too many sign-ups are being processed; retry later');
  }
  try {
    return await createAccount(context, input, reservation, idempotencyKey);
  } finally {
    reservation.release();
  }
}

async function createAccount(
  context: FeedContext,
  input: SignupInput,
  reservation: Reservation,
  idempotencyKey: string | undefined,
): Promise<SignupOutcome> {
  const requestHash = idempotencyKey === undefined ? undefined : signupHash(input);
  const result = await context.store.createUser({
    username: input.username,
    displayName: input.displayName,
    bio: input.bio,
    passwordHash: await hashPassword(input.password, context.config.passwordCost),
    follows: input.follows,
    idempotencyKey,
    requestHash,
    createdAt: context.now(),
  });
  if (result.kind === 'username-taken') {
    throw new ApiError('username_taken', `username "${input.username}" is taken`);
  }
  if (result.kind === 'replayed') {
    await refuseOtherSignup(input, result.user, result.requestHash, requestHash);
    return signupOutcome(context, result.user, input, pendingCount(input), true);
  }
  context.metrics.business.signups.inc();
  if (result.pendingFollows > 0) {
    reservation.enqueue(
      pendingFollowJob(context, { kind: 'follower', followerId: result.user.id }),
    );
  }
  reservation.enqueue(pendingFollowJob(context, { kind: 'followee', username: input.username }));
  return signupOutcome(context, result.user, input, result.pendingFollows, false);
}

/** 422 unless a replayed key comes with the body and password of the sign-up it made. */
async function refuseOtherSignup(
  input: SignupInput,
  user: UserRecord,
  storedHash: string,
  requestHash: string | undefined,
): Promise<void> {
  const same =
    storedHash === requestHash && (await verifyPassword(input.password, user.passwordHash));
  if (!same) {
    throw new ApiError(
      'idempotency_key_reused',
      'this Idempotency-Key was used for a different sign-up; use a new key',
    );
  }
}

function signupOutcome(
  context: FeedContext,
  user: UserRecord,
  input: SignupInput,
  pending: number,
  replayed: boolean,
): SignupOutcome {
  const body: SignupJson = {
    user: userJson(user),
    token: context.tokens.issue(user.id),
    followImport: { requested: input.follows.length, pending },
  };
  return { status: 201, body, replayed };
}

/**
 * The pending follows a sign-up recorded, for a replay: the store's rule, its distinct
 * usernames other than its own, compared case-insensitively.
 */
function pendingCount(input: SignupInput): number {
  const distinct = new Set(input.follows.map((username) => username.toLowerCase()));
  distinct.delete(input.username.toLowerCase());
  return distinct.size;
}

/**
 * What identifies a sign-up's body for its Idempotency-Key. The password is left out, so no
 * fast hash of it is ever stored; a replay checks it against the account's scrypt hash.
 */
function signupHash(input: SignupInput): string {
  const canonical = JSON.stringify([input.username, input.displayName, input.bio, input.follows]);
  return createHash('sha256').update(canonical).digest('base64url');
}

/**
 * A bearer token for a username and password; 401 with one message whether the username is
 * unknown or the password wrong, after the same scrypt work, so neither text nor timing says
 * which usernames exist.
 */
export async function logIn(context: FeedContext, input: LoginInput): Promise<Outcome<LoginJson>> {
  const user = await context.store.findUserByUsername(input.username);
  const hash = user?.passwordHash ?? (await context.decoyPasswordHash);
  const matches = await verifyPassword(input.password, hash);
  if (user === null || !matches) {
    throw new ApiError('unauthorized', 'wrong username or password');
  }
  context.metrics.business.logins.inc();
  return { status: 200, body: { token: context.tokens.issue(user.id), user: userJson(user) } };
}

/** The account of the authenticated user; 401 when it no longer exists. */
export async function currentUser(
  context: FeedContext,
  userId: number,
): Promise<Outcome<UserJson>> {
  const user = await context.store.findUserById(userId);
  if (user === null) throw new ApiError('unauthorized', 'the account of this token does not exist');
  return { status: 200, body: userJson(user) };
}

/** A public profile; 404 when there is no such account. */
export async function publicUser(context: FeedContext, userId: number): Promise<Outcome<UserJson>> {
  const user = await context.store.findUserById(userId);
  if (user === null) throw new ApiError('not_found', `no user with id ${userId}`);
  return { status: 200, body: userJson(user) };
}
