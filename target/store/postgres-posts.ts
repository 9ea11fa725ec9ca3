import { type Pool, type Tx, transaction } from './postgres-connection.js';
import type { NewPost, PostRecord, Store } from './types.js';

/** The post and like methods of the PostgreSQL store. */
export type PostMethods = Pick<
  Store,
  'createPost' | 'findPost' | 'deletePost' | 'likePost' | 'unlikePost'
>;

/** The columns of a {@link PostRecord} from `posts` aliased `p`, as a fragment of `sql`'s queries. */
export const postColumns = (sql: Pool | Tx) =>
  sql`p.id, p.author_id, p.text, p.reply_to, p.created_at, p.like_count AS likes`;

/**
 * The post methods over `pool`, each one transaction. A deleted post takes its likes with it
 * (`ON DELETE CASCADE`) and lowers its author's post count; replies keep their `replyTo`. A
 * like locks its post against deletion (`FOR KEY SHARE`) until it is counted.
 */
export function createPostMethods(pool: Pool): PostMethods {
  return {
    createPost: (post) => transaction(pool, (tx) => createPost(tx, post)),
    findPost: async (id) =>
      (await pool<PostRecord[]>`SELECT ${postColumns(pool)} FROM posts p WHERE p.id = ${id}`)[0] ??
      null,
    deletePost: (id) =>
      transaction(pool, async (tx) => {
        const [gone] = await tx<{ authorId: number }[]>`
          DELETE FROM posts WHERE id = ${id} RETURNING author_id`;
        if (gone === undefined) return false;
        await tx`UPDATE users SET posts = posts - 1 WHERE id = ${gone.authorId}`;
        return true;
      }),
    likePost: (userId, postId) =>
      transaction(pool, async (tx) => {
        const [post] = await tx`SELECT 1 FROM posts WHERE id = ${postId} FOR KEY SHARE`;
        if (post === undefined) return null;
        const added = await tx`
          INSERT INTO likes (post_id, user_id) VALUES (${postId}, ${userId}) ON CONFLICT DO NOTHING`;
        if (added.count === 1)
          await tx`UPDATE posts SET like_count = like_count + 1 WHERE id = ${postId}`;
        return { created: added.count === 1 };
      }),
    unlikePost: (userId, postId) =>
      transaction(pool, async (tx) => {
        const removed = await tx`
          DELETE FROM likes WHERE post_id = ${postId} AND user_id = ${userId}`;
        if (removed.count === 1)
          await tx`UPDATE posts SET like_count = like_count - 1 WHERE id = ${postId}`;
        return removed.count === 1;
      }),
  };
}

async function createPost(tx: Tx, post: NewPost): Promise<PostRecord | 'reply-target-missing'> {
  if (post.replyTo !== null) {
    const [target] = await tx`SELECT 1 FROM posts WHERE id = ${post.replyTo}`;
    if (target === undefined) return 'reply-target-missing';
  }
  const { authorId, text, replyTo, createdAt } = post;
  const [row] = await tx<{ id: number }[]>`
    INSERT INTO posts (author_id, text, reply_to, created_at)
    VALUES (${authorId}, ${text}, ${replyTo}, ${createdAt}) RETURNING id`;
  await tx`UPDATE users SET posts = posts + 1 WHERE id = ${authorId}`;
  return { id: row!.id, authorId, text, replyTo, createdAt, likes: 0 };
}
