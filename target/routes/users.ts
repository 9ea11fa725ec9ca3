import { publicUser } from '../feed/accounts.js';
import { userTimeline } from '../feed/timelines.js';
import type { ZodPlugin } from '../plugins/validation.js';
import { sendOutcome } from './outcome.js';
import { IdParams, PageQuery } from './params.js';
import type { RouteOptions } from './types.js';

/** `GET /users/:id` and `GET /users/:id/posts?cursor=`, public (under `/v1`). */
export const userRoutes: ZodPlugin<RouteOptions> = async (app, { context }) => {
  app.get('/users/:id', { schema: { params: IdParams } }, async (request, reply) =>
    sendOutcome(reply, await publicUser(context, request.params.id)),
  );
  app.get(
    '/users/:id/posts',
    { schema: { params: IdParams, querystring: PageQuery } },
    async (request, reply) =>
      sendOutcome(reply, await userTimeline(context, request.params.id, request.query.cursor)),
  );
};
