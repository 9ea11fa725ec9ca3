import Fastify, { type FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createFeedMetrics } from '../metrics/feed-metrics.js';
import { metricValue } from '../metrics/test-support.js';
import type { MetricsCollector } from '../types.js';
import { metricsPlugin } from './metrics.js';

const apps: FastifyInstance[] = [];

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function setup(collectMetrics?: MetricsCollector) {
  const registry = new Registry();
  const metrics = createFeedMetrics(registry);
  const app = Fastify();
  apps.push(app);
  await app.register(metricsPlugin, {
    metrics,
    collectMetrics: collectMetrics ?? (async () => ({ contentType: 'text/x', body: 'all' })),
  });
  app.post('/v1/posts/:id/like', async () => ({ liked: true }));
  app.get('/v1/slow', async () => {
    await new Promise((resolve) => setTimeout(resolve, 60));
    return { ok: true };
  });
  app.get('/v1/broken', async () => {
    throw new Error('boom');
  });
  return { app, registry };
}

const series = (route: string, method: string, status: string) => ({ route, method, status });

describe('metricsPlugin', () => {
  it('counts and times each answer by route template, method and status', async () => {
    const { app, registry } = await setup();
    await app.inject({ method: 'POST', url: '/v1/posts/7/like' });
    await app.inject({ method: 'POST', url: '/v1/posts/8/like?x=1' });
    await app.inject('/v1/broken');
    const like = series('/v1/posts/:id/like', 'POST', '200');
    expect(await metricValue(registry, 'http_requests_total', like)).toBe(2);
    expect(await metricValue(registry, 'http_request_duration_seconds_count', like)).toBe(2);
    const broken = series('/v1/broken', 'GET', '500');
    expect(await metricValue(registry, 'http_requests_total', broken)).toBe(1);
  });

  it('labels requests no route matched as unmatched, never by their URL', async () => {
    const { app, registry } = await setup();
    expect((await app.inject('/v1/no/such/path-12345')).statusCode).toBe(404);
    const unmatched = series('unmatched', 'GET', '404');
    expect(await metricValue(registry, 'http_requests_total', unmatched)).toBe(1);
    expect(await registry.metrics()).not.toContain('path-12345');
  });

  it('times a request from its first hook to its response', async () => {
    const { app, registry } = await setup();
    await app.inject('/v1/slow');
    const slow = series('/v1/slow', 'GET', '200');
    expect(await metricValue(registry, 'http_request_duration_seconds_sum', slow)).toBeGreaterThan(
      0.055,
    );
    expect(
      await metricValue(registry, 'http_request_duration_seconds_bucket', { ...slow, le: '0.05' }),
    ).toBe(0);
  });

  it('answers GET /metrics with what the collector returns', async () => {
    const { app, registry } = await setup();
    const response = await app.inject('/metrics');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/x');
    expect(response.body).toBe('all');
    const scrape = series('/metrics', 'GET', '200');
    expect(await metricValue(registry, 'http_requests_total', scrape)).toBe(1);
  });

  it('answers 500 naming the cause when the collector fails', async () => {
    const { app } = await setup(async () => {
      throw new Error('the primary did not answer');
    });
    const response = await app.inject('/metrics');
    expect(response.statusCode).toBe(500);
    expect(response.body).toContain('collecting the metrics failed: the primary did not answer');
  });
});
