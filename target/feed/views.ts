import type { PostRecord, PostView, UserRecord } from '../store/types.js';
import { encodeCursor } from './cursor.js';
import type { PageJson, PostJson, TimelinePostJson, UserJson } from './types.js';

/** What the API shows of an account. */
export function userJson(user: UserRecord): UserJson {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    bio: user.bio,
    createdAt: new Date(user.createdAt).toISOString(),
    followers: user.followers,
    following: user.following,
    posts: user.posts,
  };
}

/** What the API shows of a post. */
export function postJson(post: PostRecord): PostJson {
  return {
    id: post.id,
    authorId: post.authorId,
    text: post.text,
    replyTo: post.replyTo,
    likes: post.likes,
    createdAt: new Date(post.createdAt).toISOString(),
  };
}

/**
 * A page of `pageSize` posts from `rows`, which the caller fetched with one more than
 * `pageSize` so that a last page is known to be last (its `nextCursor` is null).
 */
export function pageJson(rows: readonly PostView[], pageSize: number): PageJson {
  const shown = rows.slice(0, pageSize);
  const last = shown.at(-1);
  return {
    posts: shown.map(timelinePostJson),
    nextCursor: rows.length > pageSize && last !== undefined ? encodeCursor(last.id) : null,
  };
}

function timelinePostJson(post: PostView): TimelinePostJson {
  return {
    ...postJson(post),
    author: { username: post.authorUsername, displayName: post.authorDisplayName },
  };
}
