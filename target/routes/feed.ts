import { homeTimeline } from '../feed/timelines.js';
import type { ZodPlugin } from '../plugins/validation.js';
import { sendOutcome } from './outcome.js';
import { PageQuery } from './params.js';
import type { RouteOptions } from './types.js';

/** `GET /feed?cursor=`: the home timeline, 20 posts a page (under `/v1`). */
export const feedRoutes: ZodPlugin<RouteOptions> = async (app, { context }) => {
  app.get(
    '/feed',
    { onRequest: app.requireUser, schema: { querystring: PageQuery } },
    async (request, reply) =>
      sendOutcome(reply, await homeTimeline(context, request.userId, request.query.cursor)),
  );
};
