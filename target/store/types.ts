/**
 * The storage contract of the reference feed service. Routes and the feed logic see only this
 * interface, so a PostgreSQL store can be added beside the SQLite one without touching them.
 * Every method is async for that reason, although better-sqlite3 answers synchronously.
 *
 * Ids are positive integers assigned by the store; post ids grow with time, so "newest first"
 * is "highest id first" and a post id is a stable pagination cursor. Times are epoch ms.
 * A method that resolves has committed its write durably (the store's sync setting).
 */
export interface Store {
  /**
   * Creates an account and records its follow import (`follows`, usernames) as pending follows,
   * in one transaction. With an `idempotencyKey` already used, creates nothing and returns the
   * account that key created, with the request hash it was stored with.
   */
  createUser(input: NewUser): Promise<CreateUserResult>;
  findUserById(id: number): Promise<UserRecord | null>;
  findUserByUsername(username: string): Promise<UserRecord | null>;

  /** Creates a post; `reply-target-missing` when `replyTo` names no live post. */
  createPost(input: NewPost): Promise<PostRecord | 'reply-target-missing'>;
  findPost(id: number): Promise<PostRecord | null>;
  /** Deletes a post (its likes go with it); false when there was none. */
  deletePost(id: number): Promise<boolean>;

  /** Likes a post; `created` is false when the like existed already, null when no such post. */
  likePost(userId: number, postId: number): Promise<{ created: boolean } | null>;
  /** Removes a like; false when there was none. */
  unlikePost(userId: number, postId: number): Promise<boolean>;

  /** Follows an account; `created` is false when the follow existed already. */
  follow(followerId: number, followeeId: number): Promise<{ created: boolean }>;
  /** Removes a follow; false when there was none. */
  unfollow(followerId: number, followeeId: number): Promise<boolean>;

  /** Posts of the accounts `userId` follows, newest first: `limit` posts with id < `before`. */
  homeFeed(userId: number, page: PageRequest): Promise<PostView[]>;
  /** Posts of one author, newest first: `limit` posts with id < `before`. */
  userPosts(authorId: number, page: PageRequest): Promise<PostView[]>;

  /**
   * Makes real up to `limit` pending follows whose followee has joined, in one transaction:
   * those made by `follower` (a follow import), or those waiting for `followee` (the fan-in
   * when an account joins). Pending follows of accounts still missing stay pending.
   */
  resolvePendingFollows(scope: PendingScope, limit: number): Promise<PendingProgress>;
  /** The scopes with resolvable pending follows, for resuming the jobs after a restart. */
  resolvablePendingScopes(limit: number): Promise<PendingScope[]>;

  /** A random id given to the database when it was created, the same for every process on it. */
  databaseId(): Promise<string>;
  /**
   * Of the records named in `query`, those the store does not have (a follow or a like exists
   * when its row does), for consistency checks after a run. Answers each kind given, even with
   * an empty list, and no other; keys keep the order they were given in. One query per kind,
   * all read from one snapshot; reads only.
   */
  missingRecords(query: RecordQuery): Promise<RecordQuery>;
  /** Row counts, for consistency checks after a run. */
  stats(): Promise<StoreStats>;
  /** True when the store answers a trivial query (readiness). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /**
   * The connections this process keeps to a database server (PostgreSQL's pool), for the
   * pool's metrics; absent for an embedded store (SQLite), which has no pool.
   */
  readonly poolSize?: number;
}

/** What sign-up asks the store to create. */
export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly bio: string;
  /** An encoded password hash (see feed/passwords.ts); never the password. */
  readonly passwordHash: string;
  /** Usernames to follow once they exist (the import); deduplicated by the store. */
  readonly follows: readonly string[];
  readonly idempotencyKey?: string;
  /** A hash of the request body, stored with the key to detect a key reused for another body. */
  readonly requestHash?: string;
  readonly createdAt: number;
}

/** The outcome of {@link Store.createUser}. */
export type CreateUserResult =
  | { readonly kind: 'created'; readonly user: UserRecord; readonly pendingFollows: number }
  | { readonly kind: 'replayed'; readonly user: UserRecord; readonly requestHash: string }
  | { readonly kind: 'username-taken' };

/** An account as stored, with its denormalised counts. */
export interface UserRecord {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly bio: string;
  readonly passwordHash: string;
  readonly createdAt: number;
  readonly followers: number;
  readonly following: number;
  readonly posts: number;
}

/** What creating a post asks for. */
export interface NewPost {
  readonly authorId: number;
  readonly text: string;
  readonly replyTo: number | null;
  readonly createdAt: number;
}

/** A post as stored. */
export interface PostRecord {
  readonly id: number;
  readonly authorId: number;
  readonly text: string;
  readonly replyTo: number | null;
  readonly createdAt: number;
  readonly likes: number;
}

