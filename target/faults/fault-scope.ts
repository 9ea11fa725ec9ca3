import type { FaultSpec } from '../config.js';

/** The `/v1/` routes of an app, for checking that a fault's scope matches some request. */
export interface FaultRouteTable {
  /** Records a route as Fastify registers it (`onRoute`); routes outside `/v1/` are ignored. */
  add(url: string, method: string | readonly string[]): void;
  /**
   * What is wrong with the scope of `spec` — a `route` no `/v1/` route has, or a `method` its
   * route (or, without one, every `/v1/` route) does not answer — naming what would match;
   * undefined when the scope matches some request or there is none.
   */
  problem(spec: FaultSpec): FaultScopeProblem | undefined;
}

/** A fault scope that matches no request: the field at fault and why. */
export interface FaultScopeProblem {
  readonly field: 'route' | 'method';
  readonly message: string;
}

/** An empty {@link FaultRouteTable}. */
export function createFaultRouteTable(): FaultRouteTable {
  const methodsOf = new Map<string, Set<string>>();
  return {
    add(url, method) {
      if (!url.startsWith('/v1/')) return;
      const methods = methodsOf.get(url) ?? new Set<string>();
      for (const one of typeof method === 'string' ? [method] : method) methods.add(one);
      methodsOf.set(url, methods);
    },
    problem({ route, method }) {
      if (route !== undefined && !methodsOf.has(route)) {
        const routes = [...methodsOf.keys()].sort().join(', ');
        const message = `route '${route}' is not a route of this service; its /v1/ routes: ${routes}`;
        return { field: 'route', message };
      }
      if (method === undefined) return undefined;
      const methods = route === undefined ? [...methodsOf.values()] : [methodsOf.get(route)!];
      const answered = new Set(methods.flatMap((set) => [...set]));
      if (answered.has(method)) return undefined;
      const listed = [...answered].sort().join(', ');
      const message =
        route === undefined
          ? `no /v1/ route answers ${method}; they answer ${listed}`
          : `${route} does not answer ${method}; it answers ${listed}`;
      return { field: 'method', message };
    },
  };
}
