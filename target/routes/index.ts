export { adminRoutes } from './admin.js';
export { authRoutes } from './auth.js';
export { feedRoutes } from './feed.js';
export { followRoutes } from './follows.js';
export { healthRoutes } from './health.js';
export { postRoutes } from './posts.js';
export type { RouteOptions } from './types.js';
export { userRoutes } from './users.js';
