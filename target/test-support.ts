import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { type TargetConfigInput, TargetConfigSchema } from './config.js';
import { createFaultController } from './faults/fault-controller.js';
import type { SignupJson } from './feed/types.js';
import { createFeedMetrics } from './metrics/feed-metrics.js';
import { createRegistry } from './metrics/registry.js';
import { instrumentStore, openSqliteStore } from './store/index.js';
import type { AppDeps } from './types.js';

/** The admin token of every test app. */
export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';

/** An app built by {@link buildTestApp}, with what it was built from. */
export interface TestApp {
  readonly app: FastifyInstance;
  readonly deps: AppDeps;
  /** Closes the app, then the fault controller and the store. */
  close(): Promise<void>;
}

/** What a test may change besides the config: the clock of records and tokens. */
export interface TestAppOptions {
  /** Epoch ms. */
  readonly now?: () => number;
}

/**
 * Builds the app on a fresh `:memory:` store (instrumented) and a fresh registry, with test
 * settings: cheap password hashing, no admission-control shedding from a slow test machine, a
 * fixed secret and {@link TEST_ADMIN_TOKEN}. `overrides` change any setting.
 */
export async function buildTestApp(
  overrides: TargetConfigInput = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const config = TargetConfigSchema.parse({
    db: ':memory:',
    passwordCost: 4,
    maxInFlight: 100_000,
    queueBudgetMs: 60_000,
    secret: 'test-secret-test-secret-test-secret-0123',
    adminToken: TEST_ADMIN_TOKEN,
    ...overrides,
  });
  const registry = createRegistry();
  const metrics = createFeedMetrics(registry);
  const store = instrumentStore(openSqliteStore({ path: config.db, sync: config.sync }), metrics);
  const faults = createFaultController(config.faults);
  const collectMetrics = async () => ({
    contentType: registry.contentType,
    body: await registry.metrics(),
  });
  const deps: AppDeps = { config, store, registry, metrics, faults, collectMetrics, ...options };
  const app = await buildApp(deps);
  return {
    app,
    deps,
    async close() {
      await app.close();
      faults.close();
      await store.close();
    },
  };
}

/** `{ authorization: 'Bearer <token>' }`. */
export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

/** Signs `username` up (password `password123`) and returns the answer; throws unless 201. */
export async function signUpUser(
  app: FastifyInstance,
  username: string,
  extra: { follows?: string[]; displayName?: string } = {},
): Promise<SignupJson> {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/signup',
    payload: {
      username,
      displayName: extra.displayName ?? username,
      password: 'password123',
      ...extra,
    },
  });
  if (response.statusCode !== 201) {
    throw new Error(`sign-up of ${username}: ${response.statusCode} ${response.body}`);
  }
  return response.json<SignupJson>();
}

/** Waits until the app's job queue is empty and idle, polling `/admin/stats` (bounded: 10 s). */
export async function settleJobs(app: FastifyInstance): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const response = await app.inject({ url: '/admin/stats', headers: bearer(TEST_ADMIN_TOKEN) });
    const { jobs } = response.json<{ jobs: { queued: number; running: number } }>();
    if (jobs.queued === 0 && jobs.running === 0) return;
    if (Date.now() > deadline) throw new Error(`jobs still busy: ${response.body}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
