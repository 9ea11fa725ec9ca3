import { createPost, deletePost, likePost, unlikePost } from '../feed/posts.js';
import { PostBodySchema } from '../feed/schemas.js';
import type { ZodPlugin } from '../plugins/validation.js';
import { sendOutcome } from './outcome.js';
import { IdParams } from './params.js';
import type { RouteOptions } from './types.js';

/** `POST /posts`, `DELETE /posts/:id`, `POST` and `DELETE /posts/:id/like` (under `/v1`). */
export const postRoutes: ZodPlugin<RouteOptions> = async (app, { context }) => {
  app.addHook('onRequest', app.requireUser);
  app.post('/posts', { schema: { body: PostBodySchema } }, async (request, reply) =>
    sendOutcome(reply, await createPost(context, request.userId, request.body)),
  );
  app.delete('/posts/:id', { schema: { params: IdParams } }, async (request, reply) =>
    sendOutcome(reply, await deletePost(context, request.userId, request.params.id)),
  );
  app.post('/posts/:id/like', { schema: { params: IdParams } }, async (request, reply) =>
    sendOutcome(reply, await likePost(context, request.userId, request.params.id)),
  );
  app.delete('/posts/:id/like', { schema: { params: IdParams } }, async (request, reply) =>
    sendOutcome(reply, await unlikePost(context, request.userId, request.params.id)),
  );
};
