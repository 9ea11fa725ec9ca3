import { describe, expect, it } from 'vitest';
import { NO_FAULTS } from '../config.js';
import { createFaultRouteTable } from './fault-scope.js';

function table() {
  const routes = createFaultRouteTable();
  routes.add('/v1/feed', ['GET', 'HEAD']);
  routes.add('/v1/posts/:id/like', 'POST');
  routes.add('/v1/posts/:id/like', 'DELETE');
  routes.add('/healthz', 'GET');
  return routes;
}

describe('createFaultRouteTable', () => {
  it('accepts a scope that matches some /v1/ request, or none at all', () => {
    const routes = table();
    for (const scope of [
      {},
      { route: '/v1/feed' },
      { route: '/v1/feed', method: 'HEAD' as const },
      { route: '/v1/posts/:id/like', method: 'DELETE' as const },
      { method: 'POST' as const },
    ]) {
      expect(routes.problem({ ...NO_FAULTS, latencyMs: 1, ...scope })).toBeUndefined();
    }
  });

  it('names a route it lacks, with its /v1/ routes, and a method the route does not answer', () => {
    const routes = table();
    expect(routes.problem({ ...NO_FAULTS, route: '/v1/feeds' })).toEqual({
      field: 'route',
      message:
        "route '/v1/feeds' is not a route of this service; its /v1/ routes: /v1/feed, /v1/posts/:id/like",
    });
    expect(routes.problem({ ...NO_FAULTS, route: '/healthz' })?.field).toBe('route');
    expect(routes.problem({ ...NO_FAULTS, route: '/v1/feed', method: 'POST' })).toEqual({
      field: 'method',
      message: '/v1/feed does not answer POST; it answers GET, HEAD',
    });
    expect(routes.problem({ ...NO_FAULTS, method: 'PUT' })?.message).toBe(
      'no /v1/ route answers PUT; they answer DELETE, GET, HEAD, POST',
    );
  });
});
