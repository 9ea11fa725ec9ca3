import type { SeedFollows, SeedPopulation, SeedPost, UserRecord } from '../store/types.js';
import { heavyTailedCount } from './heavy-tail.js';
import { createRandom, type Random } from './random.js';
import { createTextGenerator } from './text.js';
import { createZipfSampler } from './zipf.js';

/** What a population is generated from; the same options give the same population. */
export interface PopulationOptions {
  /** Accounts `user1` … `userN`; `user1` is rank 1, the most followed. */
  readonly users: number;
  readonly seed: number;
  /** The password hash every account gets. */
  readonly passwordHash: string;
  /** Epoch ms; posts are spread over the 7 days before it, accounts joined before those. */
  readonly now: number;
}

/** Follows per user: 1 + a heavy-tailed count of scale 9.5, mean about 10, at most 5000. */
const FOLLOW_SCALE = 9.5;
const FOLLOW_CAP = 5000;
/** Exponent of the Zipf law followees are drawn from, by rank. */
const ZIPF_EXPONENT = 1;
/** Posts per user: heavy-tailed, mean about 2, half of the users without any. */
const POST_SCALE = 2.5;
const POST_CAP = 500;
/** Likes per post: heavy-tailed, mean about 0.6, from users drawn uniformly. */
const LIKE_SCALE = 1;
const LIKE_CAP = 100;
const DAY_SECONDS = 24 * 3600;
const POST_WINDOW_SECONDS = 7 * DAY_SECONDS;
const JOIN_WINDOW_SECONDS = 365 * DAY_SECONDS;
const TWO_TO_32 = 4_294_967_296;

/** The independent random streams of one seed, one per part of the population. */
const STREAMS = {
  degrees: 1,
  followees: 2,
  postCounts: 3,
  postTimes: 4,
  profiles: 5,
  texts: 6,
  likes: 7,
};

/** A follow graph: the followees of user i are `followees[offsets[i - 1] .. offsets[i]]`. */
interface FollowGraph {
  readonly offsets: Int32Array;
  readonly followees: Int32Array;
  readonly followerCounts: Int32Array;
}

/**
 * Generates a population without touching any database: the follow graph and the post
 * schedule are drawn into typed arrays when first iterated (about 100 bytes per user), the text
 * of accounts and posts as the loader iterates. Power-law graph: each user follows
 * a heavy-tailed number of accounts drawn by Zipf rank; at a million users `user1` is followed
 * by about a third of everyone and the top 0.1% of accounts hold about half of all follows.
 */
export function generatePopulation(options: PopulationOptions): SeedPopulation {
  validate(options);
  const { users: n, seed } = options;
  const graph = once(() => drawGraph(n, seed));
  const postCounts = once(() => drawPostCounts(n, createRandom(seed, STREAMS.postCounts)));
  const schedule = once(() =>
    drawPostSchedule(postCounts(), createRandom(seed, STREAMS.postTimes)),
  );
  return {
    users: iterable(() => users(options, graph(), postCounts())),
    follows: iterable(() => follows(graph())),
    posts: iterable(() => posts(options, postCounts(), schedule())),
  };
}

/** Computes on first use: a loader that refuses the database draws nothing. */
function once<T>(compute: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= compute();
    return value;
  };
}

function validate(options: PopulationOptions): void {
  if (!Number.isSafeInteger(options.seed)) {
    throw new RangeError(`seed must be a safe integer, got ${options.seed}`);
  }
  if (!Number.isSafeInteger(options.users) || options.users < 1) {
    throw new RangeError(`users must be a positive integer, got ${options.users}`);
  }
  if (!Number.isSafeInteger(options.now) || options.now < 0) {
    throw new RangeError(`now must be epoch milliseconds, got ${options.now}`);
  }
}

function iterable<T>(start: () => Iterator<T>): Iterable<T> {
  return { [Symbol.iterator]: start };
}

/** How many accounts each user means to follow: 1 + heavy-tailed, at most n - 1. */
function drawDegrees(n: number, random: Random): Int32Array {
  const cap = Math.min(FOLLOW_CAP, n - 1);
  const wanted = new Int32Array(n + 1);
  for (let user = 1; user <= n; user++) {
    wanted[user] = Math.min(cap, 1 + heavyTailedCount(random, FOLLOW_SCALE, FOLLOW_CAP));
  }
  return wanted;
}

