import { ApiError } from '../errors.js';
import type { ZodPlugin } from '../plugins/validation.js';
import type { RouteOptions } from './types.js';

/** `GET /healthz`: 200 while the process lives. `GET /readyz`: 200 when the store answers. */
export const healthRoutes: ZodPlugin<RouteOptions> = async (app, { context }) => {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async () => {
    const ready = await context.store.ping().catch(() => false);
    if (!ready) throw new ApiError('not_ready', 'the store does not answer');
    return { status: 'ready' };
  });
};
