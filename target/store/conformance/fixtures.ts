import { newUser } from '../test-stores.js';
import type { PendingProgress, PendingScope, PostRecord, Store, UserRecord } from '../types.js';

/** Signs `username` up with the import `follows`; throws unless the account was created. */
export async function signUp(
  store: Store,
  username: string,
  follows: readonly string[] = [],
): Promise<UserRecord> {
  const result = await store.createUser(newUser(username, { follows }));
  if (result.kind !== 'created') throw new Error(`${username} was not created: ${result.kind}`);
  return result.user;
}

/** Posts `text` by `author` (a reply to `replyTo`); throws when the reply target is missing. */
export async function postBy(
  store: Store,
  author: UserRecord,
  text: string,
  replyTo: number | null = null,
): Promise<PostRecord> {
  const post = await store.createPost({
    authorId: author.id,
    text,
    replyTo,
    createdAt: 1_700_000_000_000,
  });
  if (post === 'reply-target-missing') throw new Error(`${text}: ${post}`);
  return post;
}

/** The follower and following counts of `user` as the store has them now. */
export async function followCounts(store: Store, user: UserRecord) {
  const found = await store.findUserById(user.id);
  return { followers: found?.followers, following: found?.following };
}

/** Runs `count` resolution batches of up to `limit` on `scope`: each batch's progress. */
export async function resolveBatches(
  store: Store,
  scope: PendingScope,
  limit: number,
  count: number,
): Promise<PendingProgress[]> {
  const progress: PendingProgress[] = [];
  for (let batch = 0; batch < count; batch++) {
    progress.push(await store.resolvePendingFollows(scope, limit));
  }
  return progress;
}

/** Runs batches of up to `limit` on `scope` until one says there is no more: their progress. */
export async function resolveAll(
  store: Store,
  scope: PendingScope,
  limit: number,
): Promise<PendingProgress[]> {
  const progress: PendingProgress[] = [];
  for (;;) {
    const batch = await store.resolvePendingFollows(scope, limit);
    progress.push(batch);
    if (!batch.more) return progress;
  }
}