function drawGraph(n: number, seed: number): FollowGraph {
  const wanted = drawDegrees(n, createRandom(seed, STREAMS.degrees));
  const sampler = createZipfSampler(n, ZIPF_EXPONENT);
  const random = createRandom(seed, STREAMS.followees);
  const offsets = new Int32Array(n + 1);
  const followees = new Int32Array(wanted.reduce((sum, k) => sum + k, 0));
  const followerCounts = new Int32Array(n + 1);
  // lastChooser[v] === user when user already follows v: a duplicate check without a Set.
  const lastChooser = new Int32Array(n + 1);
  let end = 0;
  for (let user = 1; user <= n; user++) {
    const start = end;
    // Near the top ranks most draws repeat; bound the attempts so tiny populations end too.
    for (let attempts = 20 * wanted[user]! + 100; end - start < wanted[user]! && attempts > 0; ) {
      attempts--;
      const followee = sampler(random);
      if (followee === user || lastChooser[followee] === user) continue;
      lastChooser[followee] = user;
      followees[end++] = followee;
      followerCounts[followee]!++;
    }
    followees.subarray(start, end).sort();
    offsets[user] = end;
  }
  return { offsets, followees, followerCounts };
}

function drawPostCounts(n: number, random: Random): Int32Array {
  const counts = new Int32Array(n + 1);
  for (let user = 1; user <= n; user++) {
    counts[user] = heavyTailedCount(random, POST_SCALE, POST_CAP);
  }
  return counts;
}

/**
 * The posts in time order, each a key `second * 2^32 + sequence`: `second` in the 7-day
 * window, `sequence` the post's index in author order (so ties break the same way every run).
 * Exact in a float64 (20 + 32 bits), so a native numeric sort orders them.
 */
function drawPostSchedule(postCounts: Int32Array, random: Random): Float64Array {
  let total = 0;
  for (let user = 1; user < postCounts.length; user++) total += postCounts[user]!;
  const keys = new Float64Array(total);
  for (let sequence = 0; sequence < total; sequence++) {
    keys[sequence] = random.int(POST_WINDOW_SECONDS) * TWO_TO_32 + sequence;
  }
  return keys.sort();
}

function* users(
  options: PopulationOptions,
  graph: FollowGraph,
  postCounts: Int32Array,
): Iterator<UserRecord> {
  const random = createRandom(options.seed, STREAMS.profiles);
  const text = createTextGenerator(random);
  const joinedBefore = options.now - POST_WINDOW_SECONDS * 1000;
  for (let id = 1; id <= options.users; id++) {
    yield {
      id,
      username: `user${id}`,
      displayName: text.displayName(),
      bio: text.bio(),
      passwordHash: options.passwordHash,
      createdAt: joinedBefore - random.int(JOIN_WINDOW_SECONDS) * 1000,
      followers: graph.followerCounts[id]!,
      following: graph.offsets[id]! - graph.offsets[id - 1]!,
      posts: postCounts[id]!,
    };
  }
}

function* follows(graph: FollowGraph): Iterator<SeedFollows> {
  for (let follower = 1; follower < graph.offsets.length; follower++) {
    const followeeIds = graph.followees.subarray(
      graph.offsets[follower - 1],
      graph.offsets[follower],
    );
    if (followeeIds.length > 0) yield { followerId: follower, followeeIds };
  }
}

function* posts(
  options: PopulationOptions,
  postCounts: Int32Array,
  schedule: Float64Array,
): Iterator<SeedPost> {
  const authors = authorsBySequence(postCounts, schedule.length);
  const text = createTextGenerator(createRandom(options.seed, STREAMS.texts));
  const likes = createRandom(options.seed, STREAMS.likes);
  const windowStart = options.now - POST_WINDOW_SECONDS * 1000;
  for (let index = 0; index < schedule.length; index++) {
    const key = schedule[index]!;
    const second = Math.floor(key / TWO_TO_32);
    const likedBy = drawLikers(likes, options.users);
    yield {
      id: index + 1,
      authorId: authors[key - second * TWO_TO_32]!,
      text: text.postText(),
      replyTo: null,
      createdAt: windowStart + second * 1000,
      likes: likedBy.length,
      likedBy,
    };
  }
}

function authorsBySequence(postCounts: Int32Array, total: number): Int32Array {
  const authors = new Int32Array(total);
  let sequence = 0;
  for (let user = 1; user < postCounts.length; user++) {
    authors.fill(user, sequence, sequence + postCounts[user]!);
    sequence += postCounts[user]!;
  }
  return authors;
}

function drawLikers(random: Random, n: number): Int32Array {
  const count = Math.min(n, heavyTailedCount(random, LIKE_SCALE, LIKE_CAP));
  const likers = new Int32Array(count);
  for (let filled = 0; filled < count; ) {
    const liker = 1 + random.int(n);
    if (!likers.subarray(0, filled).includes(liker)) likers[filled++] = liker;
  }
  return likers.sort();
}
