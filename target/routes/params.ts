import { z } from 'zod';
import { CursorParamSchema } from '../feed/cursor.js';
import { IdParamSchema } from '../feed/schemas.js';

/** `/:id` of a route. */
export const IdParams = z.strictObject({ id: IdParamSchema });

/** `/:userId` of a route. */
export const UserIdParams = z.strictObject({ userId: IdParamSchema });

/** `?cursor=` of a paged route, the only query parameter it takes. */
export const PageQuery = z.strictObject({ cursor: CursorParamSchema });
