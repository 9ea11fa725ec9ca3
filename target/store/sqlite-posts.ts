import type Database from 'better-sqlite3';
import type { NewPost, PostRecord, Store } from './types.js';

/** The post and like methods of the SQLite store. */
export type PostMethods = Pick<
  Store,
  'createPost' | 'findPost' | 'deletePost' | 'likePost' | 'unlikePost'
>;

/** The columns of a {@link PostRecord}, from `posts` aliased `p`. */
export const POST_COLUMNS = `p.id, p.author_id AS authorId, p.text, p.reply_to AS replyTo,
  p.created_at AS createdAt, p.like_count AS likes`;

/**
 * The post methods over `db`. A deleted post takes its likes with it and lowers its author's
 * post count; replies to it keep their `replyTo` (see the schema).
 */
export function createPostMethods(db: Database.Database): PostMethods {
  const statements = prepareStatements(db);
  const { find } = statements;
  const { create, remove, like, unlike } = transactions(db, statements);
  return {
    createPost: async (post) => create.immediate(post),
    findPost: async (id) => find.get(id) ?? null,
    deletePost: async (id) => remove.immediate(id),
    likePost: async (userId, postId) => like.immediate(userId, postId),
    unlikePost: async (userId, postId) => unlike.immediate(userId, postId),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

function prepareStatements(db: Database.Database) {
  return {
    find: db.prepare<[number], PostRecord>(`SELECT ${POST_COLUMNS} FROM posts p WHERE id = ?`),
    authorOf: db.prepare<[number], number>('SELECT author_id FROM posts WHERE id = ?').pluck(),
    insert: db.prepare<[NewPost]>(
      `INSERT INTO posts (author_id, text, reply_to, created_at)
       VALUES (@authorId, @text, @replyTo, @createdAt)`,
    ),
    countPost: db.prepare<[number, number]>('UPDATE users SET posts = posts + ? WHERE id = ?'),
    remove: db.prepare<[number]>('DELETE FROM posts WHERE id = ?'),
    removeLikes: db.prepare<[number]>('DELETE FROM likes WHERE post_id = ?'),
    insertLike: db.prepare<[number, number]>(
      'INSERT OR IGNORE INTO likes (post_id, user_id) VALUES (?, ?)',
    ),
    removeLike: db.prepare<[number, number]>('DELETE FROM likes WHERE post_id = ? AND user_id = ?'),
    countLike: db.prepare<[number, number]>(
      'UPDATE posts SET like_count = like_count + ? WHERE id = ?',
    ),
  };
}

function transactions(db: Database.Database, s: Statements) {
  return {
    create: db.transaction((post: NewPost): PostRecord | 'reply-target-missing' => {
      if (post.replyTo !== null && s.authorOf.get(post.replyTo) === undefined) {
        return 'reply-target-missing';
      }
      const { authorId, text, replyTo, createdAt } = post;
      const id = Number(s.insert.run({ authorId, text, replyTo, createdAt }).lastInsertRowid);
      s.countPost.run(1, authorId);
      return { id, authorId, text, replyTo, createdAt, likes: 0 };
    }),
    remove: db.transaction((id: number): boolean => {
      const authorId = s.authorOf.get(id);
      if (authorId === undefined) return false;
      s.removeLikes.run(id);
      s.remove.run(id);
      s.countPost.run(-1, authorId);
      return true;
    }),
    like: db.transaction((userId: number, postId: number) => {
      if (s.authorOf.get(postId) === undefined) return null;
      const created = s.insertLike.run(postId, userId).changes === 1;
      if (created) s.countLike.run(1, postId);
      return { created };
    }),
    unlike: db.transaction((userId: number, postId: number): boolean => {
      const removed = s.removeLike.run(postId, userId).changes === 1;
      if (removed) s.countLike.run(-1, postId);
      return removed;
    }),
  };
}
