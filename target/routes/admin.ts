import { FaultSpecSchema } from '../config.js';
import type { ZodPlugin } from '../plugins/validation.js';
import type { RouteOptions } from './types.js';

/**
 * `GET /admin/stats` (row counts and job queue, for consistency checks after a run) and
 * `GET`/`PUT /admin/faults` (the faults in force; PUT replaces them with a whole FaultSpec).
 * All need `Authorization: Bearer <adminToken>`.
 */
export const adminRoutes: ZodPlugin<RouteOptions> = async (app, { context, faults }) => {
  app.addHook('onRequest', app.requireAdmin);
  app.get('/admin/stats', async () => ({
    ...(await context.store.stats()),
    jobs: { queued: context.jobs.depth(), running: context.jobs.running() },
  }));
  app.get('/admin/faults', async () => faults.current());
  app.put('/admin/faults', { schema: { body: FaultSpecSchema } }, async (request) => {
    faults.set(request.body);
    return faults.current();
  });
};
