import { ApiError } from '../errors.js';
import type { PostInput } from './schemas.js';
import type { FeedContext, Outcome, PostJson } from './types.js';
import { postJson } from './views.js';

/** What liking answers: 201 for a new like, 200 when it existed (liking is idempotent). */
export interface LikeJson {
  readonly postId: number;
  readonly liked: true;
}

/**
 * Publishes a post by `authorId`. A `replyTo` naming no post is 400 `validation_failed` with
 * the issue on `body.replyTo`: the request names something that is not there, the URL does not.
 */
export async function createPost(
  context: FeedContext,
  authorId: number,
  input: PostInput,
): Promise<Outcome<PostJson>> {
  const post = await context.store.createPost({
    authorId,
    text: input.text,
    replyTo: input.replyTo,
    createdAt: context.now(),
  });
  if (post === 'reply-target-missing') {
    const message = `no post with id ${input.replyTo} to reply to`;
    throw new ApiError('validation_failed', message, [{ path: 'body.replyTo', message }]);
  }
  context.metrics.business.posts.inc();
  return { status: 201, body: postJson(post) };
}

/** Deletes a post of `userId`: 204; 404 when there is none, 403 when it is someone else's. */
export async function deletePost(
  context: FeedContext,
  userId: number,
  postId: number,
): Promise<Outcome<undefined>> {
  const post = await context.store.findPost(postId);
  if (post === null) throw postNotFound(postId);
  if (post.authorId !== userId) throw new ApiError('forbidden', 'this post is not yours');
  if (!(await context.store.deletePost(postId))) throw postNotFound(postId);
  return { status: 204, body: undefined };
}

/** Likes a post: 201 the first time, 200 after; 404 when there is no such post. */
export async function likePost(
  context: FeedContext,
  userId: number,
  postId: number,
): Promise<Outcome<LikeJson>> {
  const like = await context.store.likePost(userId, postId);
  if (like === null) throw postNotFound(postId);
  if (like.created) context.metrics.business.likes.inc();
  return { status: like.created ? 201 : 200, body: { postId, liked: true } };
}

/** Removes a like: 204 whether or not there was one; 404 when there is no such post. */
export async function unlikePost(
  context: FeedContext,
  userId: number,
  postId: number,
): Promise<Outcome<undefined>> {
  const removed = await context.store.unlikePost(userId, postId);
  if (!removed && (await context.store.findPost(postId)) === null) throw postNotFound(postId);
  return { status: 204, body: undefined };
}

function postNotFound(postId: number): ApiError {
  return new ApiError('not_found', `no post with id ${postId}`);
}
