import type { FeedContext } from '../feed/types.js';
import type { FaultController } from '../types.js';

/** The options every route plugin receives from `buildApp`. */
export interface RouteOptions extends Record<string, unknown> {
  readonly context: FeedContext;
  /** The faults in force (the admin routes read and change them). */
  readonly faults: FaultController;
}
