export { currentUser, logIn, publicUser, type SignupOutcome, signUp } from './accounts.js';
export { createFeedContext, type FeedContextOptions } from './context.js';
export { CursorParamSchema, decodeCursor, encodeCursor } from './cursor.js';
export { type FollowJobKind, pendingFollowJob, recoverPendingFollows } from './follow-jobs.js';
export { type FollowJson, follow, unfollow } from './follows.js';
export { type Job, JobQueue, type JobQueueOptions, type Reservation } from './job-queue.js';
export { hashPassword, verifyPassword } from './passwords.js';
export { createPost, deletePost, type LikeJson, likePost, unlikePost } from './posts.js';
export {
  IdParamSchema,
  IdSchema,
  LoginBodySchema,
  type LoginInput,
  PostBodySchema,
  type PostInput,
  type SignupInput,
  signupBodySchema,
  textSchema,
  UsernameSchema,
} from './schemas.js';
export { homeTimeline, PAGE_SIZE, userTimeline } from './timelines.js';
export { createTokenService, type TokenService, type TokenServiceOptions } from './tokens.js';
export type * from './types.js';
export {
  MAX_VERIFY_IDS,
  type RecordKind,
  VERIFY_BODY_LIMIT_BYTES,
  VerifyBodySchema,
  type VerifyInput,
  type VerifyJson,
  verifyRecords,
} from './verify.js';
