import { describeAccounts } from './accounts.js';
import { describeConsistency } from './consistency.js';
import { describeDurability } from './durability.js';
import { describeFollows } from './follows.js';
import { describeInstances } from './instances.js';
import { describePendingFollows } from './pending-follows.js';
import { describePosts } from './posts.js';
import { describeSeeding } from './seeding.js';
import { describeTimelines } from './timelines.js';
import type { StoreSubject } from './types.js';

export { describeAccounts } from './accounts.js';
export { describeConsistency } from './consistency.js';
export { describeDurability } from './durability.js';
export { describeFollows } from './follows.js';
export { describeInstances } from './instances.js';
export { describePendingFollows } from './pending-follows.js';
export { describePosts } from './posts.js';
export { describeSeeding } from './seeding.js';
export { describeTimelines } from './timelines.js';
export type * from './types.js';

/**
 * Registers the whole store conformance suite for `subject`: every concern, each test that
 * needs a capability the subject lacks left unregistered. A store's test file calls it once
 * per subject.
 */
export function describeStoreConformance(subject: StoreSubject): void {
  describeAccounts(subject);
  describePosts(subject);
  describeFollows(subject);
  describePendingFollows(subject);
  describeTimelines(subject);
  describeConsistency(subject);
  describeInstances(subject);
  describeDurability(subject);
  describeSeeding(subject);
}
