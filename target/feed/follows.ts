import { ApiError } from '../errors.js';
import type { FeedContext, Outcome } from './types.js';

/** What following answers: 201 for a new follow, 200 when it existed (following is idempotent). */
export interface FollowJson {
  readonly followeeId: number;
  readonly following: true;
}

/** `followerId` follows `followeeId`: 201, or 200 again; 400 for oneself, 404 for nobody. */
export async function follow(
  context: FeedContext,
  followerId: number,
  followeeId: number,
): Promise<Outcome<FollowJson>> {
  refuseSelf(followerId, followeeId);
  if ((await context.store.findUserById(followeeId)) === null) throw userNotFound(followeeId);
  const { created } = await context.store.follow(followerId, followeeId);
  if (created) context.metrics.business.follows.inc();
  return { status: created ? 201 : 200, body: { followeeId, following: true } };
}

/** `followerId` stops following `followeeId`: 204 whether or not it did; 404 for nobody. */
export async function unfollow(
  context: FeedContext,
  followerId: number,
  followeeId: number,
): Promise<Outcome<undefined>> {
  refuseSelf(followerId, followeeId);
  const removed = await context.store.unfollow(followerId, followeeId);
  if (!removed && (await context.store.findUserById(followeeId)) === null) {
    throw userNotFound(followeeId);
  }
  return { status: 204, body: undefined };
}

function refuseSelf(followerId: number, followeeId: number): void {
  if (followerId === followeeId)
    throw new ApiError('bad_request', 'an account cannot follow itself');
}

function userNotFound(userId: number): ApiError {
  return new ApiError('not_found', `no user with id ${userId}`);
}
