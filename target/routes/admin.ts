import { FaultSpecSchema } from '../config.js';
import { ApiError } from '../errors.js';
import { VERIFY_BODY_LIMIT_BYTES, VerifyBodySchema, verifyRecords } from '../feed/verify.js';
import type { ZodPlugin } from '../plugins/validation.js';
import { sendOutcome } from './outcome.js';
import type { RouteOptions } from './types.js';

/**
 * `GET /admin/stats` (row counts and job queue) and `POST /admin/verify` (which acknowledged
 * writes the store lacks), for consistency checks after a run; `GET`/`PUT /admin/faults` (the
 * faults in force; PUT replaces them with a whole FaultSpec, refusing one scoped to a route or
 * method no `/v1/` request has).
 * All need `Authorization: Bearer <adminToken>`.
 */
export const adminRoutes: ZodPlugin<RouteOptions> = async (app, { context, faults }) => {
  app.addHook('onRequest', app.requireAdmin);
  app.get('/admin/stats', async () => ({
    ...(await context.store.stats()),
    jobs: { queued: context.jobs.depth(), running: context.jobs.running() },
  }));
  app.post(
    '/admin/verify',
    {
      schema: { body: VerifyBodySchema },
      // A full list of ids of every kind is larger than any API body.
      bodyLimit: Math.max(context.config.bodyLimitBytes, VERIFY_BODY_LIMIT_BYTES),
    },
    async (request, reply) => sendOutcome(reply, await verifyRecords(context, request.body)),
  );
  app.get('/admin/faults', async () => faults.current());
  app.put('/admin/faults', { schema: { body: FaultSpecSchema } }, async (request) => {
    const problem = app.faultScopeProblem(request.body);
    if (problem !== undefined) {
      const issue = { path: `body.${problem.field}`, message: problem.message };
      throw new ApiError('validation_failed', problem.message, [issue]);
    }
    faults.set(request.body);
    return faults.current();
  });
};
