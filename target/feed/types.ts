import type { TargetConfig } from '../config.js';
import type { FeedMetrics } from '../metrics/feed-metrics.js';
import type { Store } from '../store/types.js';
import type { JobQueue } from './job-queue.js';
import type { TokenService } from './tokens.js';

/** What every feed operation works with; one per app, made by `createFeedContext`. */
export interface FeedContext {
  readonly store: Store;
  readonly config: TargetConfig;
  readonly metrics: FeedMetrics;
  readonly tokens: TokenService;
  /** Follow imports and pending-follow fan-in. */
  readonly jobs: JobQueue;
  /** Epoch ms. */
  readonly now: () => number;
  /** A password hash nobody has, verified for an unknown username so a login takes as long. */
  readonly decoyPasswordHash: Promise<string>;
}

/** An account as the API shows it (never its password hash). */
export interface UserJson {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly bio: string;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly followers: number;
  readonly following: number;
  readonly posts: number;
}

/** A post as the API shows it. */
export interface PostJson {
  readonly id: number;
  readonly authorId: number;
  readonly text: string;
  readonly replyTo: number | null;
  readonly likes: number;
  /** ISO 8601. */
  readonly createdAt: string;
}

/** A post in a timeline, with what it shows of the author. */
export interface TimelinePostJson extends PostJson {
  readonly author: { readonly username: string; readonly displayName: string };
}

/** One page of a newest-first timeline. */
export interface PageJson {
  readonly posts: readonly TimelinePostJson[];
  /** Pass as `?cursor=` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/** The answer to a sign-up. */
export interface SignupJson {
  readonly user: UserJson;
  readonly token: string;
  /** `requested`: usernames sent; `pending`: follows recorded, made real by a background job. */
  readonly followImport: { readonly requested: number; readonly pending: number };
}

/** The answer to a login. */
export interface LoginJson {
  readonly token: string;
  readonly user: UserJson;
}

/** A route's answer: status and body (undefined for 204). */
export interface Outcome<T> {
  readonly status: number;
  readonly body: T;
}
