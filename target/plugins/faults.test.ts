import { performance } from 'node:perf_hooks';
import Fastify, { type FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { type FaultSpec, NO_FAULTS } from '../config.js';
import { createFaultController } from '../faults/fault-controller.js';
import { createFeedMetrics } from '../metrics/feed-metrics.js';
import { metricValue } from '../metrics/test-support.js';
import { faultsPlugin } from './faults.js';

const cleanups: (() => unknown)[] = [];

afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function setup(spec: FaultSpec, onScopeProblem?: (problem: string) => void) {
  const registry = new Registry();
  const metrics = createFeedMetrics(registry);
  const faults = createFaultController(spec);
  const app: FastifyInstance = Fastify();
  cleanups.push(
    () => app.close(),
    () => faults.close(),
  );
  await app.register(faultsPlugin, { faults, metrics, onScopeProblem });
  app.get('/v1/items/:id', async () => ({ ok: true }));
  app.post('/v1/items/:id', async () => ({ ok: true }));
  app.get('/v1/other', async () => ({ ok: true }));
  app.get('/healthz', async () => ({ ok: true }));
  const injected = (kind: string) => metricValue(registry, 'feed_faults_injected_total', { kind });
  return { app, faults, injected };
}

async function timed(app: FastifyInstance, url: string) {
  const start = performance.now();
  const response = await app.inject(url);
  return { status: response.statusCode, ms: performance.now() - start };
}

describe('faultsPlugin', () => {
  it('injects nothing and counts nothing when no fault is in force', async () => {
    const { app, injected } = await setup(NO_FAULTS);
    expect((await app.inject('/v1/items/1')).statusCode).toBe(200);
    for (const kind of ['latency', 'error', 'cpu']) expect(await injected(kind)).toBe(0);
  });

  it('fails requests with 500 fault_injected, on /v1/ routes only', async () => {
    const { app, injected } = await setup({ ...NO_FAULTS, errorRate: 1 });
    const failed = await app.inject('/v1/items/1');
    expect(failed.statusCode).toBe(500);
    expect(failed.json()).toEqual({
      error: {
        code: 'fault_injected',
        message: 'a failure injected on purpose by the errors= fault',
      },
    });
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    expect((await app.inject('/v1/unknown/route')).statusCode).toBe(404);
    expect(await injected('error')).toBe(1);
  });

  it('fails about errorRate of the requests', async () => {
    const { app, injected } = await setup({ ...NO_FAULTS, errorRate: 0.3 });
    const statuses = await Promise.all(
      Array.from({ length: 400 }, async () => (await app.inject('/v1/items/1')).statusCode),
    );
    const failed = statuses.filter((status) => status === 500).length;
    // Binomial(400, 0.3): mean 120, standard deviation 9.2; this range is over 5 deviations wide.
    expect(failed).toBeGreaterThan(70);
    expect(failed).toBeLessThan(170);
    expect(statuses.filter((status) => status === 200)).toHaveLength(400 - failed);
    expect(await injected('error')).toBe(failed);
  });

  it('adds latency and CPU cost to every /v1/ request', async () => {
    const { app, injected } = await setup({ ...NO_FAULTS, latencyMs: 80, cpuMs: 30 });
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    expect(await injected('latency')).toBe(0);
    const { status, ms } = await timed(app, '/v1/items/1');
    expect(status).toBe(200);
    expect(ms).toBeGreaterThanOrEqual(105);
    expect(await injected('latency')).toBe(1);
    expect(await injected('cpu')).toBe(1);
  });

  it('slows only the requests of the route and method a scoped fault names', async () => {
    const { app, injected } = await setup({
      ...NO_FAULTS,
      latencyMs: 200,
      cpuMs: 1,
      route: '/v1/items/:id',
      method: 'GET',
    });
    // Route and method differ: untouched, and nothing counted.
    expect((await app.inject('/v1/other')).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/v1/items/7' })).statusCode).toBe(200);
    expect(await injected('latency')).toBe(0);
    expect(await injected('cpu')).toBe(0);
    const { status, ms } = await timed(app, '/v1/items/7');
    expect(status).toBe(200);
    expect(ms).toBeGreaterThanOrEqual(195);
    expect(await injected('latency')).toBe(1);
    expect(await injected('cpu')).toBe(1);
  });

  it('fails only the scoped requests, whatever their ids', async () => {
    const { app, injected } = await setup({ ...NO_FAULTS, errorRate: 1, route: '/v1/items/:id' });
    expect((await app.inject('/v1/items/1')).statusCode).toBe(500);
    expect((await app.inject({ method: 'POST', url: '/v1/items/2' })).statusCode).toBe(500);
    expect((await app.inject('/v1/other')).statusCode).toBe(200);
    expect(await injected('error')).toBe(2);
  });

  it('tells when the app is ready that a scope matches no request', async () => {
    const problems: string[] = [];
    const { app } = await setup({ ...NO_FAULTS, latencyMs: 5, route: '/v1/item/:id' }, (problem) =>
      problems.push(problem),
    );
    await app.ready();
    expect(problems).toEqual([
      "route '/v1/item/:id' is not a route of this service; its /v1/ routes: /v1/items/:id, /v1/other",
    ]);
    const fine: string[] = [];
    const other = await setup({ ...NO_FAULTS, latencyMs: 5, route: '/v1/other' }, (problem) =>
      fine.push(problem),
    );
    await other.app.ready();
    expect(fine).toEqual([]);
  });

  it('follows the controller: faults set at runtime apply at once, and none stops them', async () => {
    const { app, faults, injected } = await setup(NO_FAULTS);
    faults.set({ ...NO_FAULTS, errorRate: 1 });
    expect((await app.inject('/v1/items/1')).statusCode).toBe(500);
    faults.set(NO_FAULTS);
    expect((await app.inject('/v1/items/1')).statusCode).toBe(200);
    expect(await injected('error')).toBe(1);
  });

  it('counts the stalls of the controller', async () => {
    const { injected } = await setup({ ...NO_FAULTS, stallMs: 5, stallEveryMs: 40 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await injected('stall')).toBeGreaterThanOrEqual(2);
  });
});
