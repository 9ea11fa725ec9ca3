import Fastify, { type FastifyInstance } from 'fastify';
import { createFeedContext } from './feed/context.js';
import { recoverPendingFollows } from './feed/follow-jobs.js';
import { authenticationPlugin } from './plugins/authentication.js';
import { errorHandlerPlugin, frameworkErrors, logUnexpected } from './plugins/error-handler.js';
import { faultsPlugin } from './plugins/faults.js';
import { loadSheddingPlugin } from './plugins/load-shedding.js';
import { metricsPlugin } from './plugins/metrics.js';
import { zodValidatorCompiler } from './plugins/validation.js';
import {
  adminRoutes,
  authRoutes,
  feedRoutes,
  followRoutes,
  healthRoutes,
  postRoutes,
  type RouteOptions,
  userRoutes,
} from './routes/index.js';
import type { AppDeps } from './types.js';

/** How long closing the app waits for running job batches to reach a safe point (ms). */
export const JOB_CLOSE_TIMEOUT_MS = 5000;

/**
 * Builds the feed service without listening: tests `inject()`, the server `listen()`s. The
 * app-wide plugins come first (error handler, metrics, load shedding, faults, authentication),
 * then one plugin per resource. The app owns its job queue: pending follows left resolvable
 * by a previous run are queued when it is ready, and closing it stops the jobs at a batch
 * boundary (what they did not do stays pending in the store). The caller owns the store and
 * the fault controller and closes them after the app.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, metrics, faults } = deps;
  const app = Fastify({ bodyLimit: config.bodyLimitBytes, logger: false, frameworkErrors });
  app.setValidatorCompiler(zodValidatorCompiler);
  // JSON everywhere: a text/plain body is 415, not a string the schemas then refuse.
  app.removeContentTypeParser('text/plain');
  const context = createFeedContext({
    store: deps.store,
    config,
    metrics,
    databaseId: await deps.store.databaseId(),
    now: deps.now ?? Date.now,
    onJobError: (error, job) => logUnexpected(error, `job ${job.key}`),
  });
  await app.register(errorHandlerPlugin, {
    retryAfterSeconds: config.retryAfterSeconds,
    onUnexpected: (error, request) => logUnexpected(error, `${request.method} ${request.url}`),
  });
  await app.register(metricsPlugin, { metrics, collectMetrics: deps.collectMetrics });
  await app.register(loadSheddingPlugin, {
    maxInFlight: config.maxInFlight,
    queueBudgetMs: config.queueBudgetMs,
    retryAfterSeconds: config.retryAfterSeconds,
    metrics,
  });
  await app.register(faultsPlugin, {
    faults,
    metrics,
    onScopeProblem: (problem) =>
      process.stderr.write(
        `launchday target: warning: --faults: ${problem}; the faults hit no request\n`,
      ),
  });
  await app.register(authenticationPlugin, { tokens: context.tokens });
  const options: RouteOptions = { context, faults };
  await app.register(healthRoutes, options);
  await app.register(adminRoutes, options);
  for (const routes of [authRoutes, postRoutes, followRoutes, feedRoutes, userRoutes]) {
    await app.register(routes, { ...options, prefix: '/v1' });
  }
  app.addHook('onReady', async () => {
    // A store that fails here fails /readyz too; serving the rest beats not starting.
    const onError = (error: unknown) => logUnexpected(error, 'recovery');
    await recoverPendingFollows(context, onError).catch(onError);
  });
  app.addHook('onClose', () => context.jobs.close(JOB_CLOSE_TIMEOUT_MS));
  return app;
}