/** A post with what a timeline shows of its author. */
export interface PostView extends PostRecord {
  readonly authorUsername: string;
  readonly authorDisplayName: string;
}

/** One page of a newest-first list. */
export interface PageRequest {
  /** Only posts with a smaller id; null for the first page. */
  readonly before: number | null;
  readonly limit: number;
}

/** Whose pending follows a resolution job works on. */
export type PendingScope =
  | { readonly kind: 'follower'; readonly followerId: number }
  | { readonly kind: 'followee'; readonly username: string };

/** What one resolution batch did. */
export interface PendingProgress {
  /** Pending follows made real (or dropped as duplicates or self-follows) by this batch. */
  readonly resolved: number;
  /** Of those, the follows made real (not duplicates of existing ones, nor self-follows). */
  readonly followed: number;
  /** True when the scope may have more resolvable pending follows: run another batch. */
  readonly more: boolean;
}

/** Two ids naming a follow (`[followerId, followeeId]`) or a like (`[userId, postId]`). */
export type RecordPair = readonly [number, number];

/** Records by kind, named as {@link StoreStats} counts them; for {@link Store.missingRecords}. */
export interface RecordQuery {
  /** User ids. */
  readonly users?: readonly number[];
  /** Post ids. */
  readonly posts?: readonly number[];
  /** `[followerId, followeeId]` of each follow. */
  readonly follows?: readonly RecordPair[];
  /** `[userId, postId]` of each like. */
  readonly likes?: readonly RecordPair[];
}

/** Row counts of the store. */
export interface StoreStats {
  readonly users: number;
  readonly posts: number;
  readonly follows: number;
  readonly likes: number;
  readonly pendingFollows: number;
  /**
   * Pending follows whose followee has joined: the follow import or fan-in jobs still owe
   * them. 0 once the job queue is idle; more after that means a job's work was lost.
   */
  readonly resolvablePendingFollows: number;
}

/**
 * A generated population to bulk-load into an empty database (seeding). Each iterable may be
 * iterated more than once and yields the same items each time; the loader reads each once.
 */
export interface SeedPopulation {
  /** Every account, ids 1, 2, ... ascending; its counts match `follows` and `posts`. */
  readonly users: Iterable<UserRecord>;
  /** Each follower's followees (ascending ids, no duplicates, not itself), followers ascending. */
  readonly follows: Iterable<SeedFollows>;
  /** Posts in id order (1, 2, ...), which is time order; `likes` is `likedBy.length`. */
  readonly posts: Iterable<SeedPost>;
}

/** The accounts one user follows, for {@link SeedPopulation.follows}. */
export interface SeedFollows {
  readonly followerId: number;
  /** Ascending user ids. */
  readonly followeeIds: Int32Array;
}

/** A post with its likers, for {@link SeedPopulation.posts}. */
export interface SeedPost extends PostRecord {
  /** Ascending ids of the users who liked it. */
  readonly likedBy: Int32Array;
}

/** The rows a bulk load wrote. */
export interface ImportCounts {
  readonly users: number;
  readonly follows: number;
  readonly posts: number;
  readonly likes: number;
}

/**
 * Bulk-loads `population` into the database at `path`, which must hold no users (created when
 * missing); leaves it ready for the store (schema current, indexes built, WAL). Synchronous:
 * seeding owns the file and does nothing else meanwhile.
 */
export type ImportPopulation = (path: string, population: SeedPopulation) => ImportCounts;

/** Where a store keeps its data and how: the service's `--db`, `--sync` and `--pool-size`. */
export interface StoreLocation {
  /** The database: a file or `:memory:` for SQLite, a `postgres://` URL for PostgreSQL. */
  readonly db: string;
  readonly sync: 'normal' | 'full';
  /** Connections a process keeps (PostgreSQL); default the store's, for `workers` processes. */
  readonly poolSize?: number;
  /** Processes serving on the database. */
  readonly workers?: number;
}

/**
 * One way to keep the feed's data, registered in `STORES` (registry.ts) under the name that
 * `launchday target start --store NAME` chooses it by.
 */
export interface StoreFactory {
  readonly name: string;
  /** What it is, in a few words, for help and errors. */
  readonly description: string;
  /** True for a `--db` only this store reads (a `postgres://` URL), so `--store` may be left out. */
  claims(db: string): boolean;
  /** Opens the store at `location`, creating or migrating its schema; the caller closes it. */
  open(location: StoreLocation): Promise<Store>;
  /**
   * Bulk-loads a seed population into the new database `db` (`launchday target seed`); rejects
   * with `DatabaseNotEmptyError`, writing nothing, when it has users.
   */
  importPopulation(db: string, population: SeedPopulation): Promise<ImportCounts>;
}
