import { ApiError } from '../errors.js';
import type { FeedContext, Outcome, PageJson } from './types.js';
import { pageJson } from './views.js';

/** Posts per timeline page. */
export const PAGE_SIZE = 20;

/**
 * The home timeline of `userId`: posts of the accounts it follows, newest first, a page of
 * {@link PAGE_SIZE} below the post id `before` (null: from the newest).
 */
export async function homeTimeline(
  context: FeedContext,
  userId: number,
  before: number | null,
): Promise<Outcome<PageJson>> {
  // One more than a page: a full page that is the last one then gets a null cursor.
  const rows = await context.store.homeFeed(userId, { before, limit: PAGE_SIZE + 1 });
  return { status: 200, body: pageJson(rows, PAGE_SIZE) };
}

/** The posts of one account, paged as {@link homeTimeline}; 404 when there is no such account. */
export async function userTimeline(
  context: FeedContext,
  authorId: number,
  before: number | null,
): Promise<Outcome<PageJson>> {
  if ((await context.store.findUserById(authorId)) === null) {
    throw new ApiError('not_found', `no user with id ${authorId}`);
  }
  const rows = await context.store.userPosts(authorId, { before, limit: PAGE_SIZE + 1 });
  return { status: 200, body: pageJson(rows, PAGE_SIZE) };
}
