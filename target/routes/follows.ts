import { follow, unfollow } from '../feed/follows.js';
import type { ZodPlugin } from '../plugins/validation.js';
import { sendOutcome } from './outcome.js';
import { UserIdParams } from './params.js';
import type { RouteOptions } from './types.js';

/** `POST` and `DELETE /follows/:userId` (under `/v1`). */
export const followRoutes: ZodPlugin<RouteOptions> = async (app, { context }) => {
  app.addHook('onRequest', app.requireUser);
  app.post('/follows/:userId', { schema: { params: UserIdParams } }, async (request, reply) =>
    sendOutcome(reply, await follow(context, request.userId, request.params.userId)),
  );
  app.delete('/follows/:userId', { schema: { params: UserIdParams } }, async (request, reply) =>
    sendOutcome(reply, await unfollow(context, request.userId, request.params.userId)),
  );
};
