/**
 * Helpers the launch-day scenarios share (scenarios/*.ts import them from './lib/index.js'):
 * seeded accounts of `launchday target seed` and their logins, Zipf-like picks of popular
 * accounts, heavy-tailed counts, faker sign-up profiles, the new user's journey (sign-up, follow
 * import, feed, post), and parameter errors.
 */
export type { PostAnswer, SignupAnswer } from './answers.js';
export { heavyTailedCount } from './heavy-tailed.js';
export { type NewUserContext, type NewUserOptions, newUserJourney } from './new-user.js';
export { invalidParams, type ParamProblem } from './param-error.js';
export { pickPopularRanks, pickPopularUsernames, zipfRank } from './popular-accounts.js';
export { runTag, type SignupProfile, signupKey, signupProfile } from './profiles.js';
export {
  assertSeeded,
  authHeaders,
  loginSeededAccounts,
  SEED_PASSWORD,
  SEEDED_USERS_PARAM,
  type SeededAccounts,
  seededUsername,
} from './seeded-accounts.js';
